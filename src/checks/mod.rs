//! The rules: the `Rule` trait, the metadata every rule declares, and the `Checker`
//! through which a rule reads the document and reports findings.
//!
//! Rules detect; the engine decides. A rule never sees severity, selection or
//! suppression: `lint` stamps those from the rule's metadata and the settings.

pub mod formulation;
pub mod gwlint;
pub mod numbering;
pub mod registry;
pub mod structure;
pub mod timeliness;
pub mod typography;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Family, Fix, Label, Severity, Span};
use crate::document::Document;
use crate::source::SourceFile;

/// Whether a rule offers fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    Never,
    Sometimes,
    Always,
}

/// What a rule declares about itself. `docs` is the rule type's doc comment.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable forever: family letter + three digits.
    pub code: &'static str,
    /// kebab-case, names the defect.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub fix: FixAvailability,
    /// 依据: the standard or source the rule rests on.
    pub basis: &'static str,
    /// The first line of the docs: a one-line summary.
    pub summary: &'static str,
    pub docs: &'static str,
}

/// Every rule implements this. `meta` is written by `declare_rule!`.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Inspect the document and report findings through `cx`. No IO.
    fn check(&self, cx: &mut Checker<'_>);
}

/// Declares a rule type with its metadata; the doc comment becomes its documentation
/// (`gwlint rule CODE`) and its first line the summary.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            family: $family:ident,
            severity: $severity:ident,
            fix: $fix:ident,
            basis: $basis:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::checks::RuleMeta = $crate::checks::RuleMeta {
                code: $code,
                name: $rule_name,
                family: $crate::diagnostic::Family::$family,
                severity: $crate::diagnostic::Severity::$severity,
                fix: $crate::checks::FixAvailability::$fix,
                basis: $basis,
                summary: $summary,
                docs: concat!($($doc, "\n"),+),
            };
        }
    };
}
pub(crate) use declare_rule;

/// What a rule may read, and the one way it reports.
pub struct Checker<'a> {
    pub source: &'a SourceFile,
    pub document: &'a Document,
    pub context: &'a Context,
    meta: &'static RuleMeta,
    findings: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(
        source: &'a SourceFile,
        document: &'a Document,
        context: &'a Context,
        meta: &'static RuleMeta,
    ) -> Self {
        Self {
            source,
            document,
            context,
            meta,
            findings: Vec::new(),
        }
    }

    /// The decoded text of the file.
    pub fn text(&self) -> &'a str {
        &self.source.text
    }

    /// Reports a finding at `span`; refine it with the returned builder.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> Report<'_> {
        let meta = self.meta;
        self.findings.push(Diagnostic {
            code: meta.code,
            rule: meta.name,
            family: meta.family,
            severity: meta.severity,
            span,
            message: message.into(),
            help: None,
            note: (!meta.basis.is_empty()).then(|| meta.basis.to_string()),
            label: None,
            secondary: Vec::new(),
            fix: None,
        });
        let last = self.findings.len() - 1;
        Report {
            diagnostic: &mut self.findings[last],
        }
    }

    pub fn into_findings(self) -> Vec<Diagnostic> {
        self.findings
    }
}

/// Builder for one finding.
pub struct Report<'c> {
    diagnostic: &'c mut Diagnostic,
}

impl Report<'_> {
    pub fn help(self, help: impl Into<String>) -> Self {
        self.diagnostic.help = Some(help.into());
        self
    }

    pub fn note(self, note: impl Into<String>) -> Self {
        self.diagnostic.note = Some(note.into());
        self
    }

    pub fn label(self, label: impl Into<String>) -> Self {
        self.diagnostic.label = Some(label.into());
        self
    }

    pub fn secondary(self, span: Span, text: impl Into<String>) -> Self {
        self.diagnostic.secondary.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    pub fn severity(self, severity: crate::diagnostic::Severity) -> Self {
        self.diagnostic.severity = severity;
        self
    }

    pub fn fix(self, fix: Fix) -> Self {
        self.diagnostic.fix = Some(fix);
        self
    }
}
