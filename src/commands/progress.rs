//! A one-line progress counter on stderr for long runs, drawn only when stderr is a
//! terminal (never in CI logs or editor tasks) and cleared when the run ends.

use std::io::{IsTerminal as _, Write as _};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Below this many files a run is short enough not to need progress.
const MIN_FILES: usize = 50;
const REDRAW_EVERY: Duration = Duration::from_millis(100);

pub(super) struct Progress {
    total: usize,
    done: AtomicUsize,
    /// Whether the line is on the screen now.
    shown: AtomicBool,
    /// When the line was last drawn; `None` when progress is off.
    drawn: Option<Mutex<Instant>>,
}

impl Progress {
    pub(super) fn new(total: usize, quiet: bool) -> Self {
        let on = !quiet && total >= MIN_FILES && std::io::stderr().is_terminal();
        Self {
            total,
            done: AtomicUsize::new(0),
            shown: AtomicBool::new(false),
            drawn: on.then(|| Mutex::new(Instant::now())),
        }
    }

    /// One more file done; redraws at most every `REDRAW_EVERY`.
    pub(super) fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Some(drawn) = &self.drawn else { return };
        let Ok(mut last) = drawn.try_lock() else {
            return;
        };
        if last.elapsed() < REDRAW_EVERY && done < self.total {
            return;
        }
        *last = Instant::now();
        let width = 30;
        let filled = width * done / self.total.max(1);
        let bar: String = "█".repeat(filled) + &"░".repeat(width - filled);
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[2Kgwlint {bar} {done}/{} 个文件",
            self.total
        );
        self.shown.store(true, Ordering::Relaxed);
    }

    /// Runs `write` (output of a finished file) with the line cleared and not redrawn
    /// meanwhile, so that findings written to the same terminal are not mixed into it;
    /// the next tick draws it again.
    pub(super) fn hidden<T>(&self, write: impl FnOnce() -> T) -> T {
        let Some(drawn) = &self.drawn else {
            return write();
        };
        let _drawing = drawn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.shown.swap(false, Ordering::Relaxed) {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
        write()
    }

    /// Clears the line.
    pub(super) fn finish(&self) {
        if self.drawn.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
