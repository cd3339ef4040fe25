//! The elements of GB/T 9704-2012 that stand on lines of their own around the body: the
//! 版头 above the title (份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人) and,
//! after the 成文日期, the 附注 and the 版记 (抄送机关, 印发机关和印发日期; web copies add
//! 公开属性). The parser sets these lines apart so that the title is the title and the
//! 落款 is found above them; the `elements` rules read them.

use std::sync::LazyLock;

use regex::Regex;

/// Which element a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// 份号: six digits (7.2.1).
    CopyNumber,
    /// 密级和保密期限: 绝密/机密/秘密 (★ 保密期限) (7.2.2).
    Secrecy,
    /// 紧急程度: 特急/加急 (7.2.3), and what people write instead (急件, 紧急).
    Urgency,
    /// 发文机关标志: “××文件” (7.2.4).
    IssuerMark,
    /// 发文字号, possibly with the 签发人 on the same line (7.2.5).
    DocNumber,
    /// 签发人 (7.2.6).
    Signer,
    /// 抄送机关 (7.4.2).
    CopyTo,
    /// 印发机关和印发日期 (7.4.3).
    PrintLine,
    /// 公开属性 (web copies of government documents).
    Publicity,
    /// 附注: a note in parentheses under the 成文日期 (7.3.6).
    Note,
}

/// A 发文字号 anywhere in the text: 机关代字, the year in brackets of any kind, the number
/// (with 第, spaces or leading zeros as people write them) and 号.
pub static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<issuer>\p{Han}[\p{Han}A-Za-z]{0,11}?)(?P<gap0>[ \u{3000}]*)(?P<open>[〔\[【（(［｛{])(?P<gap1>[ \u{3000}]*)(?P<year>\d{2,4})(?P<gap2>[ \u{3000}]*)(?P<close>[〕\]】）)］｝}])(?P<gap3>[ \u{3000}]*)(?P<nth>第?)(?P<gap4>[ \u{3000}]*)(?P<number>\d{1,5})(?P<gap5>[ \u{3000}]*)号",
    )
    .expect("the 发文字号 pattern is valid")
});

static SECRECY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(绝密|机密|秘密)([★☆*＊]\S{1,8})?$").expect("valid"));

static COPY_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(份号[：:]?\s*)?\d{6}$").expect("valid"));

/// A date followed by 印发 or 印: the 印发机关和印发日期 line.
static PRINT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*[年.．/-]\s*\S{1,3}\s*[月.．/-]\s*\S{1,3}?\s*[日号]?\s*(印发|印制|印)$")
        .expect("valid")
});

/// The words of 紧急程度 that stand alone on a line.
pub const URGENCY_WORDS: &[&str] = &[
    "特急",
    "加急",
    "特提",
    "平急",
    "急件",
    "紧急",
    "特急件",
    "加急件",
];

/// The element a line above the title is, if it is one.
pub fn masthead_element(content: &str) -> Option<Element> {
    let c = content.trim_matches(|c: char| c.is_whitespace() || c == '*');
    if c.is_empty() {
        return None;
    }
    if c.starts_with("签发人") {
        return Some(Element::Signer);
    }
    // Each regex only where it can match (what it must end with, start with or hold), so
    // a line like most first lines, a title, compiles and runs none of them.
    if c.ends_with(char::is_numeric) && COPY_NUMBER.is_match(c) {
        return Some(Element::CopyNumber);
    }
    if ["绝密", "机密", "秘密"].iter().any(|s| c.starts_with(s)) && SECRECY.is_match(c) {
        return Some(Element::Secrecy);
    }
    if URGENCY_WORDS.contains(&c) {
        return Some(Element::Urgency);
    }
    if let Some(m) = Some(c)
        .filter(|c| c.contains('号'))
        .and_then(|c| DOC_NUMBER.find(c))
    {
        // The whole line is the number (perhaps with the 签发人 after it).
        let rest = c[m.end()..].trim_start();
        if m.start() == 0 && (rest.is_empty() || rest.starts_with("签发人")) {
            return Some(Element::DocNumber);
        }
    }
    if c.ends_with("文件") && c.chars().count() <= 30 && !c.contains("关于") {
        return Some(Element::IssuerMark);
    }
    None
}

/// The element a line after the 成文日期 is, if it is one.
pub fn trailing_element(content: &str) -> Option<Element> {
    let c = content.trim_matches(|c: char| c.is_whitespace() || c == '*');
    if c.starts_with("抄送") || c.starts_with("抄报") || c.starts_with("抄发") {
        return Some(Element::CopyTo);
    }
    if c.starts_with("公开属性") || c.starts_with("公开方式") || c.starts_with("信息公开选项")
    {
        return Some(Element::Publicity);
    }
    let print_ending = c.ends_with('印') || c.ends_with("印发") || c.ends_with("印制");
    if print_ending && c.chars().count() <= 60 && PRINT_LINE.is_match(c) {
        return Some(Element::PrintLine);
    }
    let parenthesised =
        (c.starts_with('（') && c.ends_with('）')) || (c.starts_with('(') && c.ends_with(')'));
    if parenthesised && c.chars().count() <= 80 && !c.contains("代章") {
        return Some(Element::Note);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_lines_are_recognised() {
        for (line, element) in [
            ("闵吴府发〔2021〕3号", Some(Element::DocNumber)),
            (
                "岚综管综[2015]188号　　签发人：张三",
                Some(Element::DocNumber),
            ),
            ("签发人：张三", Some(Element::Signer)),
            ("000012", Some(Element::CopyNumber)),
            ("机密★1年", Some(Element::Secrecy)),
            ("急件", Some(Element::Urgency)),
            ("中共示范县委员会文件", Some(Element::IssuerMark)),
            ("关于加强管理的通知", None),
            ("根据闽政〔2014〕46号文件要求", None),
        ] {
            assert_eq!(masthead_element(line), element, "{line}");
        }
    }

    #[test]
    fn trailing_lines_are_recognised() {
        for (line, element) in [
            (
                "抄送：县委办公室，县人大常委会办公室。",
                Some(Element::CopyTo),
            ),
            (
                "吴泾镇人民政府办公室                  2021年2月7日印发",
                Some(Element::PrintLine),
            ),
            ("公开属性：主动公开", Some(Element::Publicity)),
            (
                "（联系人：许起亮 联系电话：139XXXXXXXX）",
                Some(Element::Note),
            ),
            ("（党政办公室代章）", None),
            ("2021年2月7日", None),
        ] {
            assert_eq!(trailing_element(line), element, "{line}");
        }
    }

    #[test]
    fn document_numbers_are_found_in_running_text() {
        let found: Vec<&str> = DOC_NUMBER
            .find_iter("根据《意见》（闽政[2014]46号）和奉金府 (2011 )34号、焦联通党委〔2026〕10号")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "闽政[2014]46号",
                "和奉金府 (2011 )34号",
                "焦联通党委〔2026〕10号"
            ]
        );
    }
}
