//! Which characters a stretch of text holds, found in one pass: the typography rules ask
//! it before walking a segment character by character, so a segment with nothing a rule
//! looks for costs that rule one lookup (`Views::classes`) instead of one walk per rule.
//!
//! The answer is exact for ASCII and for the punctuation blocks the rules look for
//! (U+2000–U+203F, U+3000–U+303F, U+FF00–U+FF7F); for any other character that is not a
//! CJK ideograph it is "perhaps" (one flag for all of them), so a rule asking about one
//! still walks the text. Two facts about neighbours are recorded as well: two pause marks
//! side by side (T105) and a dot-like mark written twice in a row (T109).

/// The characters of `s` with their byte offsets, but for U+4000–U+9FFF (lead byte
/// E4–E9: the CJK ideographs, most of the text), passed over by their lead byte without
/// decoding: for rules that look for marks, spaces or other characters outside that range.
pub(crate) fn outside_ideographs(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if (0xE4..=0xE9).contains(&bytes[at]) {
                at += 3;
                continue;
            }
            let c = s[at..].chars().next()?;
            let found = (at, c);
            at += c.len_utf8();
            return Some(found);
        }
        None
    })
}

/// The character classes of one stretch of text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CharClasses {
    /// One bit per ASCII character.
    ascii: u128,
    /// One bit per character of U+2000–U+203F (spaces, dashes, quotes, …).
    general: u64,
    /// One bit per character of U+3000–U+303F (ideographic space, 、。《》「」 …).
    cjk: u64,
    /// One bit per character of U+FF00–U+FF7F (full-width forms).
    wide: u128,
    /// Some character outside ASCII, those blocks and the CJK ideographs (U+4E00–U+9FFF).
    other: bool,
    /// Two pause marks (，、；：。 or , ; :) side by side.
    pub doubled_pause: bool,
    /// One of . ． 。 · ・ right after itself.
    pub repeated_dot: bool,
}

fn is_pause(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | '。' | ',' | ';' | ':')
}

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '．' | '。' | '·' | '・')
}

impl CharClasses {
    pub fn of(s: &str) -> Self {
        let mut classes = Self::default();
        let mut previous = '\0';
        let bytes = s.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most characters: an ideograph (U+4E00–U+9FFF: lead byte E5–E9, or E4 then
            // B8 or more), which no class records, passed over without decoding.
            let lead = bytes[at];
            if (0xE5..=0xE9).contains(&lead) || lead == 0xE4 && bytes[at + 1] >= 0xB8 {
                previous = '一';
                at += 3;
                continue;
            }
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            let code = u32::from(c);
            match code {
                0..=0x7F => classes.ascii |= 1 << code,
                0x2000..=0x203F => classes.general |= 1 << (code - 0x2000),
                0x3000..=0x303F => classes.cjk |= 1 << (code - 0x3000),
                0xFF00..=0xFF7F => classes.wide |= 1 << (code - 0xFF00),
                _ => classes.other = true,
            }
            classes.doubled_pause |= is_pause(previous) && is_pause(c);
            classes.repeated_dot |= c == previous && is_dot(c);
            previous = c;
        }
        classes
    }

    /// Whether the text may hold `c`: exact for ASCII and the punctuation blocks, true for
    /// any CJK ideograph, and for another character whenever some other character occurs.
    pub fn has(&self, c: char) -> bool {
        let code = u32::from(c);
        match code {
            0..=0x7F => self.ascii & (1 << code) != 0,
            0x2000..=0x203F => self.general & (1 << (code - 0x2000)) != 0,
            0x3000..=0x303F => self.cjk & (1 << (code - 0x3000)) != 0,
            0xFF00..=0xFF7F => self.wide & (1 << (code - 0xFF00)) != 0,
            0x4E00..=0x9FFF => true,
            _ => self.other,
        }
    }

    /// Whether the text may hold any of `chars`.
    pub fn has_any(&self, chars: &[char]) -> bool {
        chars.iter().any(|&c| self.has(c))
    }

    /// Whether the text may hold a character of `from..=to`.
    pub fn has_range(&self, from: char, to: char) -> bool {
        let (from, to) = (u32::from(from), u32::from(to));
        // The bits of from..=to in a block's word starting at `base`.
        let any_in = |base: u32, word: u128| {
            let width = to - from;
            let mask = (u128::MAX >> (127 - width)) << (from - base);
            word & mask != 0
        };
        let within = |start: u32, end: u32| start <= from && from <= to && to <= end;
        if within(0, 0x7F) {
            any_in(0, self.ascii)
        } else if within(0x2000, 0x203F) {
            any_in(0x2000, u128::from(self.general))
        } else if within(0x3000, 0x303F) {
            any_in(0x3000, u128::from(self.cjk))
        } else if within(0xFF00, 0xFF7F) {
            any_in(0xFF00, self.wide)
        } else {
            (from..=to).filter_map(char::from_u32).any(|c| self.has(c))
        }
    }

