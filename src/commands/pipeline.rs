//! Ordered parallel work with a bounded buffer: items are worked on by the rayon pool in
//! order of their index, and each result is handed to the caller's thread in that same
//! order as soon as it and every result before it are done. At most `window` results
//! wait at any time, so memory does not grow with the number of items (a run over a
//! million files keeps a window of reports, not a million).

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// What the workers and the caller share.
struct State<R> {
    /// The next index to hand to a worker; `len` when there is no more work (or the
    /// run is stopping).
    next: usize,
    /// How many results the caller has taken.
    taken: usize,
    /// Finished results not yet taken, by index; a panic's payload when the work panicked.
    done: BTreeMap<usize, std::thread::Result<R>>,
}

struct Shared<R> {
    state: Mutex<State<R>>,
    /// Signalled when a result is done.
    finished: Condvar,
    /// Signalled when the caller took a result (room in the window) or the run stops.
    room: Condvar,
}

impl<R> Shared<R> {
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Calls `work(i)` for every `i` in `0..len` on the rayon pool and `take(i, result)` on
/// this thread for each in increasing `i`, with at most `window` results (at least one)
/// done but not yet taken. A panic in `work` or `take` stops the handing out of work and
/// is resumed here once the workers have stopped.
pub(super) fn ordered<R: Send>(
    len: usize,
    window: usize,
    work: impl Fn(usize) -> R + Sync,
    mut take: impl FnMut(usize, R),
) {
    let window = window.max(1);
    let shared = Shared {
        state: Mutex::new(State {
            next: 0,
            taken: 0,
            done: BTreeMap::new(),
        }),
        finished: Condvar::new(),
        room: Condvar::new(),
    };
    let workers = rayon::current_num_threads().clamp(1, len.max(1));
    rayon::in_place_scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|_| worker(&shared, len, window, &work));
        }
        // Whatever happens here, the workers must not wait for room forever.
        let _stop = Stop(&shared, len);
        for i in 0..len {
            let result = {
                let mut state = shared.lock();
                let result = loop {
                    if let Some(result) = state.done.remove(&i) {
                        break result;
                    }
                    state = shared
                        .finished
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                };
                state.taken = i + 1;
                result
            };
            shared.room.notify_all();
            match result {
                Ok(result) => take(i, result),
                Err(payload) => panic::resume_unwind(payload),
            }
        }
    });
}

fn worker<R>(shared: &Shared<R>, len: usize, window: usize, work: &(impl Fn(usize) -> R + Sync)) {
    loop {
        let i = {
            let mut state = shared.lock();
            while state.next < len && state.next >= state.taken + window {
                state = shared
                    .room
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if state.next >= len {
                return;
            }
            state.next += 1;
            state.next - 1
        };
        let result = panic::catch_unwind(AssertUnwindSafe(|| work(i)));
        let stop = result.is_err();
        {
            let mut state = shared.lock();
            state.done.insert(i, result);
            if stop {
                state.next = len;
            }
        }
        shared.finished.notify_all();
        if stop {
            shared.room.notify_all();
        }
    }
}

/// On drop (the caller finished or is unwinding): no more work is handed out, and the
/// workers waiting for room are woken to see it.
struct Stop<'a, R>(&'a Shared<R>, usize);

impl<R> Drop for Stop<'_, R> {
    fn drop(&mut self) {
        self.0.lock().next = self.1;
        self.0.room.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_with_at_most_a_window_waiting() {
        let waiting = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut seen = Vec::new();
        ordered(
            500,
            8,
            |i| {
                // Later items often finish first.
                std::thread::sleep(std::time::Duration::from_micros(
                    ((i * 7919) % 13) as u64 * 50,
                ));
                let now = waiting.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                i * 2
            },
            |i, r| {
                waiting.fetch_sub(1, Ordering::SeqCst);
                assert_eq!(r, i * 2);
                seen.push(i);
            },
        );
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
        // The window, plus the one the caller is holding.
        assert!(most.load(Ordering::SeqCst) <= 9, "{most:?}");
    }

    #[test]
    fn nothing_to_do() {
        let mut calls = 0;
        ordered(0, 4, |i| i, |_, _| calls += 1);
        assert_eq!(calls, 0);
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_without_hanging() {
        let caught = panic::catch_unwind(AssertUnwindSafe(|| {
            ordered(100, 2, |i| assert!(i != 50, "boom at {i}"), |_, ()| {});
        }));
        assert!(caught.is_err());
    }

    #[test]
    fn a_panic_in_the_caller_stops_the_workers() {
        let started = AtomicUsize::new(0);
        let caught = panic::catch_unwind(AssertUnwindSafe(|| {
            ordered(
                1000,
                4,
                |_| {
                    started.fetch_add(1, Ordering::SeqCst);
                },
                |i, ()| assert!(i != 3, "stop"),
            );
        }));
        assert!(caught.is_err());
        assert!(started.load(Ordering::SeqCst) < 1000);
    }
}
