//! A panic while checking one file is a bug in gwlint, but it must not take the other
//! files down: `guard` runs the work for one file and turns a panic into one line, and
//! the run goes on (exit status 2).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside `guard` (then the hook keeps quiet).
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic caught on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that records a guarded panic instead of printing it;
/// any other panic is printed as Rust does.
pub(super) fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                return default(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let line = format!("{message} @ {place}").replace(['\n', '\r'], " ");
            CAUGHT.with(|c| *c.borrow_mut() = Some(line));
        }));
    });
}

/// Runs `work`; a panic in it becomes `Err` with its message and place.
pub(super) fn guard<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let outer = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(outer));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "未知的内部错误".to_string())
    })
}

/// Debug builds only: panics when checking a file named by `GWLINT_INJECT_PANIC`, so
/// that the tests can see a panic isolated (tests/it/hostile.rs).
pub(super) fn inject_panic(path: &std::path::Path) {
    if cfg!(debug_assertions) {
        if let Some(name) = std::env::var_os("GWLINT_INJECT_PANIC") {
            if path.file_name() == Some(name.as_os_str()) {
                panic!("injected by GWLINT_INJECT_PANIC");
            }
        }
    }
}

/// Debug builds only: checking the file named by `GWLINT_INJECT_WAIT` (`NAME:RELEASE`)
/// waits until the file `RELEASE` exists (at most a minute), so that a test can see the
/// findings of the files before it written while it is still being checked
/// (tests/it/hostile_streaming.rs).
pub(super) fn inject_wait(path: &std::path::Path) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(spec) = std::env::var_os("GWLINT_INJECT_WAIT") else {
        return;
    };
    let spec = spec.to_string_lossy();
    let Some((name, release)) = spec.split_once(':') else {
        return;
    };
    if path.file_name() != Some(std::ffi::OsStr::new(name)) {
        return;
    }
    let started = std::time::Instant::now();
    while !std::path::Path::new(release).exists()
        && started.elapsed() < std::time::Duration::from_secs(60)
    {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
