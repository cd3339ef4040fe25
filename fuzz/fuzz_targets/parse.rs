//! The parser on arbitrary text: never panics, every line span inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = gwlint::document::parse(text);
    for line in &doc.lines {
        assert!(line.span.end <= text.len());
        assert!(text.is_char_boundary(line.span.start) && text.is_char_boundary(line.span.end));
    }
});
