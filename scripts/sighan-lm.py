#!/usr/bin/env python3
"""How far a word-trigram language model takes list-free spelling detection.

A measurement, not part of gwlint: it answers whether a contextual scorer built from the
largest Chinese language model a package registry ships would let gwlint reach issue 10's
SIGHAN-2015 goal (sentence-level detection precision >= 0.85 with recall >= 0.35) while
staying silent on clean official text. `scripts/sighan-lm.sh` sets it up and runs it.

The model is libime's zh_CN.lm (Debian package libime-data-language-model, LGPL-2.1+): a
KenLM trigram over 164,887 words, 1.98 M bigrams and 634 k trigrams, read with the kenlm
PyPI package. Candidates are pycorrector's same_pinyin.txt and same_stroke.txt within its
3,500 common characters (Apache-2.0), the confusion sets gwlint's L101 also draws on.

The detector is the classic one of the SIGHAN bake-off systems: in each clause, try every
candidate of every character; score a window of 6 characters either side, segmented into
the model's words by unigram probability, with and without the change; keep the best
change when it raises the log10 probability by more than a threshold, and repeat (up to
three changes a clause). "Non-word" changes (the written character stands alone in the
segmentation, the candidate joins a word of two or more characters) and "real-word" ones
(everything else) get their own thresholds.

Scoring follows scripts/sighan.rs: a sentence counts as detected when the set of flagged
positions equals the set of wrong ones; precision over sentences with a flag, recall over
sentences with an error; character-level precision and recall. The first half of the file
is the tuning half, the second is held out. With --rules, gwlint's own findings (L101,
L104, L106 by default, each sentence linted as its own document, as sighan.rs does) are
added to the model's, to see what the two together reach.

With --corpus DIR (repeatable) it also runs the detector at --corpus-threshold over every
line of DIR's .txt files and prints each finding and the rate per 10,000 characters: the
false-alarm bar of issue 10 is at most 0.1 on the national publications.
"""

import argparse
import functools
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import kenlm

CLAUSE = re.compile(r"[^，。！？；：、,.!?;:\s“”\"「」『』（）()《》]+")
WINDOW = 6
UNKNOWN_CHAR = -8.0  # log10 probability of a character the model's vocabulary lacks


class Detector:
    def __init__(self, lm_path, pycorrector_data):
        self.model = kenlm.Model(lm_path)
        self.unigram = {w: self.model.score(w, bos=False, eos=False) for w in vocabulary(lm_path)}
        self.longest = max(len(w) for w in self.unigram)
        self.candidates = confusion_sets(pycorrector_data)
        self.segment = functools.lru_cache(maxsize=500_000)(self._segment)
        self.score = functools.lru_cache(maxsize=500_000)(self._score)

    def _segment(self, text):
        """Most probable segmentation under the model's unigrams."""
        n = len(text)
        best = [0.0] + [float("-inf")] * n
        back = [0] * (n + 1)
        for end in range(1, n + 1):
            for start in range(max(0, end - self.longest), end):
                p = self.unigram.get(text[start:end])
                if p is None:
                    if end - start > 1:
                        continue
                    p = UNKNOWN_CHAR
                if best[start] + p > best[end]:
                    best[end], back[end] = best[start] + p, start
        words, end = [], n
        while end > 0:
            words.append(text[back[end]:end])
            end = back[end]
        return tuple(reversed(words))

    def _score(self, text):
        return self.model.score(" ".join(self.segment(text)), bos=True, eos=True)

    def word_at(self, text, index):
        start = 0
        for word in self.segment(text):
            if start <= index < start + len(word):
                return word
            start += len(word)
        return ""

    def suspects(self, sentence, non_word, real_word):
        """Position → (candidate, gain) for the changes the model prefers."""
        found = {}
        for clause_match in CLAUSE.finditer(sentence):
            clause, base = clause_match.group(), clause_match.start()
            for _ in range(3):
                best = None  # (margin over threshold, index, candidate, gain)
                for i, written in enumerate(clause):
                    if base + i in found or written not in self.candidates:
                        continue
                    lo, hi = max(0, i - WINDOW), min(len(clause), i + WINDOW + 1)
                    window, at = clause[lo:hi], i - lo
                    before = self.score(window)
                    alone = len(self.word_at(window, at)) == 1
                    for candidate in self.candidates[written]:
                        changed = window[:at] + candidate + window[at + 1:]
                        gain = self.score(changed) - before
                        joins = len(self.word_at(changed, at)) >= 2
                        threshold = non_word if alone and joins else real_word
                        if gain > threshold and (best is None or gain - threshold > best[0]):
                            best = (gain - threshold, i, candidate, gain)
                if best is None:
                    break
                _, i, candidate, gain = best
                found[base + i] = (candidate, gain)
                clause = clause[:i] + candidate + clause[i + 1:]
        return found


def vocabulary(lm_path):
    """The words of a KenLM binary: NUL-separated after the first "<unk>"."""
    data = open(lm_path, "rb").read()
    start = data.find(b"<unk>\x00")
    if start < 0:
        sys.exit(f"{lm_path}: no vocabulary found (not a KenLM binary with its words)")
    words = data[start:].split(b"\x00")
    return [w.decode("utf-8", "replace") for w in words if w and not w.startswith(b"<")]


