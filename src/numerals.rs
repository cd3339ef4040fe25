//! Chinese numerals, read and written in one place: heading markers (“十二、”), Word's
//! list labels, plenum enumerations (“三中、四中全会”), ranges (“三至五年”) and years
//! written digit by digit (“二〇二四年”) all use these.

/// The digits as 公文 writes them, 〇 for zero (GB/T 15835-2011 §5.2).
pub const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The value of one digit character: 〇/○/零 → 0, 一 … 九 → 1 … 9.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' => Some(0),
        _ => DIGITS
            .iter()
            .position(|&d| d == c)
            .and_then(|p| u32::try_from(p).ok()),
    }
}

/// 一 … 九十九 in the normal written form only: 一, 十, 十二, 二十, 二十三. Returns None
/// for anything else (“一二”, “十十”, “一十”, “〇”), so that such text is never taken for
/// a heading marker.
pub fn parse(text: &str) -> Option<u32> {
    let nonzero = |c: char| digit(c).filter(|&d| d > 0);
    let chars: Vec<char> = text.chars().take(4).collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [c] => nonzero(*c),
        ['十', o] => nonzero(*o).map(|o| 10 + o),
        [t, '十'] => nonzero(*t).filter(|&t| t > 1).map(|t| t * 10),
        [t, '十', o] => Some(nonzero(*t).filter(|&t| t > 1)? * 10 + nonzero(*o)?),
        _ => None,
    }
}

/// 〇 … 九十九 read leniently, as numbers are read inside running text: also 一十, 〇,
/// 零 (“一十五”, “〇至五”).
pub fn parse_lenient(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().take(4).collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', o] => Some(10 + digit(*o)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', o] => Some(digit(*t)? * 10 + digit(*o)?),
        _ => None,
    }
}

/// A number written digit by digit (“二〇二四” → 2024), exactly `width` digits.
pub fn parse_digits(text: &str, width: usize) -> Option<u32> {
    let mut value: u32 = 0;
    let mut count = 0;
    for c in text.chars() {
        value = value.checked_mul(10)?.checked_add(digit(c)?)?;
        count += 1;
    }
    (count == width).then_some(value)
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, as 公文 writes them; numbers
/// outside 1 … 9999 in Arabic digits.
pub fn write(n: u32) -> String {
    write_with(n, &DIGITS, ['十', '百', '千'])
}

/// As [`write`], with other digits and units (Word's 壹贰叁 and 拾佰仟 numbering).
pub fn write_with(n: u32, digits: &[char; 10], units: [char; 3]) -> String {
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in places.iter().enumerate() {
        let unit = [Some(units[2]), Some(units[1]), Some(units[0]), None][i];
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 10–19 read 十, 十一 … (not 一十) when nothing comes before.
        if !(i == 2 && d == 1 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_back() {
        for v in 1..=99 {
            assert_eq!(parse(&write(v)), Some(v), "{v}");
            assert_eq!(parse_lenient(&write(v)), Some(v), "{v}");
        }
        assert_eq!(write(12), "十二");
        assert_eq!(write(30), "三十");
        assert_eq!(write(105), "一百零五");
        assert_eq!(write(2024), "二千零二十四");
        assert_eq!(write(0), "0");
        assert_eq!(write(10_000), "10000");
    }

    #[test]
    fn strict_reading_refuses_what_no_marker_is() {
        for text in ["一二", "十十", "〇", "一十", "一十二", "", "十二三", "百"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn lenient_reading_takes_running_text_forms() {
        assert_eq!(parse_lenient("一十五"), Some(15));
        assert_eq!(parse_lenient("〇"), Some(0));
        assert_eq!(parse_lenient("零"), Some(0));
        assert_eq!(parse_lenient("一二"), None);
    }

    #[test]
    fn years_digit_by_digit() {
        assert_eq!(parse_digits("二〇二四", 4), Some(2024));
        assert_eq!(parse_digits("二○二四", 4), Some(2024));
        assert_eq!(parse_digits("二零一九", 4), Some(2019));
        assert_eq!(parse_digits("二〇二", 4), None);
        assert_eq!(parse_digits("二〇二四年", 4), None);
    }
}
