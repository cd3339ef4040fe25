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

/// The runs of characters in `cs` (a segment's [`chars`]), as index ranges in order: a
/// run starts at a character `starts(k)` accepts and takes each next one that
/// `continues(first, k)` accepts (`first` is the run's first index).
pub(crate) fn char_runs<'c>(
    cs: &'c [(usize, char)],
    starts: impl Fn(usize) -> bool + 'c,
    continues: impl Fn(usize, usize) -> bool + 'c,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'c {
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < cs.len() && !starts(k) {
            k += 1;
        }
        if k == cs.len() {
            return None;
        }
        let first = k;
        k += 1;
        while k < cs.len() && continues(first, k) {
            k += 1;
        }
        Some(first..k)
    })
}

/// The bytes of the run `run` of `cs` (see [`char_runs`]) in a segment of `len` bytes.
pub(crate) fn run_bytes(
    cs: &[(usize, char)],
    run: &std::ops::Range<usize>,
    len: usize,
) -> std::ops::Range<usize> {
    cs[run.start].0..cs.get(run.end).map_or(len, |c| c.0)
}

/// Sentence-final punctuation: a line that ends with it ends a paragraph, not a wrap.
pub(crate) fn ends_sentence(content: &str) -> bool {
    let trimmed = content.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '”' | '’' | '）' | ')' | '》' | '*' | '_')
    });
    trimmed.is_empty()
        || trimmed.ends_with(['。', '！', '？', '；', '：', '…', '!', '?', ';', ':', '.'])
}
