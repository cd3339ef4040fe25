//! Encoding a fixed text back so that only the fixed regions change.
//!
//! UTF-8 and UTF-16 round-trip exactly: every decoded text encodes back to its bytes.
//! GB18030 does not: a lone `0x80` decodes as € but € encodes as `A2E3`, `A3A0` decodes
//! to U+E5E5, which cannot be encoded at all, some four-byte sequences decode to a
//! character whose two-byte form is what comes back… Such a file is written by splicing:
//! the bytes of every unchanged region are copied from the original and only the changed
//! regions are encoded; the result must decode to the fixed text, or nothing is written.

use crate::source::Encoding;

/// The bytes to write for `fixed`, given the file's `original` bytes (which decode to
/// `before`), or `None` if they cannot be made without changing bytes outside the fixes.
pub fn encode_fixed(
    encoding: Encoding,
    original: &[u8],
    before: &str,
    fixed: &str,
) -> Option<Vec<u8>> {
    if encoding != Encoding::Gb18030 || encoding.encode(before) == original {
        return Some(encoding.encode(fixed));
    }
    let mut out = Vec::with_capacity(original.len() + 64);
    let mut map = ByteMap {
        text: before,
        bytes: original,
        text_at: 0,
        byte_at: 0,
    };
    let mut copied_to = 0;
    for region in changed_regions(before, fixed) {
        let start = map.byte_of(region.before.start)?;
        out.extend_from_slice(original.get(copied_to..start)?);
        out.extend_from_slice(&encoding.encode(&fixed[region.after]));
        copied_to = map.byte_of(region.before.end)?;
    }
    out.extend_from_slice(original.get(copied_to..)?);
    let decoded = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&out)?;
    (decoded == fixed).then_some(out)
}

/// One changed region: `before[before]` became `fixed[after]`.
struct Region {
    before: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
}

/// The changed regions, in order. Fixes rarely add or remove lines, so the lines are
/// paired one to one when their counts agree (linear); otherwise a line diff pairs them.
/// Within a changed pair of lines, the common start and end are not part of the region.
fn changed_regions(before: &str, fixed: &str) -> Vec<Region> {
    let old_lines: Vec<&str> = before.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = fixed.split_inclusive('\n').collect();
    let mut regions = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    if old_lines.len() == new_lines.len() {
        for (old, new) in old_lines.iter().zip(&new_lines) {
            if old != new {
                regions.push(trimmed(
                    before,
                    old_at..old_at + old.len(),
                    fixed,
                    new_at..new_at + new.len(),
                ));
            }
            old_at += old.len();
            new_at += new.len();
        }
        return regions;
    }
    let old_offsets = offsets(&old_lines);
    let new_offsets = offsets(&new_lines);
    let diff = similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_slices(&old_lines, &new_lines);
    for op in diff.ops() {
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        regions.push(trimmed(
            before,
            old_offsets[old.start]..old_offsets[old.end],
            fixed,
            new_offsets[new.start]..new_offsets[new.end],
        ));
    }
    regions
}

/// The byte offset where each line starts, and the end.
fn offsets(lines: &[&str]) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::with_capacity(lines.len() + 1);
    out.push(0);
    for line in lines {
        at += line.len();
        out.push(at);
    }
    out
}

/// The region without the characters both sides start and end with.
fn trimmed(
    before: &str,
    old: std::ops::Range<usize>,
    fixed: &str,
    new: std::ops::Range<usize>,
) -> Region {
    let (a, b) = (&before[old.clone()], &fixed[new.clone()]);
    let (prefix, suffix) = crate::diagnostic::common_ends(a, b);
    Region {
        before: old.start + prefix..old.end - suffix,
        after: new.start + prefix..new.end - suffix,
    }
}

/// Walks the decoded text and its GB18030 bytes together: each character came from
/// one sequence of 1 (ASCII, and 0x80 for €), 2 or 4 bytes.
struct ByteMap<'a> {
    text: &'a str,
    bytes: &'a [u8],
    text_at: usize,
    byte_at: usize,
}

impl ByteMap<'_> {
    /// The byte offset of text offset `at`; offsets are asked in increasing order.
    fn byte_of(&mut self, at: usize) -> Option<usize> {
        while self.text_at < at {
            let c = self.text.get(self.text_at..)?.chars().next()?;
            self.text_at += c.len_utf8();
            let lead = *self.bytes.get(self.byte_at)?;
            self.byte_at += match lead {
                0x00..=0x80 => 1,
                _ if self
                    .bytes
                    .get(self.byte_at + 1)
                    .is_some_and(u8::is_ascii_digit) =>
                {
                    4
                }
                _ => 2,
            };
        }
        (self.text_at == at).then_some(self.byte_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb(text: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(text).0.into_owned()
    }

    fn decode(bytes: &[u8]) -> String {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .unwrap()
            .into_owned()
    }

    #[test]
    fn bytes_that_do_not_round_trip_are_kept_outside_the_fix() {
        let odd = [0x80, 0xa3, 0xa0, 0x84, 0x31, 0x82, 0x36];
        let original = [&odd[..], b"\n(", &gb("一)好\n"), &odd[..]].concat();
        let before = decode(&original);
        let fixed = before.replace("(一)", "（一）");
        let out = encode_fixed(Encoding::Gb18030, &original, &before, &fixed).unwrap();
        assert_eq!(out, [&odd[..], b"\n", &gb("（一）好\n"), &odd[..]].concat());
        // A line added: the diff path.
        let fixed = before.replace("(一)", "（一）\n");
        let out = encode_fixed(Encoding::Gb18030, &original, &before, &fixed).unwrap();
        assert_eq!(
            out,
            [&odd[..], b"\n", &gb("（一）\n好\n"), &odd[..]].concat()
        );
    }

    #[test]
    fn a_fix_that_cannot_be_encoded_is_refused() {
        let original = [&[0x80][..], b"(", &gb("一)")].concat();
        let before = decode(&original);
        // U+E5E5 has no GB18030 encoding.
        let fixed = before.replace('(', "\u{e5e5}");
        assert_eq!(
            encode_fixed(Encoding::Gb18030, &original, &before, &fixed),
            None
        );
    }

    #[test]
    fn round_tripping_files_are_encoded_whole() {
        let original = gb("(一)好\n");
        let before = decode(&original);
        let fixed = before.replace("(一)", "（一）");
        assert_eq!(
            encode_fixed(Encoding::Gb18030, &original, &before, &fixed),
            Some(gb("（一）好\n"))
        );
    }
}
