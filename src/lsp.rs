//! `gwlint lsp`: a language server over stdio, synchronous (lsp-server).
//!
//! Open and changed documents (full text sync) are linted with the settings of the
//! nearest `gwlint.toml` above their path, exactly as `gwlint check` would lint the
//! file; the findings are published with positions in UTF-16 code units, as LSP
//! requires. Code actions apply a finding's fix, or every safe fix in the document.
//! Config files are re-read after any document is saved.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, Location, MessageType, NumberOrString, Position,
    PositionEncodingKind, PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::json;

use crate::commands::Status;
use crate::config::{Overrides, Resolver, Source};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::fix::fix_in_memory;
use crate::settings::Settings;
use crate::source::{LineIndex, SourceFile};

/// Runs until the client says `exit`.
pub fn run(today: jiff::civil::Date) -> Status {
    let (connection, io_threads) = Connection::stdio();
    let outcome = serve(&connection, today);
    drop(connection);
    match outcome.and_then(|()| io_threads.join().map_err(|e| e.to_string())) {
        Ok(()) => Status::Clean,
        Err(e) => {
            eprintln!("gwlint lsp: {e}");
            Status::Error
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// One open document and its last findings (kept for code actions).
struct Document {
    uri: Uri,
    text: String,
    version: i32,
    path: PathBuf,
    findings: Vec<Diagnostic>,
    settings: Settings,
}

struct Server<'c> {
    connection: &'c Connection,
    today: jiff::civil::Date,
    resolver: Resolver,
    /// A broken config is shown once, not on every keystroke, until configs are re-read.
    warned: bool,
    documents: HashMap<String, Document>,
}

fn serve(connection: &Connection, today: jiff::civil::Date) -> Result<(), String> {
    let (id, _params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let result = json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "gwlint", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        today,
        resolver: new_resolver(today),
        warned: false,
        documents: HashMap::new(),
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                server.request(request);
            }
            Message::Notification(notification) => server.notification(notification),
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn new_resolver(today: jiff::civil::Date) -> Resolver {
    Resolver::new(Overrides::default(), Source::Nearest, today)
        .expect("no command-line values to be wrong")
}

impl Server<'_> {
    fn send(&self, message: Message) {
        // The client has gone when this fails; the receive loop then ends too.
        let _ = self.connection.sender.send(message);
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = n.extract::<DidOpenTextDocumentParams>("textDocument/didOpen") {
                    let doc = p.text_document;
                    self.update(doc.uri, doc.text, doc.version);
                }
            }
            "textDocument/didChange" => {
                if let Ok(mut p) =
                    n.extract::<DidChangeTextDocumentParams>("textDocument/didChange")
                {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.pop() {
                        let doc = p.text_document;
                        self.update(doc.uri, change.text, doc.version);
                    }
                }
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => {
                // A gwlint.toml may have changed: read config files again.
                self.resolver = new_resolver(self.today);
                self.warned = false;
                let open: Vec<(Uri, String, i32)> = self
                    .documents
                    .values()
                    .map(|d| (d.uri.clone(), d.text.clone(), d.version))
                    .collect();
                for (uri, text, version) in open {
                    self.update(uri, text, version);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = n.extract::<DidCloseTextDocumentParams>("textDocument/didClose") {
                    self.documents.remove(p.text_document.uri.as_str());
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        match r.method.as_str() {
            "textDocument/codeAction" => {
                let actions = r
                    .extract::<CodeActionParams>("textDocument/codeAction")
                    .ok()
                    .map(|(_, p)| self.code_actions(&p))
                    .unwrap_or_default();
                self.send(Response::new_ok(id, actions).into());
            }
            _ => self.send(
                Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("gwlint 不支持 {}", r.method),
                )
                .into(),
            ),
        }
    }

    /// Lints the new text and publishes the findings.
    fn update(&mut self, uri: Uri, text: String, version: i32) {
        let path = path_of(&uri);
        let settings = match self.resolver.settings_for(&path) {
            Ok(settings) => settings,
            Err(e) => {
                if !std::mem::replace(&mut self.warned, true) {
                    self.show_error(&format!("{e}（已按默认设置检查）"));
                }
                Settings::new(self.today)
            }
        };
        let source = SourceFile::from_text(path.clone(), text);
        let report = crate::lint(source, &settings);
        let text = report.source.text;
        let published = to_lsp(&uri, &text, &LineIndex::new(&text), &report.diagnostics);
        self.publish(uri.clone(), published, Some(version));
        self.documents.insert(
            uri.as_str().to_string(),
            Document {
                uri,
                text,
                version,
                path,
                findings: report.diagnostics,
                settings,
            },
        );
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<LspDiagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new("textDocument/publishDiagnostics".into(), params).into());
    }

    fn show_error(&self, message: &str) {
        let params = ShowMessageParams {
            typ: MessageType::ERROR,
            message: format!("gwlint: {message}"),
        };
        self.send(Notification::new("window/showMessage".into(), params).into());
    }

    /// A quick fix per finding with a fix in the range, and one action for every safe
    /// fix in the document.
    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.documents.get(p.text_document.uri.as_str()) else {
            return Vec::new();
        };
        let index = LineIndex::new(&doc.text);
        let mut actions = Vec::new();
        for d in &doc.findings {
            let Some(fix) = &d.fix else { continue };
            let range = range_of(&doc.text, &index, d.span);
            if range.end < p.range.start || p.range.end < range.start {
                continue;
            }
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: range_of(&doc.text, &index, e.span),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let title = match &d.help {
                Some(help) => format!("{}：{help}", d.code),
                None => format!("修复 {}", d.code),
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(to_lsp(&doc.uri, &doc.text, &index, std::slice::from_ref(d))),
                edit: Some(workspace_edit(&doc.uri, edits)),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }));
        }
        if doc
            .findings
            .iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        {
            let fixed = fix_in_memory(
                SourceFile::from_text(doc.path.clone(), doc.text.clone()),
                &doc.settings,
            );
            if fixed.changed() {
                let whole = range_of(&doc.text, &index, Span::new(0, doc.text.len()));
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "gwlint：修复本文件中可安全修复的全部问题（{} 处）",
                        fixed.applied
                    ),
                    kind: Some(CodeActionKind::SOURCE_FIX_ALL),
                    edit: Some(workspace_edit(
                        &doc.uri,
                        vec![TextEdit {
                            range: whole,
                            new_text: fixed.report.source.text,
                        }],
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Findings as LSP diagnostics: message plus help, secondary labels as related
/// information.
fn to_lsp(uri: &Uri, text: &str, index: &LineIndex, findings: &[Diagnostic]) -> Vec<LspDiagnostic> {
    findings
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push('\n');
                message.push_str(help);
            }
            let related: Vec<DiagnosticRelatedInformation> = d
                .secondary
                .iter()
                .map(|l| DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), range_of(text, index, l.span)),
                    message: l.text.clone(),
                })
                .collect();
            LspDiagnostic {
                range: range_of(text, index, d.span),
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.code.to_string())),
                source: Some("gwlint".to_string()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                ..LspDiagnostic::default()
            }
        })
        .collect()
}

