use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::placeholder_body::is_placeholder_paragraph;
use crate::checks::{declare_rule, Checker, Rule};
use crate::document::vocabulary::Vocabulary;
use crate::document::LineKind;

declare_rule! {
    /// 正文中留有模板占位符（XX、×××、某某、【】、“此处填写”等）。
    ///
    /// ## 为什么
    /// 套用模板或旧稿时，待填的名称、数字常用“XX”“×××”“某某”占位，漏填就会原样交上去。
    /// 占位符清单见 rules/structure.toml。
    ///
    /// ## 示例
    /// ```text
    /// 截至目前，全镇共有党员XX名，其中预备党员×××名。
    /// ```
    /// 应写作：
    /// ```text
    /// 截至目前，全镇共有党员312名，其中预备党员6名。
    /// ```
    pub struct TemplatePlaceholder {
        code: S104,
        name: "template-placeholder",
        severity: Error,
        fix: Never,
        scope: Wording,
        since: "0.1.0",
        basis: "《党政机关公文处理工作条例》第十九条（公文内容完整）",
    }
}

struct Tokens {
    automaton: AhoCorasick,
    meanings: Vec<&'static str>,
}

static TOKENS: LazyLock<Tokens> = LazyLock::new(|| {
    let vocabulary = Vocabulary::embedded();
    let inline: Vec<_> = vocabulary
        .placeholders
        .iter()
        .filter(|p| !p.whole_paragraph_only)
        .collect();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(inline.iter().map(|p| p.token.as_str()))
        .expect("placeholder tokens form a valid automaton");
    Tokens {
        automaton,
        meanings: inline.iter().map(|p| p.meaning.as_str()).collect(),
    }
});

impl Rule for TemplatePlaceholder {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let vocabulary = Vocabulary::embedded();
        for line in &doc.lines {
            if line.kind == LineKind::Blank {
                continue;
            }
            let content = line.content.slice(text);
            // A paragraph that is nothing but a placeholder is reported by S103 with its section.
            if line.kind == LineKind::Paragraph && is_placeholder_paragraph(content, vocabulary) {
                continue;
            }
            for m in TOKENS.automaton.find_iter(content) {
                let token = &content[m.start()..m.end()];
                if token.is_ascii() && !ascii_word_bounded(content, m.start(), m.end()) {
                    continue;
                }
                if inside_example(&content[..m.start()]) {
                    continue;
                }
                let span = crate::diagnostic::Span::new(
                    line.content.start + m.start(),
                    line.content.start + m.end(),
                );
                let meaning = TOKENS.meanings[m.pattern().as_usize()];
                cx.report(span, format!("留有模板占位符“{token}”（{meaning}）"))
                    .help("填入实际内容");
            }
        }
    }
}

/// A placeholder inside "（如优秀党员×××、×××）" is an example in an instruction, not a
/// blank left unfilled: true when the text before it has an unclosed bracket that opens
/// with 如/例如/比如/示例.
fn inside_example(before: &str) -> bool {
    let open = before.rfind(['（', '(']);
    let close = before.rfind(['）', ')']);
    match open {
        Some(o) if close.is_none_or(|c| c < o) => {
            let inner = before[o..].trim_start_matches(['（', '(']);
            ["如", "例如", "比如", "示例", "格式"]
                .iter()
                .any(|w| inner.starts_with(w))
        }
        _ => false,
    }
}

/// "XX" in "XX村" is a placeholder; in "XXL" or "2XX" it is not.
fn ascii_word_bounded(content: &str, start: usize, end: usize) -> bool {
    let before = content[..start].chars().next_back();
    let after = content[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}
