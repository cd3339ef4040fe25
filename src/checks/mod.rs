//! The rules: the `Rule` trait, the metadata every rule declares, and the `Checker`
//! through which a rule reads the document and reports findings.
//!
//! Rules detect; the engine decides. A rule never sees severity, selection or
//! suppression: `lint` stamps those from the rule's metadata and the settings.

pub(crate) mod char_classes;
pub mod engine;
pub mod formulation;
pub mod gwlint;
pub mod language;
pub(crate) mod literal_search;
pub mod numbering;
pub mod registry;
pub mod structure;
#[cfg(test)]
pub(crate) mod test_support;
pub mod timeliness;
pub mod typography;
pub mod views;

pub use registry::{RuleId, RuleSet};
pub use views::Views;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Family, Fix, Label, Severity, Span};
use crate::document::Document;
use crate::knowledge::Knowledge;

/// Whether a rule offers fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    Never,
    Sometimes,
    Always,
}

pub use crate::source::parts::Scope;

/// What a rule declares about itself. `docs` is the rule type's doc comment.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: RuleId,
    /// Stable forever: family letter + three digits.
    pub code: &'static str,
    /// kebab-case, names the defect.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub fix: FixAvailability,
    pub scope: Scope,
    /// The gwlint version that introduced the rule.
    pub since: &'static str,
    /// Off unless selected by its code or name (`--select L101`): a rule not yet precise
    /// enough on real documents to run by default. Family, prefix and `ALL` selectors
    /// leave it out.
    pub opt_in: bool,
    /// 依据: the standard or source the rule rests on.
    pub basis: &'static str,
    pub docs: &'static str,
}

impl RuleMeta {
    /// A finding of this rule at `span`, with its default severity and its basis as note.
    pub fn diagnostic(&'static self, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            code: self.code,
            rule: self.name,
            family: self.family,
            severity: self.severity,
            span,
            message,
            help: None,
            note: (!self.basis.is_empty()).then(|| self.basis.to_string()),
            label: None,
            secondary: Vec::new(),
            fix: None,
        }
    }

    /// The first line of the docs, without its final 。: the one-line summary.
    pub fn summary(&self) -> &'static str {
        let first = self.docs.lines().next().unwrap_or_default().trim();
        first.strip_suffix('。').unwrap_or(first)
    }
}

/// A rule's metadata, written by `declare_rule!`.
pub trait RuleInfo {
    fn meta(&self) -> &'static RuleMeta;
}

/// Every rule implements this; each hook has a default body, so a rule writes only the
/// hooks it needs (oxc's `Rule` is the model). The engine calls `should_run`, then `check`
/// once per document. A rule reads shared, lazily computed views through
/// [`Checker::views`] rather than rebuilding them.
pub trait Rule: RuleInfo + Send + Sync {
    /// Whether the rule has anything to look at in this document (cheap; default: yes).
    fn should_run(&self, _cx: &Checker<'_>) -> bool {
        true
    }
    /// Inspect the document and report findings through `cx`. No IO.
    fn check(&self, _cx: &mut Checker<'_>) {}
}

/// Declares a rule type with its metadata. The doc comment becomes its documentation
/// (`gwlint rule CODE`) and its first line the summary; the code is an identifier so
/// that it names the rule's [`RuleId`]; the family is the folder's (the `FAMILY` that
/// `build.rs` writes for it), so a rule cannot name one family and live in another.
/// `build.rs` finds the declaration and registers the rule: adding a rule is adding its file.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis struct $name:ident {
            code: $code:ident,
            name: $rule_name:literal,
            severity: $severity:ident,
            fix: $fix:ident,
            scope: $scope:ident,
            since: $since:literal,
            $(opt_in: $opt_in:literal,)?
            basis: $basis:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::checks::RuleMeta = $crate::checks::RuleMeta {
                id: $crate::checks::RuleId::$code,
                code: stringify!($code),
                name: $rule_name,
                // The folder decides: `build.rs` writes each family's `FAMILY`.
                family: super::FAMILY,
                severity: $crate::diagnostic::Severity::$severity,
                fix: $crate::checks::FixAvailability::$fix,
                scope: $crate::checks::Scope::$scope,
                since: $since,
                opt_in: false $(|| $opt_in)?,
                basis: $basis,
                docs: concat!($($doc, "\n"),+),
            };
        }

        impl $crate::checks::RuleInfo for $name {
            fn meta(&self) -> &'static $crate::checks::RuleMeta {
                &Self::META
            }
        }
    };
}
pub(crate) use declare_rule;

/// What a rule may read, and the one way it reports.
pub struct Checker<'a> {
    pub document: &'a Document,
    pub context: &'a Context,
    /// Shared per-document views (segments, protected ranges …), computed once.
    pub views: &'a Views<'a>,
    meta: &'static RuleMeta,
    findings: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(views: &'a Views<'a>, meta: &'static RuleMeta) -> Self {
        Self {
            document: views.document,
            context: views.context,
            views,
            meta,
            findings: Vec::new(),
        }
    }

    /// The text being checked (the file's text, or a part of it, at the same offsets).
    pub fn text(&self) -> &'a str {
        self.views.text
    }

    /// The dated events and terms the document is checked against.
    pub fn knowledge(&self) -> &'a Knowledge {
        &self.context.knowledge
    }

    /// Reports a finding at `span`; refine it with the returned builder.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> Report<'_> {
        self.findings
            .push(self.meta.diagnostic(span, message.into()));
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
