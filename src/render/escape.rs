//! Control characters made visible before they reach a terminal: an escape sequence in
//! a document, a suppression name or a file name must not retitle the window, clear the
//! screen, or (a line break in a file name) forge a GitHub workflow command.
//!
//! C0 controls and DEL are shown in caret notation as `cat -v` does (`^[`, `^G`, `^?`);
//! C1 controls and the bidirectional overrides (which reorder what a terminal shows,
//! "Trojan Source") as `<U+009B>`.

use std::borrow::Cow;

/// How `c` is shown, or `None` if it is shown as it is. Line breaks and tabs are kept
/// when `keep_layout` (a source excerpt), escaped otherwise (a one-line field).
pub(crate) fn visible(c: char, keep_layout: bool) -> Option<String> {
    match c {
        '\t' | '\n' | '\r' if keep_layout => None,
        '\u{0}'..='\u{1f}' => Some(format!("^{}", char::from(c as u8 + 0x40))),
        '\u{7f}' => Some("^?".to_string()),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(format!("<U+{:04X}>", c as u32))
        }
        _ => None,
    }
}

/// `text` for one line of output: every control character visible, line breaks too.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` with its control characters visible; line breaks and tabs kept if
/// `keep_layout`.
pub(crate) fn escape(text: &str, keep_layout: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| visible(c, keep_layout).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match visible(c, keep_layout) {
            Some(shown) => out.push_str(&shown),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_as_cat_v_does() {
        assert_eq!(one_line("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(one_line("x\ny\r\t\u{7}\u{7f}"), "x^Jy^M^I^G^?");
        assert_eq!(escape("x\ny\r\t", true), "x\ny\r\t");
        assert_eq!(one_line("\u{9b}31m\u{202e}"), "<U+009B>31m<U+202E>");
        assert!(matches!(one_line("一、基本情况"), Cow::Borrowed(_)));
    }
}
