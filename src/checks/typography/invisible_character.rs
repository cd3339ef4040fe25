use crate::checks::char_classes::outside_ideographs;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};

declare_rule! {
    /// 文中夹着看不见的字符（零宽空格、软连字符、方向控制符、控制字符等）。
    ///
    /// ## 检查什么
    /// U+200B—U+200F（零宽空格、零宽连接符、方向标记）、U+2060—U+2064、文中的 U+FEFF、
    /// 软连字符 U+00AD、U+180E、U+202A—U+202E 与 U+2066—U+2069（双向文字控制符）、
    /// U+FFF9—U+FFFB，以及制表符、换行符以外的控制字符。文件开头的字节顺序标记（BOM）
    /// 不算在内。删除是安全修正。
    ///
    /// ## 为什么
    /// 这些字符从网页、微信、PDF 复制时混进来，屏幕上看不见，却会让检索、查重、字数统计
    /// 失灵（“党的二十大”中间夹一个零宽空格就搜不到），也会让其他检查漏报。
    ///
    /// ## 示例
    /// “二十”与“大”之间夹着一个看不见的 U+200B 零宽空格：
    /// ```text
    /// 深入学习贯彻党的二十​大精神
    /// ```
    /// 应写作：
    /// ```text
    /// 深入学习贯彻党的二十大精神
    /// ```
    pub struct InvisibleCharacter {
        code: T114,
        name: "invisible-character",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "公文文本规范：正文不含不可见字符",
    }
}

/// Whether T114 reports `c` (and its fix deletes it): other rules look through such a
/// character, so that deleting it does not change what they find.
pub(super) fn is_invisible(c: char) -> bool {
    name(c).is_some()
}

fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "零宽空格",
        '\u{200C}' => "零宽不连字",
        '\u{200D}' => "零宽连字",
        '\u{200E}' | '\u{200F}' => "方向标记",
        '\u{2060}' => "零宽不换行空格",
        '\u{2061}'..='\u{2064}' => "不可见数学符号",
        '\u{FEFF}' => "字节顺序标记 BOM",
        '\u{00AD}' => "软连字符",
        '\u{180E}' => "蒙古文元音分隔符",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "双向文字控制符",
        '\u{FFF9}'..='\u{FFFB}' => "行间注释控制符",
        '\t' | '\n' | '\r' => return None,
        c if c.is_control() => "控制字符",
        _ => return None,
    })
}

impl Rule for InvisibleCharacter {
    fn check(&self, cx: &mut Checker<'_>) {
        if !cx.views.text_classes().may_hold_invisible() {
            return;
        }
        let text = cx.text();
        // No invisible character is an ideograph; the characters walked are next to each
        // other only where one ends where the next starts.
        let mut chars = outside_ideographs(text).peekable();
        while let Some((start, c)) = chars.next() {
            let Some(what) = name(c) else { continue };
            let mut end = start + c.len_utf8();
            let mut count = 1;
            while let Some(&(at, next)) = chars.peek() {
                if at != end || name(next).is_none() {
                    break;
                }
                end = at + next.len_utf8();
                count += 1;
                chars.next();
            }
            let span = Span::new(start, end);
            let message = if count == 1 {
                format!("不可见字符 U+{:04X}（{what}）", c as u32)
            } else {
                format!(
                    "{count}个连续的不可见字符，首个为 U+{:04X}（{what}）",
                    c as u32
                )
            };
            cx.report(span, message)
                .help("删除")
                .fix(Fix::safe_replace(span, ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    #[test]
    fn invisible_characters_apart_are_reported_apart() {
        // An ideograph between them (passed over undecoded) still parts them.
        assert_fires(
            "T114",
            &[(
                "二十\u{200B}大\u{200B}\u{200C}精神\u{200D}",
                &[
                    "1:3 不可见字符 U+200B（零宽空格）",
                    "1:5 2个连续的不可见字符，首个为 U+200B（零宽空格）",
                    "1:9 不可见字符 U+200D（零宽连字）",
                ],
            )],
        );
    }

    #[test]
    fn invisible_characters_are_deleted() {
        let text = "深入学习贯彻党的二十\u{200B}大精神，\u{FEFF}\u{200D}坚持\u{00AD}人民至上。";
        assert_fires(
            "T114",
            &[(
                text,
                &[
                    "1:11 不可见字符 U+200B（零宽空格）",
                    "1:16 2个连续的不可见字符，首个为 U+FEFF（字节顺序标记 BOM）",
                    "1:20 不可见字符 U+00AD（软连字符）",
                ],
            )],
        );
        assert_fixed(
            "T114",
            &[(text, "深入学习贯彻党的二十大精神，坚持人民至上。")],
        );
    }

    #[test]
    fn ordinary_text_tabs_and_spaces_stay_silent() {
        assert_silent(
            "T114",
            &["　　各位代表：\n\t现在，我代表国务院，向大会报告政府工作。\r\n"],
        );
    }
}
