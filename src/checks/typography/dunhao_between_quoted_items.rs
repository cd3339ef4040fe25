use crate::checks::Views;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};

declare_rule! {
    /// 并列的书名号（或引号）之间用了顿号（《A》、《B》）。
    ///
    /// ## 检查什么
    /// 紧挨着的“》、《”。并列的引号之间“”、“”只在文稿自己多数不加顿号（“”“”多于“”、“”）时报告，
    /// 即按本文多数写法统一；插在中间的括注（《A》（草案）、《B》）不在此列。
    /// 修正（删去顿号）不自动应用：这是一条有争议的规则。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 4.5.3.5：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；
    /// 若有括注等其他成分插在中间，宜用顿号。这条规定在实践中有争议：历年政府工作报告、
    /// 党代会报告在引号之间大多仍用顿号（“一国两制”、“港人治港”），
    /// 但书名号之间几乎都不用。所以书名号之间的顿号一律提示（警告），
    /// 引号之间的顿号只在同一篇文稿两种写法都有时提示。
    ///
    /// ## 示例
    /// ```text
    /// 制定《农村道路建设规划》、《一事一议项目规划》。
    /// ```
    /// 应写作：
    /// ```text
    /// 制定《农村道路建设规划》《一事一议项目规划》。
    /// ```
    pub struct DunhaoBetweenQuotedItems {
        code: T113,
        name: "dunhao-between-quoted-items",
        severity: Warning,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》4.5.3.5",
    }
}

/// Whether `”、“` is reported even in a document that never writes `””`; the default
/// follows the practice of national publications (see the docs). A config switch can set it.
pub(crate) const STRICT_QUOTES: bool = false;

impl Rule for DunhaoBetweenQuotedItems {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let found = find(cx.views, text, STRICT_QUOTES);
        for span in found.spans {
            let written = span.slice(text);
            // 》 and ” are both three bytes: the 顿号 follows the first mark.
            let dunhao = Span::new(
                span.start + '》'.len_utf8(),
                span.start + '》'.len_utf8() + '、'.len_utf8(),
            );
            let (name, without) = if written.starts_with('》') {
                ("书名号", "》《")
            } else {
                ("引号", "”“")
            };
            let report = cx
                .report(span, format!("并列的{name}之间用了顿号：“{written}”"))
                .help(format!("删去顿号，写作“{without}”"));
            let report = if name == "引号" {
                report.note(format!(
                    "GB/T 15834-2011 4.5.3.5；本文另有{}处并列引号之间不用顿号",
                    found.bare_quotes
                ))
            } else {
                report
            };
            report.fix(Fix::unsafe_replace(dunhao, String::new()));
        }
    }
}

/// What the rule reports in a document: the spans of `》、《` and, when reported, `”、“`.
struct Found {
    spans: Vec<Span>,
    bare_quotes: usize,
}

fn find(views: &Views<'_>, text: &str, strict_quotes: bool) -> Found {
    let mut titles = Vec::new();
    let mut quotes = Vec::new();
    let mut bare_quotes = 0;
    for seg in views.segments() {
        let classes = views.classes(seg);
        let titles_may_touch = classes.has('》') && classes.has('、') && classes.has('《');
        let quotes_may_touch = classes.has('”') && classes.has('“');
        if !(titles_may_touch || quotes_may_touch) {
            continue;
        }
        let s = seg.text(text);
        // The protected ranges (URLs, code…) are worked out only for a segment that has a
        // candidate: nearly none has.
        for (pattern, found) in [("》、《", &mut titles), ("”、“", &mut quotes)] {
            for (off, _) in s.match_indices(pattern) {
                if !views.protected(seg).contains(off) {
                    found.push(seg.at(off..off + pattern.len()));
                }
            }
        }
        bare_quotes += s.matches("”“").count();
    }
    if strict_quotes || bare_quotes > quotes.len() {
        titles.extend(quotes);
        titles.sort();
    }
    Found {
        spans: titles,
        bare_quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn dunhao_between_book_titles_is_reported() {
        assert_fires(
            "T113",
            &[("谋划《农村道路建设十三五规划》、《一事一议项目规划》，实施“七个一线工作法”、“村（社区）干部坐班制度”。", &["1:15 并列的书名号之间用了顿号：“》、《”"])],
        );
    }

    #[test]
    fn dunhao_between_quotes_follows_the_documents_own_majority() {
        assert_fires(
            "T113",
            &[(
                "做好“六稳”“六保”工作，“煤改气”“煤改电”，贯彻“一国两制”、“港人治港”方针。",
                &["1:32 并列的引号之间用了顿号：“”、“”"],
            )],
        );
        assert_silent(
            "T113",
            &[
                "贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。",
                "做好“六稳”“六保”工作，贯彻“一国两制”、“港人治港”方针。",
            ],
        );
    }

    #[test]
    fn strict_mode_reports_every_quoted_pair() {
        let text = "实施“七个一线工作法”、“村（社区）干部坐班制度”，制定《甲》、《乙》。";
        let doc = crate::document::parse(text);
        let settings = crate::Settings::new(jiff::civil::date(2026, 1, 1));
        let context = crate::context::Context::resolve(
            crate::profile::ProfileSet::embedded(),
            text,
            &doc,
            None,
            None,
            settings.today,
            crate::context::Scan::of(text, None, &settings.knowledge),
            settings.knowledge.clone(),
        );
        let views = Views::new(text, &doc, &context);
        let spans: Vec<&str> = find(&views, text, true)
            .spans
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(spans, ["”、“", "》、《"]);
        assert_eq!(find(&views, text, false).spans.len(), 1);
    }

    #[test]
    fn a_parenthetical_between_items_stays_silent() {
        assert_silent("T113", &["审议《民法典》（草案）、《刑法》修正案。"]);
    }
}
