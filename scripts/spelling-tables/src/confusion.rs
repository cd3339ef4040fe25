//! gwlint's table of wrong-character candidates (`src/spelling/confusion_table.rs`).
//!
//! For every character of GB 2312 (the 6,763 hanzi an IME offers first), the characters of
//! pycorrector's `common_char_set.txt` (3,500 common characters) that
//!
//! - sound the same, tone included (any reading of one equals any reading of the other);
//! - sound the same with another tone;
//! - sound alike under the fuzzy-pinyin settings of common IMEs: z/zh, c/ch, s/sh, l/n, f/h
//!   initials and -n/-ng finals (an/ang, en/eng, in/ing, ian/iang, uan/uang), u/ü after
//!   l and n (奴/女, 路/旅), any tone;
//! - look alike: share a group of pycorrector's `same_stroke.txt`.
//!
//! Readings come from the `pinyin` crate (mozillazg/pinyin-data, MIT): the first two
//! readings of each character.
use pinyin::ToPinyinMulti;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One reading: the syllable without tone and the tone (5 = neutral).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Reading {
    syllable: String,
    tone: u8,
}

/// pinyin-data lists a character's usual reading first and keeps rare and archaic ones
/// (叹 yòu, 于 xū) further on; an IME offers a character under its usual readings, so only
/// the first two count (的 de/dī and 地 dì/de still meet at de).
const COMMON_READINGS: usize = 2;

fn readings(c: char) -> Vec<Reading> {
    let Some(multi) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut out: Vec<Reading> = multi
        .into_iter()
        .take(COMMON_READINGS)
        .map(|p| {
            let s = p.with_tone_num_end();
            let (syllable, tone) = match s.chars().last() {
                Some(d @ '1'..='4') => (&s[..s.len() - 1], d as u8 - b'0'),
                _ => (s, 5),
            };
            Reading {
                syllable: syllable.replace('ü', "v"),
                tone,
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The syllable with the distinctions fuzzy-pinyin IMEs let users drop merged.
fn fuzzy(syllable: &str) -> String {
    let (initial, rest) = if let Some(rest) = syllable.strip_prefix("zh") {
        ("z", rest)
    } else if let Some(rest) = syllable.strip_prefix("ch") {
        ("c", rest)
    } else if let Some(rest) = syllable.strip_prefix("sh") {
        ("s", rest)
    } else if let Some(rest) = syllable.strip_prefix('n') {
        // "ng" is never an initial in Mandarin pinyin except the interjection 嗯 (ng).
        if rest.is_empty() || rest == "g" {
            ("", syllable)
        } else {
            ("l", rest)
        }
    } else if let Some(rest) = syllable.strip_prefix('h') {
        ("f", rest)
    } else {
        ("", syllable)
    };
    let final_ = if rest.ends_with("ng") && !rest.ends_with("ong") {
        &rest[..rest.len() - 1]
    } else {
        rest
    };
    // After l/n, ü is typed v and often typed u (nu for 女, lu for 旅): IMEs and learners
    // confuse the two finals there.
    let merged = format!("{initial}{final_}");
    match merged.strip_prefix("lv") {
        Some(rest) => format!("lu{rest}"),
        None => merged,
    }
}

fn gb2312_hanzi() -> Vec<char> {
    let mut out = Vec::new();
    for row in 0xB0u8..=0xF7 {
        for cell in 0xA1u8..=0xFE {
            let bytes = [row, cell];
            let (text, _, had_errors) = encoding_rs::GBK.decode(&bytes);
            if had_errors {
                continue;
            }
            if let Some(c) = text.chars().next() {
                if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The generated Rust source, from pycorrector's data folder.
pub fn generate(dir: &str) -> String {
    let read = |name: &str| {
        std::fs::read_to_string(format!("{dir}/{name}"))
            .unwrap_or_else(|e| panic!("{dir}/{name}: {e}"))
    };
    let common: BTreeSet<char> = read("common_char_set.txt")
        .lines()
        .filter_map(|l| l.trim().chars().next())
        .collect();
    let mut keys: BTreeSet<char> = gb2312_hanzi().into_iter().collect();
    keys.extend(common.iter().copied());

    // Readings of the common characters, indexed by syllable and by fuzzy syllable.
    let mut by_syllable: BTreeMap<String, Vec<(char, u8)>> = BTreeMap::new();
    let mut by_fuzzy: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for &c in &common {
        for r in readings(c) {
            by_fuzzy.entry(fuzzy(&r.syllable)).or_default().insert(c);
            by_syllable.entry(r.syllable).or_default().push((c, r.tone));
        }
    }

    let mut shape: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
    for line in read("same_stroke.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let group: Vec<char> = line
            .split('\t')
            .filter_map(|f| f.trim().chars().next())
            .collect();
        for &a in &group {
            for &b in &group {
                if a != b && common.contains(&b) {
                    shape.entry(a).or_default().insert(b);
                }
            }
        }
    }

    let mut out = String::new();
    out.push_str(
        "//! Generated by scripts/confusion-table.sh from the pinyin crate 0.11 (pinyin-data, MIT)\n\
         //! and pycorrector 1.1.4's data/same_stroke.txt and data/common_char_set.txt\n\
         //! (Apache-2.0); see docs/KNOWLEDGE.md. Do not edit by hand.\n\
         //!\n\
         //! (character, same sound and tone, same sound other tone, IME-confusable sound,\n\
         //! similar shape); candidates are common characters, sorted by code point.\n\n\
         #[rustfmt::skip]\n\
         pub(super) static CONFUSIONS: &[(char, &str, &str, &str, &str)] = &[\n",
    );
    let mut rows = 0;
    for &c in &keys {
        let own = readings(c);
        let mut same = BTreeSet::new();
        let mut tone = BTreeSet::new();
        let mut near = BTreeSet::new();
        for r in &own {
            for &(x, t) in by_syllable.get(&r.syllable).into_iter().flatten() {
                if t == r.tone {
                    same.insert(x);
                } else {
                    tone.insert(x);
                }
            }
            near.extend(by_fuzzy.get(&fuzzy(&r.syllable)).into_iter().flatten());
        }
        same.remove(&c);
        let tone: BTreeSet<char> = tone.difference(&same).copied().filter(|&x| x != c).collect();
        let near: BTreeSet<char> = near
            .into_iter()
            .filter(|x| *x != c && !same.contains(x) && !tone.contains(x))
            .collect();
        let looks: BTreeSet<char> = shape.get(&c).cloned().unwrap_or_default();
        if same.is_empty() && tone.is_empty() && near.is_empty() && looks.is_empty() {
            continue;
        }
        let s = |set: &BTreeSet<char>| set.iter().collect::<String>();
        let _ = writeln!(
            out,
            "('{c}',\"{}\",\"{}\",\"{}\",\"{}\"),",
            s(&same),
            s(&tone),
            s(&near),
            s(&looks)
        );
        rows += 1;
    }
    out.push_str("];\n");
    eprintln!("confusion table: {rows} characters");
    out
}
