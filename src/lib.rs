//! gwlint: a linter for Chinese official documents (公文).
