//! Plain-text tables aligned by display width: a Chinese character takes two columns of
//! a terminal, so padding by characters (`{:<8}`) leaves the columns after it crooked.

use unicode_width::UnicodeWidthStr as _;

/// Space between two columns.
const GAP: &str = "  ";

/// The rows as lines, each column but the last padded to the display width of its widest
/// cell (the last is not padded: no trailing spaces).
pub fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.extend(std::iter::repeat_n(' ', widths[i] - cell.width()));
                line.push_str(GAP);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_cells_take_two_columns() {
        let table = super::aligned(&[
            vec!["代码".into(), "可修复".into(), "说明".into()],
            vec!["N105".into(), "是".into(), "序号".into()],
        ]);
        assert_eq!(table, "代码  可修复  说明\nN105  是      序号\n");
    }
}
