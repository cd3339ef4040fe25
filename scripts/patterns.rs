//! Prints the fixed strings of gwlint's knowledge automaton, one per line, for
//! `rg -F -f` in `scripts/bench.sh` (the floor: one pass over the text with the same
//! number of fixed patterns). `cargo run --release -p gwlint-tools --bin patterns > patterns.txt`
fn main() {
    let k = gwlint::knowledge::Knowledge::embedded();
    let mut out = String::new();
    for p in k.automaton_patterns() {
        out.push_str(p);
        out.push('\n');
    }
    print!("{out}");
}
