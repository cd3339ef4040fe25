//! The whole check on arbitrary bytes: decode (UTF-8, UTF-16, GB18030 or a one-line
//! error), lint with every rule, and `--fix` in memory. Never panics; spans stay on
//! character boundaries; fixing twice changes nothing more.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn settings() -> &'static gwlint::Settings {
    static SETTINGS: OnceLock<gwlint::Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| gwlint::Settings::new(jiff::civil::date(2026, 1, 1)))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(source) = gwlint::SourceFile::decode(Path::new("fuzz.txt"), bytes.to_vec()) else {
        return;
    };
    let report = gwlint::lint(source.clone(), settings());
    let text = &report.source.text;
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    // As a second `gwlint check --fix` would see it: the fixed text written back in the
    // file's encoding and read again (`from_text` would drop a leading U+FEFF as a BOM).
    let once = gwlint::fix::fix_in_memory(source, settings());
    let written = once.report.source.encoding.encode(&once.report.source.text);
    let Ok(reread) = gwlint::SourceFile::decode(Path::new("fuzz.txt"), written) else {
        panic!("fixed text no longer decodes");
    };
    let again = gwlint::fix::fix_in_memory(reread, settings());
    assert_eq!(again.report.source.text, once.report.source.text);
});
