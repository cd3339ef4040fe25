//! Prints the word segmentation of each line of standard input, words separated by
//! spaces (punctuation and other non-word characters left out), to compare gwlint's
//! word layer with jieba: `cargo run --release -p gwlint-tools --bin segment < file`.

use std::io::{self, BufRead, Write};

use gwlint::words::segment;
use gwlint::Span;

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<&str> = segment(&line, Span::new(0, line.len()))
            .iter()
            .map(|w| w.text(&line))
            .collect();
        writeln!(out, "{}", words.join(" "))?;
    }
    Ok(())
}
