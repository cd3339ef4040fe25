//! Family `typography` (T): punctuation, spaces, digits and quotation marks per
//! GB/T 15834-2011 and GB/T 15835-2011.

use crate::checks::Rule;

/// The rules of this family, sorted by code.
pub(crate) static RULES: &[&dyn Rule] = &[];
