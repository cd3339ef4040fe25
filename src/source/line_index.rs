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
    /// On lines longer than [`STEP`] bytes, every ~STEP bytes: (byte offset, characters
    /// from its line start), so that a column is never counted over more than STEP
    /// bytes (one 5 MB line with thousands of findings would otherwise be quadratic).
    checkpoints: Vec<(usize, usize)>,
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
            let (mut at, mut chars) = (start, 0);
            while end - at > STEP {
                let mut next = at + STEP;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
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
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        let mut before = 0;
        let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        if let Some(&(at, chars)) = k.checked_sub(1).map(|k| &self.checkpoints[k]) {
            if at > start {
                (start, before) = (at, chars);
            }
        }
        let column = before + text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
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
    fn columns_on_a_long_line_match_counting_from_its_start() {
        let text = format!("甲\r\n{}\n乙", "一a二bc".repeat(3000));
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = index.starts.partition_point(|&s| s <= offset) - 1;
            let start = index.starts[line];
            let want = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
            assert_eq!(index.line_col(&text, offset).column, want, "{offset}");
        }
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
