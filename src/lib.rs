//! gwlint: a linter for Chinese official documents (公文).
pub mod knowledge;
