//! What a rule reports: plain data, independent of how it is rendered.

use serde::Serialize;

/// A byte range into a source file's decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`: used for findings about something missing.
    pub const fn point(offset: usize) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or "" if it does not fall on char boundaries.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How serious a finding is; ordered so that `Info < Warning < Error`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// The rule families. The JSON `family` field uses the lowercase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Structure,
    Numbering,
    Timeliness,
    Formulation,
    Typography,
    /// 语言文字: wrong characters, duplicated words, broken set phrases, 的/地/得, number
    /// words, read through the word layer (`crate::words`).
    Language,
    /// gwlint's own findings: suppression comments that name unknown rules or suppress
    /// nothing. Emitted by the suppression stage, not by a rule's `check`.
    Gwlint,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Self::Structure,
        Self::Numbering,
        Self::Timeliness,
        Self::Formulation,
        Self::Typography,
        Self::Language,
        Self::Gwlint,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::Numbering => "numbering",
            Self::Timeliness => "timeliness",
            Self::Formulation => "formulation",
            Self::Typography => "typography",
            Self::Language => "language",
            Self::Gwlint => "gwlint",
        }
    }

    /// The letter that starts every code of the family.
    pub const fn letter(self) -> char {
        match self {
            Self::Structure => 'S',
            Self::Numbering => 'N',
            Self::Timeliness => 'R',
            Self::Formulation => 'F',
            Self::Typography => 'T',
            Self::Language => 'L',
            Self::Gwlint => 'G',
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(name) || name == f.letter().to_string())
    }
}

/// One replacement of a span by new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A proposed fix. Only `safe` fixes are applied by `--fix`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub safe: bool,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Replaces `span`; `--fix` applies it.
    pub fn safe_replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            safe: true,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }

    /// Replaces `span` once a person has agreed: offered by editors and `--diff`, never
    /// applied by `--fix`.
    pub fn unsafe_replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            safe: false,
            ..Self::safe_replace(span, replacement)
        }
    }
}

/// A secondary location that helps explain a finding (e.g. where a sibling heading is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One finding. The rule fills span, message, help and fix; the engine stamps code,
/// name, family and severity from the rule's metadata and configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong, in Chinese, quoting the text; no final 。.
    pub message: String,
    /// What to write instead.
    pub help: Option<String>,
    /// Why: the clause of a standard or the source of a knowledge entry.
    pub note: Option<String>,
    pub label: Option<String>,
    pub secondary: Vec<Label>,
    pub fix: Option<Fix>,
}

/// How many bytes `a` and `b` share at their start, and then at their end within what
/// follows that start, compared character by character: what an edit from one to the
/// other leaves untouched on each side.
pub fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let same_len = |(x, y): (char, char)| (x == y).then_some(x.len_utf8());
    let prefix: usize = a.chars().zip(b.chars()).map_while(same_len).sum();
    let suffix: usize = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .map_while(same_len)
        .sum();
    (prefix, suffix)
}

/// Quotes text for a message (“…”); quotation marks inside become single ones (‘…’).
/// Each item in Chinese quotation marks, joined by `separator`: “甲”、“乙”.
pub fn quoted_list<T: std::fmt::Display>(
    items: impl IntoIterator<Item = T>,
    separator: &str,
) -> String {
    items
        .into_iter()
        .map(|item| format!("“{item}”"))
        .collect::<Vec<_>>()
        .join(separator)
}

pub fn quote(text: &str) -> String {
    let mut inner = text.replace('“', "‘").replace('”', "’");
    // A span that starts inside quotation marks ("两学一做”学习教育") gets its opening mark back.
    if inner
        .find('’')
        .is_some_and(|close| inner.find('‘').is_none_or(|open| close < open))
    {
        inner.insert(0, '‘');
    }
    format!("“{inner}”")
}
