//! Family `gwlint` (G): gwlint's own findings about the suppression comments in a
//! document. They are produced by `suppression.rs` after every rule has run, so their
//! `check` does nothing; they are registered so that they can be listed, documented,
//! selected and ignored like any rule.

include!(concat!(env!("OUT_DIR"), "/checks_gwlint.rs"));
