use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;

declare_rule! {
    /// 请示、函、批复没有主送机关，或请示主送了不止一个机关。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.2：主送机关编排于标题下空一行，居左顶格，最后一个机关名称后标全角冒号。
    /// 《党政机关公文处理工作条例》第十五条（一）：向上级机关行文，原则上主送一个上级机关，
    /// 需要同时送其他机关的，用抄送。要求主送机关的文种见 rules/profiles/ 的 `[addressee]`。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局、县机关事务管理局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    ///
    /// 抄送：县机关事务管理局。
    /// ```
    pub struct Addressee {
        code: S112,
        name: "addressee",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.2.0",
        basis: "GB/T 9704-2012 7.3.2；《党政机关公文处理工作条例》第十五条（一）",
    }
}

impl Rule for Addressee {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let spec = &cx.context.profile.addressee;
        let name = &cx.context.profile.name;
        if !spec.required || doc.title.is_none() {
            return;
        }
        let Some(line) = doc.salutation else {
            let after_title = doc
                .lines
                .iter()
                .enumerate()
                .skip(doc.title.unwrap_or(0))
                .find(|(_, l)| {
                    l.kind != crate::document::LineKind::Title
                        && l.kind != crate::document::LineKind::Blank
                })
                .map_or(Span::point(0), |(_, l)| Span::point(l.span.start));
            cx.report(after_title, format!("{name}没有主送机关"))
                .help("在标题下空一行、顶格写出主送机关，后加全角冒号，如“县财政局：”")
                .label("主送机关应在此处");
            return;
        };
        if !spec.single {
            return;
        }
        let content = doc.lines[line].content;
        let names = content.slice(text).trim_end_matches(['：', ':']);
        // Names are separated by 顿号 or 逗号; a bracket (“各县（市、区）”) is one name.
        let mut depth = 0i32;
        let mut separators = 0;
        for c in names.chars() {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth -= 1,
                '、' | '，' | ',' if depth == 0 => separators += 1,
                _ => {}
            }
        }
        if separators > 0 || names.starts_with('各') {
            cx.report(content, format!("{name}主送了不止一个机关：“{names}”"))
                .help("请示只主送一个上级机关（负责答复的那个），其他机关用抄送");
        }
    }
}
