use super::*;

fn words(text: &str) -> Vec<&str> {
    segment(text, Span::new(0, text.len()))
        .iter()
        .map(|w| w.text(text))
        .collect()
}

#[test]
fn segments_like_jieba() {
    assert_eq!(words("频繁拆迁徒增负担"), ["频繁", "拆迁", "徒增", "负担"]);
    assert_eq!(words("宣布署长任职"), ["宣布", "署长", "任职"]);
    assert_eq!(words("关键问题纲举目张"), ["关键问题", "纲举目张"]);
    assert_eq!(
        words("我来到北京清华大学"),
        ["我", "来到", "北京", "清华大学"]
    );
}

#[test]
fn skips_punctuation_and_joins_letters_and_digits() {
    assert_eq!(
        words("完成GDP目标，增长5.2%"),
        ["完成", "GDP", "目标", "增长", "5", "2"]
    );
    let text = "全年2025年";
    let spans: Vec<_> = segment(text, Span::new(0, text.len()))
        .iter()
        .map(|w| w.span)
        .collect();
    assert_eq!(spans.first(), Some(&Span::new(0, 6)));
}

#[test]
fn a_clause_segments_alone_as_in_its_paragraph() {
    let text = "为此，我们频繁拆迁徒增负担。此外";
    let document = DocumentWords::new(text);
    let at = text.find("迁徒").unwrap();
    let alone: Vec<Word> = document.clause(at).into_owned();
    let whole: Vec<Word> = document
        .all()
        .iter()
        .copied()
        .filter(|w| {
            let clause = clause_at(text, at);
            clause.start <= w.span.start && w.span.end <= clause.end
        })
        .collect();
    assert_eq!(alone, whole);
    assert_eq!(document.clause(at), whole.as_slice());
}

#[test]
fn boundaries_follow_the_segmentation() {
    let text = "宣布署长任职，工作布署到位";
    let document = DocumentWords::new(text);
    let crossing = text.find("布署").unwrap();
    assert!(!document.is_aligned(Span::new(crossing, crossing + 6)));
    let whole = text.rfind("布署").unwrap();
    assert!(document.is_aligned(Span::new(whole, whole + 6)));
    assert!(document.is_boundary(0));
    assert!(document.is_boundary(text.len()));
    assert!(document.is_boundary(text.find('，').unwrap()));
}

#[test]
fn a_correction_that_makes_words_gains_and_one_that_breaks_them_loses() {
    let text = "在巡察中原形必露";
    let document = DocumentWords::new(text);
    let at = text.find("原形必露").unwrap();
    let misspelt = Span::new(at, at + "原形必露".len());
    assert!(!document.is_aligned(misspelt), "中原 crosses the start");
    let gain = document.gain_of_replacing(misspelt, "原形毕露");
    assert!(gain > 12.0, "{gain}");

    let text = "频繁拆迁徒增负担";
    let document = DocumentWords::new(text);
    let at = text.find("迁徒").unwrap();
    assert!(document.gain_of_replacing(Span::new(at, at + 6), "迁徙") < 0.0);
}

#[test]
fn the_gain_reads_a_bounded_neighbourhood_of_a_long_clause() {
    // The same misspelling at the end of a clause of 32 characters and of 3,232: the
    // words further away are not read, so the gain (and its cost) is the same.
    let short = format!("{}在巡察中原形必露", "推进".repeat(14));
    let long = format!("{}{short}", "推进".repeat(1_600));
    let gain = |text: &str| {
        let at = text.find("原形必露").unwrap();
        DocumentWords::new(text).gain_of_replacing(Span::new(at, at + "原形必露".len()), "原形毕露")
    };
    assert!((gain(&short) - gain(&long)).abs() < 1e-9);
}

#[test]
fn questions_about_one_clause_reuse_its_words() {
    let text = "宣布署长任职，工作布署到位";
    let document = DocumentWords::new(text);
    let whole = text.rfind("布署").unwrap();
    let words = document.with_clause(whole, <[Word]>::to_vec);
    assert_eq!(
        words.iter().map(|w| w.text(text)).collect::<Vec<_>>(),
        ["工作", "布署", "到位"]
    );
    // Asked again about a place of the same clause, and about the other clause.
    assert_eq!(document.with_clause(text.len(), <[Word]>::len), 3);
    assert_eq!(document.with_clause(0, <[Word]>::len), 3);
    assert!(!document.is_boundary(text.find("布署").unwrap()));
}
