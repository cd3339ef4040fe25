//! `gwlint lsp`: a language server over stdio.
//!
//! Open and changed documents (full text sync) are linted with the settings of the
//! nearest `gwlint.toml` above their path, exactly as `gwlint check` would lint the
//! file. The base protocol is read by hand (`transport.rs`) so that no message, however
//! broken, stops the server. Messages are taken in batches: everything that has arrived
//! is handled before any linting, a document changed ten times is linted once, at its
//! latest version, and a document with a newer change already waiting is not linted at
//! all; so diagnostics are only ever published for the current text.
//!
//! Diagnostics are pushed (`publishDiagnostics`), or pulled by clients that can
//! (`textDocument/diagnostic`); hover shows the rule's documentation; code actions apply
//! a finding's fix or every safe fix (`source.fixAll.gwlint`), honouring `context.only`.
//! Configuration is read again after a save, `workspace/didChangeConfiguration` and a
//! change to a watched `gwlint.toml`.

mod actions;
mod convert;
mod transport;

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};

use serde_json::{json, Value};

use self::convert::{path_of, to_lsp};
use self::transport::{
    error_response, notification, read_message, response, write_message, Id, Incoming,
    INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, REQUEST_CANCELLED, SERVER_NOT_INITIALIZED,
};
use super::Status;
use crate::config::{Overrides, Resolver, Source};
use crate::diagnostic::Diagnostic;
use crate::settings::Settings;
use crate::source::{LineIndex, SourceFile};

/// How many messages may wait unread before the reader stops taking more from stdin
/// (each may hold a whole document).
const QUEUE: usize = 32;

/// Runs until the client says `exit` or closes stdin. Exit status 0 after `shutdown`,
/// else 1 (as LSP asks).
pub fn run(today: jiff::civil::Date) -> Status {
    let (sender, receiver) = sync_channel(QUEUE);
    std::thread::spawn(move || {
        let mut input = std::io::stdin().lock();
        loop {
            let message = read_message(&mut input);
            let end = matches!(message, Incoming::Eof);
            if sender.send(message).is_err() || end {
                return;
            }
        }
    });
    let mut server = Server::new(today, std::io::stdout().lock());
    server.serve(&receiver)
}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShutDown,
}

/// One open document and the findings of its text, when linted.
struct Document {
    uri: String,
    text: String,
    version: i32,
    path: PathBuf,
    /// The findings and settings of `text`; `None` while a newer text awaits linting.
    linted: Option<(Vec<Diagnostic>, Settings)>,
    /// Whether the findings of `text` still have to be published.
    unpublished: bool,
}

pub(crate) struct Server<W: Write> {
    out: W,
    /// The client has gone: stop writing.
    gone: bool,
    today: jiff::civil::Date,
    resolver: Resolver,
    /// A broken config is shown once, not on every keystroke, until configs are re-read.
    warned: bool,
    documents: HashMap<String, Document>,
    phase: Phase,
    /// The client pulls diagnostics (`textDocument/diagnostic`); else they are pushed.
    pull: bool,
    /// The client can be asked to pull again after the configuration changed.
    refresh: bool,
    /// The client takes dynamic registrations of watched files.
    watch: bool,
    /// Messages read ahead while deciding whether a lint is stale.
    pending: VecDeque<Incoming>,
    next_id: u64,
}

fn new_resolver(today: jiff::civil::Date) -> Resolver {
    Resolver::new(Overrides::default(), Source::Nearest, today)
        .expect("no command-line values to be wrong")
}

impl<W: Write> Server<W> {
    fn new(today: jiff::civil::Date, out: W) -> Self {
        Self {
            out,
            gone: false,
            today,
            resolver: new_resolver(today),
            warned: false,
            documents: HashMap::new(),
            phase: Phase::Uninitialized,
            pull: false,
            refresh: false,
            watch: false,
            pending: VecDeque::new(),
            next_id: 1,
        }
    }

    fn serve(&mut self, receiver: &Receiver<Incoming>) -> Status {
        loop {
            let first = match self.pending.pop_front() {
                Some(message) => message,
                None => match receiver.recv() {
                    Ok(message) => message,
                    Err(_) => Incoming::Eof,
                },
            };
            let mut batch = vec![first];
            batch.extend(self.pending.drain(..));
            batch.extend(receiver.try_iter());
            let cancelled: Vec<Value> = batch
                .iter()
                .filter_map(|m| match m {
                    Incoming::Notification { method, params } if method == "$/cancelRequest" => {
                        params.get("id").cloned()
                    }
                    _ => None,
                })
                .collect();
            for message in batch {
                match message {
                    Incoming::Eof => return self.exit_status(),
                    Incoming::Notification { method, .. } if method == "exit" => {
                        return self.exit_status()
                    }
                    Incoming::Invalid { id, code, message } => {
                        self.send(&error_response(id, code, &message));
                    }
                    Incoming::Response => {}
                    Incoming::Request { id, .. } if cancelled.contains(&id) => {
                        self.send(&error_response(id, REQUEST_CANCELLED, "请求已取消"));
                    }
                    Incoming::Request { id, method, params } => self.request(id, &method, params),
                    Incoming::Notification { method, params } => {
                        self.notification(&method, params);
                    }
                }
            }
            self.publish_current(receiver);
        }
    }

