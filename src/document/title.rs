//! The title as a reader takes it: a long title broken over two lines is one title
//! (“平潭县人民政府” / “2012年政府信息公开工作年度报告”), and the lines that begin with a
//! dash are subtitles (“——在……会议上的讲话”).

use super::vocabulary::Vocabulary;
use super::{Document, LineKind};
use crate::diagnostic::Span;

/// The title of a document: its text and the line content spans it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    pub spans: Vec<Span>,
}

/// The title: the first title line, joined with the next title-block line when the first
/// names no 文种 and the two together do.
pub fn full_title(doc: &Document, text: &str) -> Option<Title> {
    let first = doc.title?;
    let head = clean(doc.content(text, first));
    let mut title = Title {
        text: head.to_string(),
        spans: vec![doc.lines[first].content],
    };
    let vocabulary = Vocabulary::embedded();
    if vocabulary.genre_of_title(head).is_some() {
        return Some(title);
    }
    let next = doc.lines[first + 1..]
        .iter()
        .position(|l| l.kind != LineKind::Blank)
        .map(|p| first + 1 + p)
        .filter(|&n| doc.lines[n].kind == LineKind::Title);
    if let Some(next) = next {
        let tail = clean(doc.content(text, next));
        if !is_subtitle(tail) && vocabulary.genre_of_title(tail).is_some() {
            title.text.push_str(tail);
            title.spans.push(doc.lines[next].content);
        }
    }
    Some(title)
}

/// The other lines of the title block that are not subtitles (“2025年度基层党组织组织生活会”
/// / “××支部委员会对照检查材料” under a file name used as a heading).
pub fn other_title_lines<'t>(doc: &Document, text: &'t str, title: &Title) -> Vec<&'t str> {
    doc.lines
        .iter()
        .filter(|l| l.kind == LineKind::Title && !title.spans.contains(&l.content))
        .map(|l| clean(l.content.slice(text)))
        .filter(|c| !is_subtitle(c))
        .collect()
}

/// The subtitle lines of the title block (those that begin with a dash).
pub fn subtitles<'t>(doc: &Document, text: &'t str) -> Vec<&'t str> {
    doc.lines
        .iter()
        .filter(|l| l.kind == LineKind::Title)
        .map(|l| clean(l.content.slice(text)))
        .filter(|c| is_subtitle(c))
        .collect()
}

fn is_subtitle(line: &str) -> bool {
    line.starts_with(['—', '－', '-'])
}

/// Markdown emphasis around a title line.
fn clean(line: &str) -> &str {
    line.trim_matches(['*', ' ', '\u{3000}'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;

    #[test]
    fn a_title_broken_after_the_issuer_is_joined() {
        let text = "平潭县人民政府\n2012年政府信息公开工作年度报告\n本报告根据条例编制。\n";
        let doc = parse(text);
        let title = full_title(&doc, text).expect("a title");
        assert_eq!(title.text, "平潭县人民政府2012年政府信息公开工作年度报告");
        assert_eq!(title.spans.len(), 2);
    }

    #[test]
    fn a_subtitle_is_not_joined_but_listed() {
        let text = "决胜全面建成小康社会\n——在中国共产党第十九次全国代表大会上的报告\n同志们：\n现在，我代表第十八届中央委员会向大会作报告。\n";
        let doc = parse(text);
        assert_eq!(
            full_title(&doc, text).map(|t| t.text),
            Some("决胜全面建成小康社会".to_string())
        );
        assert_eq!(
            subtitles(&doc, text),
            ["——在中国共产党第十九次全国代表大会上的报告"]
        );
    }
}
