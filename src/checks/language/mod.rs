//! Family `language` (L, 语言文字): wrong characters, duplicated words, broken set
//! phrases, 的/地/得 and contradictory number words, read through the word layer
//! (`crate::words`, shared through `cx.views.words`). L101 is the wrong-character rule.

include!(concat!(env!("OUT_DIR"), "/checks_language.rs"));

mod misused_de_gate;
pub(crate) mod vocabulary;
