//! Byte offsets to 1-based lines and columns, computed once per file. Every consumer
//! counts columns its own way: people and most tools in characters, vim's `%c` in bytes,
//! LSP, VS Code and SARIF (GitHub code scanning) in UTF-16 code units.

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColumnUnit {
    /// Unicode characters (scalar values): what a reader counts.
    #[default]
    #[value(name = "char", help = "按字符计（默认）")]
    Char,
    /// UTF-16 code units: VS Code, LSP, SARIF; a character outside the BMP counts 2.
    #[value(name = "utf-16", help = "按 UTF-16 码元计（VS Code、LSP、SARIF）")]
    Utf16,
    /// UTF-8 bytes: vim's errorformat `%c`, Emacs; a Chinese character counts 3.
    #[value(name = "byte", help = "按 UTF-8 字节计（vim 的 %c）")]
    Byte,
}

impl ColumnUnit {
    /// The width of `s` in this unit.
    pub fn measure(self, s: &str) -> usize {
        match self {
            Self::Char => s.chars().count(),
            Self::Utf16 => s.chars().map(char::len_utf16).sum(),
            Self::Byte => s.len(),
        }
    }
}

/// A 1-based line and a 1-based column (in characters unless asked otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts. `\n`, `\r\n` and a lone `\r` all end a line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// On lines longer than [`STEP`] bytes, every ~STEP bytes: the byte offset and the
    /// characters and UTF-16 units from its line start, so that a column is never counted
    /// over more than STEP bytes (one 5 MB line with thousands of findings would
    /// otherwise be quadratic).
    checkpoints: Vec<Checkpoint>,
}

#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    at: usize,
    chars: usize,
    utf16: usize,
}

const STEP: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for pos in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                continue; // the \n that follows ends this line
            }
            starts.push(pos + 1);
        }
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let (mut at, mut chars, mut utf16) = (start, 0, 0);
            while end - at > STEP {
                let mut next = at + STEP;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                for c in text[at..next].chars() {
                    chars += 1;
                    utf16 += c.len_utf16();
                }
                checkpoints.push(Checkpoint {
                    at: next,
                    chars,
                    utf16,
                });
                at = next;
            }
        }
        Self {
            starts,
            checkpoints,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        self.line_col_in(text, offset, ColumnUnit::Char)
    }

    /// The 1-based line and column of a byte offset in `unit` (offset clamped to the
    /// text and moved back to a character boundary).
    pub fn line_col_in(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.starts[line];
        let column = if unit == ColumnUnit::Byte {
            offset - line_start
        } else {
            let (mut start, mut before) = (line_start, 0);
            let k = self.checkpoints.partition_point(|c| c.at <= offset);
            if let Some(c) = k.checked_sub(1).map(|k| self.checkpoints[k]) {
                if c.at > line_start {
                    start = c.at;
                    before = if unit == ColumnUnit::Char {
                        c.chars
                    } else {
                        c.utf16
                    };
                }
            }
            before + unit.measure(&text[start..offset])
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The byte offset where a 0-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_match_counting_from_its_start() {
        let text = format!("甲\r\n{}\n乙", "一a二bc😀".repeat(1200));
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = index.starts.partition_point(|&s| s <= offset) - 1;
            let start = index.starts[line];
            for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Byte] {
                let want = unit.measure(&text[start..offset]) + 1;
                let got = index.line_col_in(&text, offset, unit).column;
                assert_eq!(got, want, "{offset} {unit:?}");
            }
        }
    }

    #[test]
    fn columns_in_each_unit_past_an_emoji_and_an_extension_b_character() {
        // 😀 (U+1F600) and 𠀀 (U+20000): one character, two UTF-16 units, four bytes each.
        let text = "甲\n😀𠀀一二";
        let index = LineIndex::new(text);
        let at = text.find('二').unwrap();
        let col = |unit| index.line_col_in(text, at, unit);
        assert_eq!(col(ColumnUnit::Char), LineCol { line: 2, column: 4 });
        assert_eq!(col(ColumnUnit::Utf16), LineCol { line: 2, column: 6 });
        assert_eq!(
            col(ColumnUnit::Byte),
            LineCol {
                line: 2,
                column: 12
            }
        );
    }

    #[test]
    fn columns_count_characters_across_line_endings() {
        let text = "一二\r\n三四\r五\n六";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let pos = text.find('四').unwrap();
        assert_eq!(index.line_col(text, pos), LineCol { line: 2, column: 2 });
        assert_eq!(
            index.line_col(text, text.find('五').unwrap()),
            LineCol { line: 3, column: 1 }
        );
        assert_eq!(
            index.line_col(text, text.len()),
            LineCol { line: 4, column: 2 }
        );
    }
}
