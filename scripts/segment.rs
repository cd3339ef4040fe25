//! Prints the word segmentation of each line of standard input, words separated by
//! spaces (punctuation and other non-word characters left out), to compare gwlint's
//! word layer with jieba: `cargo run --release -p gwlint-tools --bin segment < file`. With
//! `--tags` each word is followed by its lexicon tag (认真/ad 学习/v), to see what a rule's
//! frame reads.

use std::io::{self, BufRead, Write};

use gwlint::words::segment;
use gwlint::Span;

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let tags = std::env::args().any(|a| a == "--tags");
    for line in io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<String> = segment(&line, Span::new(0, line.len()))
            .iter()
            .map(|w| {
                if tags {
                    format!("{}/{}", w.text(&line), w.tag())
                } else {
                    w.text(&line).to_string()
                }
            })
            .collect();
        writeln!(out, "{}", words.join(" "))?;
    }
    Ok(())
}
