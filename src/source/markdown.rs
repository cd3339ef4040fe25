//! Markdown: the parts that are not prose (code, front matter, HTML and comments, link
//! targets, images) are blanked out before parsing and checking, byte for byte, so that
//! every offset still points into the original file. Findings that touch a blanked part
//! are dropped afterwards.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use crate::diagnostic::Span;

/// The text to check, with the non-prose parts replaced by spaces (line ends kept), and
/// the byte ranges that were replaced.
pub fn mask(text: &str) -> (String, Vec<Span>) {
    let mut ranges: Vec<Span> = Vec::new();
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock | Tag::Image { .. },
            )
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => ranges.push(Span::new(range.start, range.end)),
            Event::Start(Tag::Link { .. }) => {
                // Keep the link text, blank "](target)".
                let slice = &text[range.clone()];
                if let Some(at) = slice.rfind("](") {
                    ranges.push(Span::new(range.start + at, range.end));
                }
            }
            _ => {}
        }
    }
    ranges.sort();
    let mut masked = text.as_bytes().to_vec();
    for r in &ranges {
        for b in &mut masked[r.start..r.end.min(text.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole UTF-8 sequences were replaced by ASCII, so the result is valid UTF-8.
    let masked = String::from_utf8(masked).unwrap_or_else(|_| text.to_string());
    (masked, ranges)
}

/// Byte ranges of the fenced code blocks (``` or ~~~), as CommonMark reads them. A
/// suppression comment inside one is an example, not a directive, in any kind of file.
pub fn fenced_code_blocks(text: &str) -> Vec<Span> {
    Parser::new(text)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                Some(Span::new(range.start, range.end))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_comments_front_matter_and_link_targets_are_blanked() {
        let text = "---\ntitle: x\n---\n一是见`code,`和[链接](http://a.b/c,d)。\n<!-- 注释: -->\n```\n1、代码\n```\n";
        let (masked, ranges) = mask(text);
        assert_eq!(masked.len(), text.len());
        assert!(
            !masked.contains("code,")
                && !masked.contains("http")
                && !masked.contains("注释")
                && !masked.contains("1、代码")
        );
        assert!(masked.contains("一是见") && masked.contains("链接"));
        assert_eq!(masked.lines().count(), text.lines().count());
        assert!(ranges.len() >= 5, "{ranges:?}");
    }

    #[test]
    fn fenced_code_blocks_are_found_with_their_fences() {
        let text = "前文\n```\n<!-- gwlint-disable -->\n```\n后文\n~~~toml\na = 1\n";
        let blocks = fenced_code_blocks(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            &text[blocks[0].start..blocks[0].end],
            "```\n<!-- gwlint-disable -->\n```"
        );
        // An unclosed fence runs to the end of the text.
        assert_eq!(&text[blocks[1].start..blocks[1].end], "~~~toml\na = 1\n");
        assert!(fenced_code_blocks("    ```\n缩进四格不是围栏\n").is_empty());
    }
}
