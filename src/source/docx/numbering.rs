//! `numbering.xml`: list definitions (`w:abstractNum`), their instances (`w:num`) and
//! each level's start, format, text and restart.

use std::collections::HashMap;

use super::walk::{Step, Walk};
use super::{attr, attr_num, XmlError};

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    pub(super) start: Option<u32>,
    pub(super) format: String,
    /// `w:format` of a `custom` number format (Word 2010+), e.g. "001, 002, 003, ...".
    pub(super) custom: Option<String>,
    pub(super) text: Option<String>,
    pub(super) restart: Option<u32>,
    pub(super) legal: bool,
    pub(super) style: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct AbstractNum {
    pub(super) levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the definition lives with the numbering style of that id.
    pub(super) style_link: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct Num {
    pub(super) abstract_id: u32,
    pub(super) start_overrides: HashMap<u8, u32>,
    pub(super) levels: HashMap<u8, Level>,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstracts: HashMap<u32, AbstractNum>,
    pub(super) nums: HashMap<u32, Num>,
}

pub(super) fn parse_numbering(xml: &str) -> Result<Numbering, XmlError> {
    enum Owner {
        None,
        Abstract(u32, AbstractNum),
        Num(u32, Num),
    }
    let mut numbering = Numbering::default();
    let mut walk = Walk::new(xml);
    let mut owner = Owner::None;
    let mut override_level: Option<u8> = None;
    let mut level: Option<(u8, Level)> = None;
    // Word puts a plain numFmt in an mc:Fallback for old readers: left out.
    while let Some(step) = walk.next(|e| e.local_name().as_ref() == b"Fallback")? {
        let (e, empty) = match step {
            Step::Open { element, empty } => (element, empty),
            Step::Close(e) => {
                match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            match &mut owner {
                                Owner::Abstract(_, a) => {
                                    a.levels.insert(ilvl, l);
                                }
                                Owner::Num(_, n) => {
                                    n.levels.insert(ilvl, l);
                                }
                                Owner::None => {}
                            }
                        }
                    }
                    b"lvlOverride" => override_level = None,
                    b"abstractNum" | b"num" => match std::mem::replace(&mut owner, Owner::None) {
                        Owner::Abstract(id, a) => {
                            numbering.abstracts.insert(id, a);
                        }
                        Owner::Num(id, n) => {
                            numbering.nums.insert(id, n);
                        }
                        Owner::None => {}
                    },
                    _ => {}
                }
                continue;
            }
            Step::Other(_) => continue,
        };
        let e = &e;
        let val = || attr(e, b"val");
        match e.local_name().as_ref() {
            b"abstractNum" if !empty => {
                owner = Owner::Abstract(
                    attr_num(e, b"abstractNumId").unwrap_or(u32::MAX),
                    AbstractNum::default(),
                );
            }
            b"num" if !empty => {
                owner = Owner::Num(attr_num(e, b"numId").unwrap_or(u32::MAX), Num::default());
            }
            b"abstractNumId" => {
                if let Owner::Num(_, n) = &mut owner {
                    n.abstract_id = attr_num(e, b"val").unwrap_or(u32::MAX);
                }
            }
            b"numStyleLink" => {
                if let Owner::Abstract(_, a) = &mut owner {
                    a.style_link = val();
                }
            }
            b"lvlOverride" => override_level = attr_num(e, b"ilvl"),
            b"startOverride" => {
                if let (Owner::Num(_, n), Some(ilvl), Some(start)) =
                    (&mut owner, override_level, attr_num(e, b"val"))
                {
                    n.start_overrides.insert(ilvl, start);
                }
            }
            b"lvl" if !empty => {
                let ilvl = attr_num(e, b"ilvl").or(override_level).unwrap_or(0);
                level = Some((ilvl, Level::default()));
            }
            name => {
                if let Some((_, l)) = &mut level {
                    match name {
                        b"start" => l.start = attr_num(e, b"val"),
                        b"numFmt" => {
                            l.format = val().unwrap_or_default();
                            l.custom = attr(e, b"format");
                        }
                        b"lvlText" => l.text = val(),
                        b"lvlRestart" => l.restart = attr_num(e, b"val"),
                        b"isLgl" => l.legal = val().is_none_or(|v| is_true(&v)),
                        b"pStyle" => l.style = val(),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(numbering)
}

fn is_true(value: &str) -> bool {
    !matches!(value, "0" | "false" | "off")
}
