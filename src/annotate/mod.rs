//! `gwlint check --annotate`: a copy of each checked `.docx` (`报告.gwlint.docx` beside
//! it, never the original, never over an existing file without `--force`) in which
//! every finding is a Word comment (批注) by "gwlint" anchored on its span: the message
//! with the code, then what to write instead.
//!
//! The package is rewritten part by part: the main part gets the comment markers
//! (`anchor.rs`), the comments part is written (or extended, keeping a reviewer's
//! comments), its relationship and content type are added when missing; every other
//! part is copied as it is stored in the archive, byte for byte. Findings outside the
//! body's paragraphs (headers, footers, notes, text boxes) cannot carry a comment where
//! they are: they are listed in one comment on the first paragraph.

mod anchor;
mod package;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::source::docx;
use crate::FileReport;

/// The copy's path: `报告.docx` → `报告.gwlint.docx`.
pub fn annotated_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map_or_else(|| "docx".to_string(), |e| e.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.gwlint.{extension}"))
}

/// Writes the annotated copy of each Word file among `reports`; says on stderr what it
/// wrote, and that a text or Markdown file cannot carry comments. Returns the errors
/// (already printed) of the copies that could not be written.
pub fn annotate_reports(reports: &[FileReport], force: bool) -> Vec<String> {
    let mut errors = Vec::new();
    for report in reports {
        let path = &report.source.path;
        if !report.source.kind.is_docx() {
            if path.exists() {
                eprintln!(
                    "gwlint: {}: 批注只能写进 Word 文档（.docx）；文本和 Markdown 文件可用 --format html 生成标出问题的网页",
                    path.display()
                );
            }
            continue;
        }
        let target = annotated_path(path);
        match annotate_file(
            path,
            &target,
            &report.source.text,
            &report.diagnostics,
            force,
        ) {
            Ok(count) => eprintln!(
                "gwlint: {}: 已写出带批注的副本 {}（{count} 条批注）",
                path.display(),
                target.display()
            ),
            Err(message) => {
                let message = format!("{}: {message}", path.display());
                eprintln!("gwlint: {message}");
                errors.push(message);
            }
        }
    }
    errors
}

/// Writes `target`, the annotated copy of the Word file at `path` whose checked text is
/// `text`. Returns the number of comments written.
pub fn annotate_file(
    path: &Path,
    target: &Path,
    text: &str,
    diagnostics: &[Diagnostic],
    force: bool,
) -> Result<usize, String> {
    if target.exists() && !force {
        return Err(format!(
            "{} 已存在，未覆盖（加 --force 覆盖）",
            target.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取：{e}"))?;
    let (extracted, trace) = docx::extract_traced(&bytes).map_err(|e| e.to_string())?;
    if extracted.text != text {
        return Err("文件在检查之后被改动，未写批注；请重新检查".to_string());
    }
    let annotated = annotate_bytes(&bytes, &extracted, &trace, diagnostics)?;
    let existed = target.exists();
    crate::write::write_output(target, &annotated.bytes)
        .map_err(|e| format!("无法写入 {}：{e}", target.display()))?;
    if !existed {
        // A new copy is as readable as the original (the temporary file was private).
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = std::fs::set_permissions(target, meta.permissions());
        }
    }
    Ok(annotated.comments)
}

/// The annotated package.
pub struct Annotated {
    pub bytes: Vec<u8>,
    /// How many comments were added.
    pub comments: usize,
}

/// The annotated copy of the package `bytes`, in memory.
pub fn annotate_bytes(
    bytes: &[u8],
    extracted: &docx::Extracted,
    trace: &docx::BodyTrace,
    diagnostics: &[Diagnostic],
) -> Result<Annotated, String> {
    let package = package::Package::read(bytes, &trace.part)?;
    let first_id = package.next_comment_id();
    let text_len = extracted.text.len();
    let body_len = extracted.body_len;
    let in_body = |d: &Diagnostic| {
        d.span.start < body_len || (d.span.start == body_len && body_len == text_len)
    };
    let id_of = |k: usize| first_id + u32::try_from(k).unwrap_or(u32::MAX - first_id);
    let mut anchors: Vec<anchor::Anchor> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| in_body(d))
        .map(|(k, d)| anchor::Anchor {
            id: id_of(k),
            span: d.span.start..d.span.end.clamp(d.span.start, body_len.max(d.span.start)),
        })
        .collect();
    let (mut document, unplaced) = anchor::insert_markers(&package.main_xml, trace, &anchors);
    anchors.retain(|a| !unplaced.contains(&a.id));
    let mut comments: Vec<(u32, Vec<String>)> = Vec::new();
    let mut elsewhere: Vec<&Diagnostic> = Vec::new();
    for (k, d) in diagnostics.iter().enumerate() {
        if anchors.iter().any(|a| a.id == id_of(k)) {
            comments.push((id_of(k), comment_paragraphs(d)));
        } else {
            elsewhere.push(d);
        }
    }
    if !elsewhere.is_empty() {
        // One comment on the first paragraph lists them; all markers are placed again.
        let id = id_of(diagnostics.len());
        let Some(first) = trace
            .paragraphs
            .iter()
            .find(|p| !p.nested && p.end_tag.is_some())
        else {
            return Err("正文没有可加批注的段落".to_string());
        };
        anchors.push(anchor::Anchor {
            id,
            span: first.text.clone(),
        });
        document = anchor::insert_markers(&package.main_xml, trace, &anchors).0;
        let mut paragraphs =
            vec!["页眉、页脚、脚注、尾注或文本框中的问题（无法在原处加批注）：".to_string()];
        for (n, d) in elsewhere.iter().enumerate() {
            let line = line_text(&extracted.text, d.span.start);
            let mut entry = format!("{}. “{line}”中：{}（{}）", n + 1, d.message, d.code);
            if let Some(help) = &d.help {
                entry.push_str("。建议：");
                entry.push_str(help);
            }
            paragraphs.push(entry);
        }
        comments.push((id, paragraphs));
    }
    let count = comments.len();
    let bytes = package.write(&document, &comments)?;
    Ok(Annotated {
        bytes,
        comments: count,
    })
}

/// A comment's paragraphs: what is wrong (with the code), what to write instead.
fn comment_paragraphs(d: &Diagnostic) -> Vec<String> {
    let mut paragraphs = vec![format!("{}（{}）", d.message, d.code)];
    if let Some(help) = &d.help {
        paragraphs.push(format!("建议：{help}"));
    }
    paragraphs
}

/// The line of `text` around `offset`, cut to 40 characters.
fn line_text(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |p| offset + p);
    let line: String = text[start..end].chars().take(40).collect();
    line
}
