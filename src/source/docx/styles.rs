//! `styles.xml`: what each paragraph style says about numbering.

use std::collections::HashMap;

use super::walk::{Step, Walk};
use super::{attr, attr_num, XmlError};

/// What a paragraph style says about numbering.
#[derive(Debug, Default)]
pub(super) struct StyleNumbering {
    pub(super) based_on: Option<String>,
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<u8>,
}

pub(super) fn parse_styles(xml: &str) -> Result<HashMap<String, StyleNumbering>, XmlError> {
    let mut styles = HashMap::new();
    let mut walk = Walk::new(xml);
    let mut current: Option<(String, StyleNumbering)> = None;
    while let Some(step) = walk.next(|_| false)? {
        let (e, empty) = match step {
            Step::Open { element, empty } => (element, empty),
            Step::Close(e) => {
                if e.local_name().as_ref() == b"style" {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                continue;
            }
            Step::Other(_) => continue,
        };
        match e.local_name().as_ref() {
            b"style" if !empty => {
                current = attr(&e, b"styleId").map(|id| (id, StyleNumbering::default()));
            }
            b"basedOn" => {
                if let Some((_, s)) = &mut current {
                    s.based_on = attr(&e, b"val");
                }
            }
            b"numId" => {
                if let Some((_, s)) = &mut current {
                    s.num_id = attr_num(&e, b"val");
                }
            }
            b"ilvl" => {
                if let Some((_, s)) = &mut current {
                    s.ilvl = attr_num(&e, b"val");
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}
