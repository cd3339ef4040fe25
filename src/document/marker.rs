//! Numbering markers (序号) and their levels, per GB/T 9704-2012 7.3.3:
//! 第一层 “一、”，第二层 “（一）”，第三层 “1.”，第四层 “（1）”. People type many
//! variants; each has its own `MarkerStyle` so rules can name it and fix it.

use crate::diagnostic::Span;
use crate::numerals;

/// The level a marker belongs to by its shape (not by where it sits in the tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    First = 1,
    Second = 2,
    Third = 3,
    Fourth = 4,
    Fifth = 5,
}

impl Level {
    pub const fn depth(self) -> u8 {
        self as u8
    }

    /// The Chinese name used in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Self::First => "第一层",
            Self::Second => "第二层",
            Self::Third => "第三层",
            Self::Fourth => "第四层",
            Self::Fifth => "第五层",
        }
    }
}

/// Every marker shape gwlint recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerStyle {
    /// 一、 (standard, level 1)
    HanziDunhao,
    /// 一.
    HanziDot,
    /// 一．
    HanziWideDot,
    /// 一， or 一,
    HanziComma,
    /// （一） (standard, level 2)
    HanziWideParen,
    /// (一)
    HanziAsciiParen,
    /// （一) or (一）
    HanziMixedParen,
    /// 1. (standard, level 3)
    ArabicDot,
    /// 1、
    ArabicDunhao,
    /// 1．
    ArabicWideDot,
    /// 1， or 1,
    ArabicComma,
    /// １. with full-width digits
    WideDigit,
    /// （1） (standard, level 4)
    ArabicWideParen,
    /// (1)
    ArabicAsciiParen,
    /// （1) or (1）
    ArabicMixedParen,
    /// 1） or 1)
    ArabicCloseParen,
    /// ① (level 5)
    Circled,
}

impl MarkerStyle {
    pub const fn level(self) -> Level {
        match self {
            Self::HanziDunhao | Self::HanziDot | Self::HanziWideDot | Self::HanziComma => {
                Level::First
            }
            Self::HanziWideParen | Self::HanziAsciiParen | Self::HanziMixedParen => Level::Second,
            Self::ArabicDot
            | Self::ArabicDunhao
            | Self::ArabicWideDot
            | Self::ArabicComma
            | Self::WideDigit => Level::Third,
            Self::ArabicWideParen
            | Self::ArabicAsciiParen
            | Self::ArabicMixedParen
            | Self::ArabicCloseParen => Level::Fourth,
            Self::Circled => Level::Fifth,
        }
    }

    /// Whether this is the form GB/T 9704-2012 prescribes for its level.
    pub const fn is_standard(self) -> bool {
        matches!(
            self,
            Self::HanziDunhao
                | Self::HanziWideParen
                | Self::ArabicDot
                | Self::ArabicWideParen
                | Self::Circled
        )
    }

    /// A short Chinese description of the shape, for messages.
    pub const fn description(self) -> &'static str {
        match self {
            Self::HanziDunhao => "汉字加顿号",
            Self::HanziDot => "汉字加半角点",
            Self::HanziWideDot => "汉字加全角点",
            Self::HanziComma => "汉字加逗号",
            Self::HanziWideParen => "全角括号",
            Self::HanziAsciiParen | Self::ArabicAsciiParen => "半角括号",
            Self::HanziMixedParen | Self::ArabicMixedParen => "全角半角混用的括号",
            Self::ArabicDot => "阿拉伯数字加半角点",
            Self::ArabicDunhao => "阿拉伯数字加顿号",
            Self::ArabicWideDot => "阿拉伯数字加全角点",
            Self::ArabicComma => "阿拉伯数字加逗号",
            Self::WideDigit => "全角数字",
            Self::ArabicWideParen => "全角括号",
            Self::ArabicCloseParen => "只有右括号",
            Self::Circled => "带圈数字",
        }
    }
}

/// A numbering marker at the head of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: MarkerStyle,
    /// The number it carries (一 = 1, ⑤ = 5).
    pub value: u32,
    /// The marker itself, e.g. "(三)".
    pub span: Span,
}

impl Marker {
    pub const fn level(&self) -> Level {
        self.style.level()
    }

    /// The marker written in the standard form of its level, e.g. "(三)" → "（三）".
    pub fn standard_form(&self) -> String {
        standard_marker(self.level(), self.value)
    }
}

/// The standard marker of `level` for `value`.
pub fn standard_marker(level: Level, value: u32) -> String {
    match level {
        Level::First => format!("{}、", numerals::write(value)),
        Level::Second => format!("（{}）", numerals::write(value)),
        Level::Third => format!("{value}."),
        Level::Fourth => format!("（{value}）"),
        Level::Fifth => char::from_u32(0x2460 + value.saturating_sub(1))
            .map_or_else(|| value.to_string(), String::from),
    }
}

/// Parses ASCII or full-width digits.
pub fn parse_arabic(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in text.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
    }
    (!text.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_forms() {
        assert_eq!(standard_marker(Level::First, 3), "三、");
        assert_eq!(standard_marker(Level::Second, 11), "（十一）");
        assert_eq!(standard_marker(Level::Third, 4), "4.");
        assert_eq!(standard_marker(Level::Fourth, 2), "（2）");
        assert_eq!(standard_marker(Level::Fifth, 3), "③");
    }
}