fn range_of(text: &str, index: &LineIndex, span: Span) -> Range {
    Range::new(
        position(text, index, span.start),
        position(text, index, span.end),
    )
}

/// A byte offset as an LSP position: 0-based line, UTF-16 code units into the line.
pub fn position(text: &str, index: &LineIndex, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let line = index.line_col(text, offset).line - 1;
    let start = index.line_start(line);
    let character = text
        .get(start..offset)
        .map_or(0, |s| s.encode_utf16().count());
    Position::new(line as u32, character as u32)
}

/// The file a URI names: `file:` URIs are decoded; for others (`untitled:`…) the
/// last segment, so the file kind still follows the name and no config is found.
fn path_of(uri: &Uri) -> PathBuf {
    let s = uri.as_str();
    if let Some(rest) = s.strip_prefix("file://") {
        // Skip an authority ("localhost" or empty).
        let path = rest.find('/').map_or(rest, |i| &rest[i..]);
        let decoded = percent_decode(path);
        // file:///C:/x → C:/x
        let windows =
            decoded.len() > 2 && decoded.as_bytes()[0] == b'/' && decoded.as_bytes()[2] == b':';
        return PathBuf::from(if windows { &decoded[1..] } else { &decoded });
    }
    let name = s.rsplit(['/', ':']).next().unwrap_or(s);
    PathBuf::from(percent_decode(name))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "一𠀀二\r\nab";
        let index = LineIndex::new(text);
        // 𠀀 is outside the BMP: two UTF-16 units.
        assert_eq!(
            position(text, &index, text.find('二').unwrap()),
            Position::new(0, 3)
        );
        assert_eq!(
            position(text, &index, text.find('b').unwrap()),
            Position::new(1, 1)
        );
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///tmp/%E6%8A%A5%E5%91%8A%20a.md".parse().unwrap();
        assert_eq!(path_of(&uri), PathBuf::from("/tmp/报告 a.md"));
        let uri: Uri = "file:///c%3A/docs/a.txt".parse().unwrap();
        assert_eq!(path_of(&uri), PathBuf::from("c:/docs/a.txt"));
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&uri), PathBuf::from("Untitled-1"));
    }
}
