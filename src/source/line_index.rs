//! Byte offsets to 1-based lines and character columns, computed once per file.

/// A 1-based line and a 1-based column counted in Unicode characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts. `\n`, `\r\n` and a lone `\r` all end a line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

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
        Self { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        LineCol {
            line: line + 1,
            column,
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
