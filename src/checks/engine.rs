//! Runs the enabled rules of one part over its views. A small document (nearly every
//! file) is checked by one thread, rule after rule: files are already checked in
//! parallel. A large one — a single 20 MB file keeps one core busy for a second —
//! has its rules shared out among the threads of the run, each taking the next rule not
//! yet taken; every rule's findings keep their rule's place, so the output is the same
//! as one thread's.
//!
//! Scoped threads rather than the rayon pool: the pool's threads are busy checking files
//! (`commands::pipeline`), and a rayon join inside one of them could steal another
//! file's work and hold this file's result behind it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::{Checker, Rule, Views};
use crate::diagnostic::{Diagnostic, Family};

/// Parts at least this long have their rules run on several threads: below it, the
/// threads cost more than they save (a report is about 30 KB).
pub const PARALLEL_FROM: usize = 1 << 20;

/// How many threads check the rules of a part of `len` bytes: the run's threads
/// (`RAYON_NUM_THREADS` or the cores) for a large part, else one.
pub fn threads_for(len: usize) -> usize {
    if len >= PARALLEL_FROM {
        rayon::current_num_threads().max(1)
    } else {
        1
    }
}

/// Each rule's findings on `views`, in the order of `rules`, checked by `threads`
/// threads (this one included).
pub fn run(views: &Views<'_>, rules: &[&'static dyn Rule], threads: usize) -> Vec<Vec<Diagnostic>> {
    let threads = threads.clamp(1, rules.len().max(1));
    if threads == 1 {
        return rules.iter().map(|rule| check(views, *rule)).collect();
    }
    // The word-layer rules cost the most: taken first, they do not end the run alone.
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by_key(|&i| rules[i].meta().family != Family::Language);
    let next = AtomicUsize::new(0);
    let slots: Vec<OnceLock<Vec<Diagnostic>>> = rules.iter().map(|_| OnceLock::new()).collect();
    let work = || loop {
        let taken = next.fetch_add(1, Ordering::Relaxed);
        let Some(&i) = order.get(taken) else { break };
        // Each index is taken once, so each slot is set once.
        let _ = slots[i].set(check(views, rules[i]));
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    slots
        .into_iter()
        .map(|slot| slot.into_inner().unwrap_or_default())
        .collect()
}

/// One rule's findings, when it has anything to look at.
fn check(views: &Views<'_>, rule: &'static dyn Rule) -> Vec<Diagnostic> {
    let mut checker = Checker::new(views, rule.meta());
    if !rule.should_run(&checker) {
        return Vec::new();
    }
    rule.check(&mut checker);
    checker.into_findings()
}
