//! Generates L101's data. Usage (scripts/spelling-tables.sh runs it):
//!
//!   spelling-tables PYCORRECTOR_DATA PINYIN2HANZI_DATA JIEBA_DICT CORPUS CONFUSION_RS BIGRAMS_BIN
mod bigrams;
mod confusion;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pycorrector, pinyin2hanzi, jieba, corpus, confusion_rs, bigrams_bin] = args.as_slice() else {
        eprintln!("usage: spelling-tables PYCORRECTOR_DATA PINYIN2HANZI_DATA JIEBA_DICT CORPUS CONFUSION_RS BIGRAMS_BIN");
        std::process::exit(2);
    };
    std::fs::write(confusion_rs, confusion::generate(pycorrector)).expect("write confusion table");
    std::fs::write(bigrams_bin, bigrams::generate(pinyin2hanzi, jieba, corpus)).expect("write bigrams");
}
