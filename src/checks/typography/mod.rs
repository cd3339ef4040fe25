//! Family `typography` (T): punctuation, spaces, digits and quotation marks per
//! GB/T 15834-2011 and GB/T 15835-2011.
//!
//! Every rule here reads the same stretches of text, the document's segments
//! ([`crate::checks::Views::segments`], computed once per document): each non-blank line's
//! content without a heading's numbering marker (the numbering family owns markers, so
//! “(三)” is reported once, as a marker). Inside a segment, URLs, e-mail addresses and
//! Markdown code and link targets are [`Protected`]: their ASCII punctuation is not prose.

include!(concat!(env!("OUT_DIR"), "/checks_typography.rs"));

pub(crate) use crate::checks::views::{Protected, Segment};

/// A CJK ideograph (汉字), including 〇.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '〇')
}

/// Full-width punctuation of Chinese running text (标点符号 of GB/T 15834-2011).
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '（'
            | '）'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '～'
            | '·'
    )
}

/// Han or Chinese punctuation: what makes a neighbour "Chinese text".
pub(crate) fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// The spaces people type into Chinese text: ASCII, no-break, ideographic, and the
/// typographic spaces of U+2000–U+200A and U+202F.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}'
    )
}

/// The characters of a segment with their byte offsets, for looking at neighbours.
pub(crate) fn chars(segment: &str) -> Vec<(usize, char)> {
    segment.char_indices().collect()
}

/// Sentence-final punctuation: a line that ends with it ends a paragraph, not a wrap.
pub(crate) fn ends_sentence(content: &str) -> bool {
    let trimmed = content.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '”' | '’' | '）' | ')' | '》' | '*' | '_')
    });
    trimmed.is_empty()
        || trimmed.ends_with(['。', '！', '？', '；', '：', '…', '!', '?', ';', ':', '.'])
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over text held in memory, as the CLI would.

    use crate::source::LineIndex;
    use crate::{lint_text, Settings};

    fn settings(code: &str) -> Settings {
        let mut settings = Settings::new(jiff::civil::date(2026, 1, 1));
        settings
            .select(&[code.to_string()], &[])
            .expect("the code names a rule");
        settings
    }

    /// `line:col message` for each finding of rule `code` on `text`.
    pub fn findings(code: &str, text: &str) -> Vec<String> {
        let report = lint_text("test.txt", text, &settings(code));
        let index = LineIndex::new(text);
        report
            .diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.code, code);
                let at = index.line_col(text, d.span.start);
                format!("{}:{} {}", at.line, at.column, d.message)
            })
            .collect()
    }

    /// The text after applying every safe fix of rule `code` (fixes never overlap within a rule).
    pub fn fixed(code: &str, text: &str) -> String {
        let report = lint_text("test.txt", text, &settings(code));
        let mut edits: Vec<_> = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.safe)
            .flat_map(|f| f.edits.iter())
            .collect();
        edits.sort_by_key(|e| e.span.start);
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            assert!(e.span.start >= at, "overlapping edits");
            out.push_str(&text[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(&text[at..]);
        out
    }
}