def confusion_sets(data_dir):
    common = set(open(os.path.join(data_dir, "common_char_set.txt"), encoding="utf-8").read().split())
    sets = {}

    def pair(a, b):
        if a != b and a in common and b in common:
            sets.setdefault(a, set()).add(b)
            sets.setdefault(b, set()).add(a)

    for line in open(os.path.join(data_dir, "same_pinyin.txt"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        for column in columns[1:]:
            for other in column:
                pair(columns[0], other)
    for line in open(os.path.join(data_dir, "same_stroke.txt"), encoding="utf-8"):
        chars = line.split()
        for a in chars:
            for b in chars:
                pair(a, b)
    return {c: sorted(s) for c, s in sets.items()}


def gwlint_findings(binary, rules, pairs):
    """Sentence index → {position: character} from gwlint's fixes, one document a sentence."""
    found = {}
    with tempfile.TemporaryDirectory() as folder:
        for index, (source, _) in enumerate(pairs):
            with open(os.path.join(folder, f"{index:05}.txt"), "w", encoding="utf-8") as f:
                f.write("关于学习情况的报告\n\n" + source + "\n")
        out = subprocess.run(
            [binary, "check", "--select", rules, "--format", "json", folder],
            capture_output=True, text=True,
        ).stdout
    for finding in json.loads(out):
        fix = finding.get("fix")
        if not fix or finding["line"] != 3:
            continue
        index = int(os.path.basename(finding["path"])[:5])
        source = pairs[index][0]
        first = fix["column"] - 1
        for k, char in enumerate(fix["replacement"]):
            if first + k < len(source) and source[first + k] != char:
                found.setdefault(index, {})[first + k] = char
    return found


def evaluate(pairs, predictions):
    flagged = detected = with_error = char_flagged = char_right = char_gold = 0
    for (source, target), predicted in zip(pairs, predictions):
        gold = None
        if len(source) == len(target):
            gold = {i for i, (a, b) in enumerate(zip(source, target)) if a != b}
        if source != target:
            with_error += 1
        if gold is not None:
            char_gold += len(gold)
            char_flagged += len(predicted)
            char_right += len(set(predicted) & gold)
        if predicted:
            flagged += 1
            if gold and set(predicted) == gold:
                detected += 1

    def ratio(a, b):
        return a / b if b else 0.0

    return (ratio(detected, flagged), ratio(detected, with_error),
            ratio(char_right, char_flagged), ratio(char_right, char_gold), flagged)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lm", required=True)
    parser.add_argument("--pycorrector-data", required=True)
    parser.add_argument("--gwlint", help="gwlint binary: add its findings (see --rules)")
    parser.add_argument("--rules", default="L101,L104,L106")
    parser.add_argument("--thresholds", default="3,99 4,99 5,99 6,99 4,6 5,8",
                        help="space-separated NON_WORD,REAL_WORD log10 gains")
    parser.add_argument("--corpus", action="append", default=[])
    parser.add_argument("--corpus-threshold", default="5,99")
    args = parser.parse_args()

    detector = Detector(args.lm, args.pycorrector_data)
    tsv = os.path.join(args.pycorrector_data, "sighan2015_test.tsv")
    pairs = [line.rstrip("\n").split("\t") for line in open(tsv, encoding="utf-8")]
    halves = {"tuning": pairs[: len(pairs) // 2], "held out": pairs[len(pairs) // 2:]}
    rules = gwlint_findings(args.gwlint, args.rules, pairs) if args.gwlint else None
    offset = {"tuning": 0, "held out": len(pairs) // 2}

    def row(label, half, predictions):
        p, r, cp, cr, flagged = evaluate(halves[half], predictions)
        print(f"| {label} | {half} | {p:.3f} | {r:.3f} | {cp:.3f} | {cr:.3f} | {flagged} |")

    print("| detector | half | sentence P | sentence R | char P | char R | sentences flagged |")
    print("|---|---|---|---|---|---|---|")
    if rules is not None:
        for half in halves:
            row(f"gwlint {args.rules}", half,
                [rules.get(offset[half] + i, {}) for i in range(len(halves[half]))])
    for spec in args.thresholds.split():
        non_word, real_word = map(float, spec.split(","))
        for half, data in halves.items():
            started = time.time()
            lm = [detector.suspects(source, non_word, real_word) for source, _ in data]
            row(f"LM {spec}", half, lm)
            if rules is not None:
                union = []
                for i, found in enumerate(lm):
                    merged = dict(rules.get(offset[half] + i, {}))
                    for position, (char, _) in found.items():
                        merged.setdefault(position, char)
                    union.append(merged)
                row(f"gwlint + LM {spec}", half, union)
            print(f"<!-- {len(data) / (time.time() - started):.0f} sentences/s -->", file=sys.stderr)

    non_word, real_word = map(float, args.corpus_threshold.split(","))
    for folder in args.corpus:
        chars = findings = 0
        for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            for line in open(path, encoding="utf-8", errors="replace"):
                line = line.strip()
                chars += len(line)
                for i, (char, gain) in sorted(detector.suspects(line, non_word, real_word).items()):
                    findings += 1
                    print(f"{os.path.basename(path)}: {line[max(0, i - 8):i]}[{line[i]}→{char}]"
                          f"{line[i + 1:i + 9]} (+{gain:.1f})")
        rate = findings / chars * 1e4 if chars else 0.0
        print(f"== {folder}: {chars} characters, {findings} findings at {args.corpus_threshold}: "
              f"{rate:.2f} per 10,000 characters")


if __name__ == "__main__":
    main()
