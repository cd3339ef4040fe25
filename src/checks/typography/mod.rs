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