    /// The classes of two stretches together.
    pub fn union(self, other: Self) -> Self {
        Self {
            ascii: self.ascii | other.ascii,
            general: self.general | other.general,
            cjk: self.cjk | other.cjk,
            wide: self.wide | other.wide,
            other: self.other || other.other,
            doubled_pause: self.doubled_pause || other.doubled_pause,
            repeated_dot: self.repeated_dot || other.repeated_dot,
        }
    }

    /// Whether some character other than an ASCII letter, digit, tab, line end or space,
    /// a CJK ideograph or a mark of the punctuation blocks may occur: what T201
    /// (invisible-character) looks for is among them, or a control character.
    pub fn may_hold_invisible(&self) -> bool {
        const C0_CONTROLS: u128 = (1 << 0x20) - 1 - (1 << b'\t') - (1 << b'\n') - (1 << b'\r');
        self.other
            || self.ascii & (C0_CONTROLS | 1 << 0x7F) != 0
            // U+200B–U+200F, U+202A–U+202E.
            || self.general & (0b1_1111 << 0xB | 0b1_1111 << 0x2A) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_the_marks_of_a_line_and_nothing_else() {
        let classes = CharClasses::of("坚持“两个确立”，做到 3%。");
        for c in ['“', '”', '，', '。', ' ', '3', '%', '坚'] {
            assert!(classes.has(c), "{c}");
        }
        for c in ['"', '、', '（', '％', '\u{3000}', '…', 'é'] {
            assert!(!classes.has(c), "{c}");
        }
        assert!(!classes.doubled_pause && !classes.repeated_dot);
        assert!(!classes.may_hold_invisible());
    }

    #[test]
    fn other_characters_are_perhaps() {
        let classes = CharClasses::of("café");
        assert!(classes.has('é') && classes.has('ü'));
        assert!(classes.may_hold_invisible());
        assert!(CharClasses::of("a\u{200B}b").may_hold_invisible());
        assert!(CharClasses::of("a\u{7}b").may_hold_invisible());
        assert!(!CharClasses::of("a\tb\r\n").may_hold_invisible());
    }

    #[test]
    fn outside_ideographs_yields_every_other_character() {
        let text = "（一）\u{3FFF}\u{4000}“坚持”\u{9FFF}\u{A000}a😀\u{200B}，";
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c))
            .collect();
        assert_eq!(expected.len(), 10);
        assert_eq!(
            super::outside_ideographs(text).collect::<Vec<_>>(),
            expected
        );
    }

    #[test]
    fn ideographs_are_told_from_their_byte_neighbours() {
        // U+4DFF (a hexagram, lead byte E4 as U+4E00 一) and U+A000 (lead byte EA) are
        // other characters; U+4E00 and U+9FFF are ideographs.
        assert!(CharClasses::of("一\u{4DFF}").other);
        assert!(CharClasses::of("\u{9FFF}\u{A000}").other);
        assert!(!CharClasses::of("一\u{9FFF}鿿龥").other);
        // An ideograph between two pauses parts them.
        assert!(!CharClasses::of("，一，").doubled_pause);
    }

    #[test]
    fn records_neighbours() {
        assert!(CharClasses::of("如下：，").doubled_pause);
        assert!(CharClasses::of("如下:，").doubled_pause);
        assert!(!CharClasses::of("如下：一，二").doubled_pause);
        assert!(CharClasses::of("等等。。").repeated_dot);
        assert!(CharClasses::of("...").repeated_dot);
        assert!(!CharClasses::of(".。.").repeated_dot);
    }

    #[test]
    fn a_range_is_one_mask() {
        let classes = CharClasses::of("第１名 \u{2005}");
        assert!(classes.has_range('０', '９'));
        assert!(!classes.has_range('Ａ', 'Ｚ'));
        assert!(classes.has_range('\u{2000}', '\u{200A}'));
        assert!(!classes.has_range('\u{2006}', '\u{200A}'));
        assert!(classes.has_range('\0', '\u{7F}'));
        assert!(!classes.has_range('0', '9'));
        for (from, to) in [
            ('０', '９'),
            ('Ａ', 'Ｚ'),
            ('\u{2000}', '\u{200A}'),
            ('0', '9'),
        ] {
            let by_character = (u32::from(from)..=u32::from(to))
                .filter_map(char::from_u32)
                .any(|c| classes.has(c));
            assert_eq!(classes.has_range(from, to), by_character, "{from}..{to}");
        }
    }
}
