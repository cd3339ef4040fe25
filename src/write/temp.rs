//! gwlint's temporary files: named `.gwlint-<pid>-XXXXXX.tmp` beside the file they will
//! replace, removed when the run is stopped by a signal, and — when a run was killed
//! outright (SIGKILL, a power cut) — removed by the next run that writes in that folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// The temporary files this process has open, by path.
static OPEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// The folders already cleaned of stale temporary files in this run.
static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// A temporary file in `dir`, registered so that a signal removes it.
pub(super) fn create_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    install_signal_handler();
    remove_stale_in(dir);
    // The list stays locked from before the file exists until it is registered: a signal
    // arriving in between waits for the lock, then removes this file too.
    let mut open = lock(&OPEN);
    let temp = tempfile::Builder::new()
        .prefix(&format!(".gwlint-{}-", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    open.push(temp.path().to_path_buf());
    Ok(temp)
}

/// The temporary file is gone (renamed into place, or dropped): no longer registered.
pub(super) fn forget(path: &Path) {
    lock(&OPEN).retain(|p| p != path);
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// On SIGINT, SIGTERM or SIGHUP: remove the open temporary files, then exit as the
/// signal would (128 + its number).
fn install_signal_handler() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                for path in lock(&OPEN).drain(..) {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
    });
}

/// Removes, once per folder and run, temporary files of gwlint's naming left by a
/// process that no longer runs.
fn remove_stale_in(dir: &Path) {
    {
        let mut cleaned = lock(&CLEANED);
        if !cleaned
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(owner_pid) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid != std::process::id() && !is_running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a name `.gwlint-<pid>-XXXXXX.tmp`, if it is one.
fn owner_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(".gwlint-")?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    let random_ok = random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric());
    let pid_ok = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    (random_ok && pid_ok).then(|| pid.parse().ok()).flatten()
}

/// Whether a process with this id exists; where `/proc` is not there to tell, assume it
/// does (leaving a stale file is better than removing a live run's).
fn is_running(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_gwlints_own_form_are_recognised() {
        assert_eq!(owner_pid(".gwlint-123-aB3xYz.tmp"), Some(123));
        for name in [
            ".gwlint-123-aB3xY.tmp",
            ".gwlint--aB3xYz.tmp",
            ".gwlint-12a-aB3xYz.tmp",
            ".gwlint-123-aB3xYz",
            "gwlint-123-aB3xYz.tmp",
            ".gwlint-notes.txt",
        ] {
            assert_eq!(owner_pid(name), None, "{name}");
        }
        assert!(is_running(std::process::id()));
    }
}
