//! Family `numbering` (N): the numbering of headings (一、（一）1.（1）) and of inline
//! enumerations (一是/二是…, 第一/第二…).

include!(concat!(env!("OUT_DIR"), "/checks_numbering.rs"));

use crate::document::{Document, EnumItem, Heading, Section, Series};

/// Headings that are numbered together: the children of one parent (or the top level)
/// that share a marker level. Numbering restarts under each parent, and also after an
/// unnumbered line that reads like a subheading ("执行上级组织决定方面") when the next
/// marker starts again from one: the author began a new list under a heading that lost
/// its number, which is a different defect from disorder.
pub(crate) fn sibling_groups<'d>(doc: &'d Document, text: &str) -> Vec<Vec<&'d Heading>> {
    fn visit<'d>(
        doc: &'d Document,
        text: &str,
        sections: &'d [Section],
        out: &mut Vec<Vec<&'d Heading>>,
    ) {
        let mut levels: Vec<crate::document::Level> = sections
            .iter()
            .map(|s| doc.heading(s).marker.level())
            .collect();
        levels.sort();
        levels.dedup();
        for level in levels {
            let mut group: Vec<&Heading> = Vec::new();
            for heading in sections
                .iter()
                .map(|s| doc.heading(s))
                .filter(|h| h.marker.level() == level)
            {
                let restarts = heading.marker.value == 1
                    && group.last().is_some_and(|prev| {
                        prev.marker.value > 1
                            && unnumbered_subheading_between(doc, text, prev.line, heading.line)
                    });
                if restarts {
                    out.push(std::mem::take(&mut group));
                }
                group.push(heading);
            }
            out.push(group);
        }
        for s in sections {
            visit(doc, text, &s.children, out);
        }
    }
    let mut out = Vec::new();
    visit(doc, text, &doc.sections, &mut out);
    out
}

/// Whether a paragraph between two lines looks like a heading without a number: short,
/// and not ending like a sentence.
fn unnumbered_subheading_between(doc: &Document, text: &str, from: usize, to: usize) -> bool {
    (from + 1..to).any(|i| {
        doc.lines[i].kind == crate::document::LineKind::Paragraph && {
            let c = doc.content(text, i).trim_matches(['*', '_']);
            c.chars().count() <= 40
                && !c.contains('。')
                && !c.ends_with(['；', '，', '：', ';', ',', ':', '！', '？'])
        }
    })
}

/// What happened at one step of a sibling sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    InOrder,
    /// The values between the previous one and this one are missing.
    Gap {
        expected: u32,
    },
    Duplicate,
    Disorder {
        previous: u32,
    },
}

/// Walks the values of a sequence that should read 1, 2, 3, …
pub(crate) fn steps(values: impl IntoIterator<Item = u32>) -> Vec<Step> {
    let mut previous = 0;
    values
        .into_iter()
        .map(|v| {
            let step = if v == previous + 1 {
                Step::InOrder
            } else if v == previous {
                Step::Duplicate
            } else if v > previous {
                Step::Gap {
                    expected: previous + 1,
                }
            } else {
                Step::Disorder { previous }
            };
            if v != previous {
                previous = v;
            }
            step
        })
        .collect()
}

/// Each numbered heading with how its number follows the sibling before it (which comes
/// along): N101, N102 and N103 read the same walk.
pub(crate) fn heading_steps<'d>(
    doc: &'d Document,
    text: &str,
) -> Vec<(Step, &'d Heading, Option<&'d Heading>)> {
    let mut out = Vec::new();
    for group in sibling_groups(doc, text) {
        let values = steps(group.iter().map(|h| h.marker.value));
        for (i, step) in values.into_iter().enumerate() {
            out.push((step, group[i], i.checked_sub(1).map(|p| group[p])));
        }
    }
    out
}

/// Each item of an inline enumeration with how its value follows the item before it in
/// its run (which comes along): N108 and N109 read the same walk.
pub(crate) fn enumeration_steps(doc: &Document) -> Vec<(Step, EnumItem, Option<EnumItem>)> {
    let mut out = Vec::new();
    for run in enumeration_runs(doc) {
        let values = steps(run.iter().map(|item| item.value));
        for (i, step) in values.into_iter().enumerate() {
            out.push((step, run[i], i.checked_sub(1).map(|p| run[p])));
        }
    }
    out
}

/// The inline enumerations of the document: each owner's items (preamble, then each
/// section's own text), split into runs. A run starts at an item whose value is 1 or
/// at the first item of its series; an item of another series that continues the open
/// run (一是 … 第二) stays in that run, so mixed series can be reported.
pub(crate) fn enumeration_runs(doc: &Document) -> Vec<Vec<EnumItem>> {
    let mut owners: Vec<&[EnumItem]> = vec![&doc.preamble_enumeration];
    owners.extend(
        doc.walk_sections()
            .into_iter()
            .map(|s| s.enumeration.as_slice()),
    );
    let mut runs = Vec::new();
    for items in owners {
        let mut current: Vec<EnumItem> = Vec::new();
        for item in items.iter().filter(|i| i.series != Series::Sequence) {
            let continues_other = current.last().is_some_and(|last| {
                last.series != item.series
                    && item.value == last.value + 1
                    && !current.iter().any(|c| c.series == item.series)
            });
            let same_series = current.first().is_some_and(|f| f.series == item.series);
            if !current.is_empty() && (continues_other || (same_series && item.value != 1)) {
                current.push(*item);
            } else {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
                current.push(*item);
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_classify_each_value() {
        assert_eq!(steps([1, 2, 3]), vec![Step::InOrder; 3]);
        assert_eq!(
            steps([1, 2, 5, 6]),
            vec![
                Step::InOrder,
                Step::InOrder,
                Step::Gap { expected: 3 },
                Step::InOrder
            ]
        );
        assert_eq!(
            steps([1, 2, 2, 3]),
            vec![Step::InOrder, Step::InOrder, Step::Duplicate, Step::InOrder]
        );
        assert_eq!(
            steps([1, 3, 2]),
            vec![
                Step::InOrder,
                Step::Gap { expected: 2 },
                Step::Disorder { previous: 3 }
            ]
        );
        assert_eq!(steps([2]), vec![Step::Gap { expected: 1 }]);
    }
}