    fn exit_status(&self) -> Status {
        if self.phase == Phase::ShutDown {
            Status::Clean
        } else {
            Status::Findings
        }
    }

    fn send(&mut self, message: &Value) {
        if !self.gone && !write_message(&mut self.out, message) {
            self.gone = true;
        }
    }

    fn request(&mut self, id: Id, method: &str, params: Value) {
        match (self.phase, method) {
            (Phase::Uninitialized, "initialize") => {
                let result = self.initialize(&params);
                self.phase = Phase::Running;
                self.send(&response(id, result));
            }
            (Phase::Uninitialized, _) => self.send(&error_response(
                id,
                SERVER_NOT_INITIALIZED,
                "请先发送 initialize",
            )),
            (Phase::ShutDown, _) => self.send(&error_response(
                id,
                INVALID_REQUEST,
                "服务器已收到 shutdown，只接受 exit",
            )),
            (Phase::Running, "initialize") => {
                self.send(&error_response(id, INVALID_REQUEST, "已经初始化过"));
            }
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShutDown;
                self.send(&response(id, Value::Null));
            }
            (Phase::Running, "textDocument/codeAction") => {
                let result = self.code_actions(&params);
                self.answer(id, result);
            }
            (Phase::Running, "textDocument/hover") => {
                let result = self.hover(&params);
                self.answer(id, result);
            }
            (Phase::Running, "textDocument/diagnostic") => {
                let result = self.pull_diagnostics(&params);
                self.answer(id, result);
            }
            (Phase::Running, _) => self.send(&error_response(
                id,
                METHOD_NOT_FOUND,
                &format!("gwlint 不支持 {method}"),
            )),
        }
    }

    /// A result, or -32602 when the parameters could not be read.
    fn answer(&mut self, id: Id, result: Option<Value>) {
        match result {
            Some(result) => self.send(&response(id, result)),
            None => self.send(&error_response(id, INVALID_PARAMS, "参数不完整或类型不对")),
        }
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let caps = &params["capabilities"];
        self.pull = caps["textDocument"]["diagnostic"].is_object();
        self.refresh = caps["workspace"]["diagnostics"]["refreshSupport"] == true;
        self.watch = caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] == true;
        json!({
            "capabilities": {
                "positionEncoding": "utf-16",
                "textDocumentSync": {
                    "openClose": true,
                    "change": 1,
                    "save": { "includeText": false },
                },
                "codeActionProvider": {
                    "codeActionKinds": ["quickfix", actions::FIX_ALL],
                },
                "hoverProvider": true,
                "diagnosticProvider": {
                    "identifier": "gwlint",
                    "interFileDependencies": false,
                    "workspaceDiagnostics": false,
                },
            },
            "serverInfo": { "name": "gwlint", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    fn notification(&mut self, method: &str, params: Value) {
        if self.phase != Phase::Running {
            return; // before initialize and after shutdown only `exit` counts
        }
        let uri = params["textDocument"]["uri"].as_str().map(str::to_string);
        match (method, uri) {
            ("initialized", _) if self.watch => self.watch_configs(),
            ("textDocument/didOpen", Some(uri)) => {
                let doc = &params["textDocument"];
                if let Some(text) = doc["text"].as_str() {
                    let version = version_of(doc);
                    self.set_text(uri, text.to_string(), version);
                }
            }
            ("textDocument/didChange", Some(uri)) => {
                // Full sync: the last change holds the whole text.
                let last = params["contentChanges"].as_array().and_then(|c| c.last());
                if let Some(text) = last.and_then(|c| c["text"].as_str()) {
                    let version = version_of(&params["textDocument"]);
                    self.set_text(uri, text.to_string(), version);
                }
            }
            ("textDocument/didClose", Some(uri)) => {
                self.documents.remove(&uri);
                if !self.pull {
                    self.publish(&uri, Vec::new(), None);
                }
            }
            (
                "textDocument/didSave"
                | "workspace/didChangeConfiguration"
                | "workspace/didChangeWatchedFiles",
                _,
            ) => self.reload_configs(),
            _ => {}
        }
    }

    fn set_text(&mut self, uri: String, text: String, version: i32) {
        let path = path_of(&uri);
        self.documents.insert(
            uri.clone(),
            Document {
                uri,
                text,
                version,
                path,
                linted: None,
                unpublished: true,
            },
        );
    }

    /// A `gwlint.toml` may have changed: read config files again, lint every open
    /// document again.
    fn reload_configs(&mut self) {
        self.resolver = new_resolver(self.today);
        self.warned = false;
        for doc in self.documents.values_mut() {
            doc.linted = None;
            doc.unpublished = true;
        }
        if self.pull && self.refresh {
            self.request_client("workspace/diagnostic/refresh", Value::Null);
        }
    }

    /// Asks the client to tell the server when a `gwlint.toml` changes.
    fn watch_configs(&mut self) {
        let watchers = json!([
            { "globPattern": "**/gwlint.toml" },
            { "globPattern": "**/.gwlint.toml" },
        ]);
        let registration = json!({ "registrations": [{
            "id": "gwlint-config",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": watchers },
        }]});
        self.request_client("client/registerCapability", registration);
    }

    fn request_client(&mut self, method: &str, params: Value) {
        let id = format!("gwlint-{}", self.next_id);
        self.next_id += 1;
        let mut message = notification(method, params);
        message["id"] = json!(id);
        self.send(&message);
    }

    /// Lints a document's latest text if it has not been linted yet.
    fn ensure_linted(&mut self, uri: &str) -> Option<&Document> {
        let needs = self.documents.get(uri)?.linted.is_none();
        if needs {
            let doc = &self.documents[uri];
            let path = doc.path.clone();
            let settings = match self.resolver.settings_for(&path) {
                Ok(settings) => settings,
                Err(e) => {
                    if !std::mem::replace(&mut self.warned, true) {
                        self.show_error(&format!("{e}（已按默认设置检查）"));
                    }
                    Settings::new(self.today)
                }
            };
            let doc = self.documents.get_mut(uri)?;
            let source = SourceFile::from_text(path, std::mem::take(&mut doc.text));
            let report = crate::lint(source, &settings);
            doc.text = report.source.text;
            doc.linted = Some((report.diagnostics, settings));
        }
        self.documents.get(uri)
    }

    /// Publishes (push mode) the findings of every document whose latest text has not
    /// been published, skipping one whose newer text is already waiting to be read.
    fn publish_current(&mut self, receiver: &Receiver<Incoming>) {
        if self.pull || self.phase != Phase::Running {
            return;
        }
        let mut uris: Vec<String> = self
            .documents
            .values()
            .filter(|d| d.unpublished)
            .map(|d| d.uri.clone())
            .collect();
        uris.sort();
        for uri in uris {
            self.pending.extend(receiver.try_iter());
            let superseded = self.pending.iter().any(|m| match m {
                Incoming::Notification { method, params } => {
                    method.starts_with("textDocument/did")
                        && params["textDocument"]["uri"].as_str() == Some(uri.as_str())
                }
                _ => false,
            });
            if superseded {
                continue;
            }
            let Some(doc) = self.ensure_linted(&uri) else {
                continue;
            };
            let (findings, _) = doc.linted.as_ref().expect("just linted");
            let version = doc.version;
            let published = lsp_diagnostics(doc, findings);
            self.publish(&uri, published, Some(version));
            if let Some(doc) = self.documents.get_mut(&uri) {
                doc.unpublished = false;
            }
        }
    }

    fn publish(&mut self, uri: &str, diagnostics: Vec<Value>, version: Option<i32>) {
        let mut params = json!({ "uri": uri, "diagnostics": diagnostics });
        if let Some(version) = version {
            params["version"] = json!(version);
        }
        self.send(&notification("textDocument/publishDiagnostics", params));
    }

    fn show_error(&mut self, message: &str) {
        let params = json!({ "type": 1, "message": format!("gwlint: {message}") });
        self.send(&notification("window/showMessage", params));
    }

    /// `textDocument/diagnostic`: the findings of the document's latest text.
    fn pull_diagnostics(&mut self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?.to_string();
        let items = match self.ensure_linted(&uri) {
            Some(doc) => lsp_diagnostics(doc, &doc.linted.as_ref()?.0),
            None => Vec::new(),
        };
        Some(json!({ "kind": "full", "items": items }))
    }
}

/// A document's findings as LSP diagnostics.
fn lsp_diagnostics(doc: &Document, findings: &[Diagnostic]) -> Vec<Value> {
    to_lsp(&doc.uri, &doc.text, &LineIndex::new(&doc.text), findings)
}

fn version_of(text_document: &Value) -> i32 {
    text_document["version"]
        .as_i64()
        .and_then(|v| i32::try_from(v).ok())
        .unwrap_or(0)
}
