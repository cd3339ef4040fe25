//! The label Word shows before a numbered paragraph: running counters per list and
//! each number format (一, （二）, ③, xiv …).

use std::collections::{HashMap, HashSet};

use super::body::Paragraph;
use super::numbering::{AbstractNum, Numbering};
use super::styles::StyleNumbering;
use crate::numerals;

/// Looks up numbering definitions and keeps the running counters.
pub(super) struct Resolver<'a> {
    pub(super) styles: &'a HashMap<String, StyleNumbering>,
    pub(super) numbering: &'a Numbering,
}

/// The running state of automatic numbering within one part.
#[derive(Default)]
pub(super) struct Counters {
    /// Per abstract list, the last number given at each level (None: not yet, or reset).
    pub(super) values: HashMap<u32, [Option<u32>; 9]>,
    /// The (numId, level) pairs whose start override has been applied.
    pub(super) overridden: HashSet<(u32, u8)>,
}

impl Resolver<'_> {
    /// The numbering of a paragraph from its own `w:numPr` and its style chain.
    pub(super) fn paragraph_numbering(&self, para: &Paragraph) -> Option<(u32, u8)> {
        let mut style_num = None;
        let mut style_ilvl = None;
        let mut style = para.style.as_deref();
        for _ in 0..16 {
            let Some(s) = style.and_then(|id| self.styles.get(id)) else {
                break;
            };
            style_num = style_num.or(s.num_id);
            style_ilvl = style_ilvl.or(s.ilvl);
            style = s.based_on.as_deref();
        }
        let num_id = para.num_id.or(style_num).filter(|&id| id != 0)?;
        let ilvl = para.ilvl.or(style_ilvl).unwrap_or_else(|| {
            // A level linked to the paragraph's style (w:lvl/w:pStyle), as Word's
            // heading styles are.
            self.definition(num_id)
                .and_then(|(_, abs)| {
                    abs.levels
                        .iter()
                        .find(|(_, l)| l.style.is_some() && l.style == para.style)
                        .map(|(&i, _)| i)
                })
                .unwrap_or(0)
        });
        Some((num_id, ilvl.min(8)))
    }

    /// The abstract list of a numId, following `w:numStyleLink` once.
    fn definition(&self, num_id: u32) -> Option<(u32, &AbstractNum)> {
        let num = self.numbering.nums.get(&num_id)?;
        let mut id = num.abstract_id;
        let mut abs = self.numbering.abstracts.get(&id)?;
        if let Some(link) = &abs.style_link {
            if let Some(linked) = self
                .styles
                .get(link)
                .and_then(|s| s.num_id)
                .and_then(|n| self.numbering.nums.get(&n))
            {
                if let Some(a) = self.numbering.abstracts.get(&linked.abstract_id) {
                    id = linked.abstract_id;
                    abs = a;
                }
            }
        }
        Some((id, abs))
    }

    /// Advances the counters for a paragraph numbered (numId, ilvl) and returns its label
    /// as Word shows it ("一、", "（二）", "3."), or None for bullets and empty labels.
    /// Rendering stops once the label is longer than `max_len` bytes (the caller refuses
    /// such a label), so a hostile `w:lvlText` never allocates more than that.
    pub(super) fn label(
        &self,
        counters: &mut Counters,
        num_id: u32,
        ilvl: u8,
        max_len: usize,
    ) -> Option<String> {
        let num = self.numbering.nums.get(&num_id)?;
        let (abstract_id, abs) = self.definition(num_id)?;
        let level = |l: u8| num.levels.get(&l).or_else(|| abs.levels.get(&l));
        let start = |l: u8| {
            num.start_overrides
                .get(&l)
                .copied()
                .or_else(|| level(l).and_then(|lv| lv.start))
                .unwrap_or(1)
        };
        let this = level(ilvl)?;
        if this.format == "bullet" {
            return None;
        }
        let values = counters.values.entry(abstract_id).or_insert([None; 9]);
        let i = usize::from(ilvl);
        let value = if num.start_overrides.contains_key(&ilvl)
            && counters.overridden.insert((num_id, ilvl))
        {
            start(ilvl)
        } else {
            values[i].map_or_else(|| start(ilvl), |v| v.saturating_add(1))
        };
        values[i] = Some(value);
        for deeper in ilvl + 1..9 {
            let restart_after = level(deeper)
                .and_then(|l| l.restart)
                .unwrap_or(u32::from(deeper));
            if u32::from(ilvl) < restart_after {
                values[usize::from(deeper)] = None;
            }
        }
        let template = this.text.as_deref()?;
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if out.len() > max_len {
                break;
            }
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let n = values[l as usize].unwrap_or_else(|| start(l));
                    let (format, custom) = match level(l) {
                        _ if this.legal => ("decimal", None),
                        Some(lv) => (lv.format.as_str(), lv.custom.as_deref()),
                        None => ("decimal", None),
                    };
                    out.push_str(&format_number(n, format, custom));
                }
                _ => out.push(c),
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// A number in one of Word's number formats (`w:numFmt`); unknown formats are decimal.
fn format_number(n: u32, format: &str, custom: Option<&str>) -> String {
    const CIRCLED: u32 = 0x2460; // ①
    const PARENTHESIZED: u32 = 0x2474; // ⑴
    const FULL_STOP: u32 = 0x2488; // ⒈
    let from = |base: u32, max: u32| {
        if (1..=max).contains(&n) {
            char::from_u32(base + n - 1).map_or_else(|| n.to_string(), String::from)
        } else {
            n.to_string()
        }
    };
    let cycle = |chars: &[char]| {
        usize::try_from(n)
            .ok()
            .filter(|&i| (1..=chars.len()).contains(&i))
            .map_or_else(|| n.to_string(), |i| chars[i - 1].to_string())
    };
    match format {
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerLetter" => letters(n).to_lowercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "koreanCounting" => numerals::write(n),
        "chineseLegalSimplified" => numerals::write_with(n, &LEGAL_DIGITS, ['拾', '佰', '仟']),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| numerals::DIGITS[c.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => {
            cycle(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => cycle(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            from(CIRCLED, 20)
        }
        "decimalEnclosedParen" => from(PARENTHESIZED, 20),
        "decimalEnclosedFullstop" => from(FULL_STOP, 20),
        "none" => String::new(),
        "custom" => custom_format(n, custom.unwrap_or("")),
        _ => n.to_string(),
    }
}

const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Word's letters: A … Z, then AA, BB, … (the letter repeated).
fn letters(n: u32) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(50) as usize).collect()
}

/// A `custom` format by its first item: "001, 002, …" zero-padded; Chinese or circled
/// numerals by the character they start with; otherwise decimal.
fn custom_format(n: u32, format: &str) -> String {
    let first = format.split(',').next().unwrap_or("").trim();
    match first.chars().next() {
        Some('0') if first.chars().all(|c| c.is_ascii_digit()) => {
            // Word pads to the width of the first item; any wider than a u32's ten
            // digits is only zeros, and `format!` refuses widths over u16::MAX.
            format!("{n:0width$}", width = first.len().min(10))
        }
        Some('一') => numerals::write(n),
        Some('壹') => numerals::write_with(n, &LEGAL_DIGITS, ['拾', '佰', '仟']),
        Some('①') => format_number(n, "decimalEnclosedCircle", None),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        let cases = [
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "taiwaneseCountingThousand", "二十"),
            (105, "chineseCounting", "一百零五"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (12, "decimalEnclosedCircle", "⑫"),
            (3, "decimalEnclosedParen", "⑶"),
            (4, "decimalFullWidth", "４"),
            (14, "lowerRoman", "xiv"),
            (28, "upperLetter", "BB"),
            (7, "decimalZero", "07"),
            (7, "ordinalText", "7"),
            (7, "none", ""),
        ];
        for (n, format, expected) in cases {
            assert_eq!(format_number(n, format, None), expected, "{n} {format}");
        }
    }
}
