//! Finding the nearest `gwlint.toml`: walk up from a file's folder; the first folder
//! that holds `gwlint.toml` (or `.gwlint.toml`) wins, and nothing above it is merged.
//! Each folder is looked at once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file names looked for in each folder, in order.
pub const FILE_NAMES: [&str; 2] = ["gwlint.toml", ".gwlint.toml"];

/// Remembers, per folder, which config file applies to it.
#[derive(Debug, Default)]
pub struct Finder {
    cache: HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    /// The config file that applies to `file`, if any.
    pub fn nearest(&mut self, file: &Path) -> Option<PathBuf> {
        let file = absolute(file);
        let dir = file.parent()?;
        self.lookup(dir)
    }

    fn lookup(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(hit) = self.cache.get(dir) {
            return hit.clone();
        }
        let here = FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file());
        let found = match here {
            Some(path) => Some(path),
            None => dir.parent().and_then(|parent| self.lookup(parent)),
        };
        self.cache.insert(dir.to_path_buf(), found.clone());
        found
    }
}

/// `path` made absolute without touching the file system beyond the current folder
/// (symbolic links are kept, so a config beside a link applies to it).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_config_wins_and_folders_are_cached() {
        let root = tempfile::tempdir().unwrap();
        let a = root.path().join("a");
        let b = a.join("b").join("c");
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("gwlint.toml"), "").unwrap();
        let mut finder = Finder::default();
        assert_eq!(
            finder.nearest(&b.join("report.txt")),
            Some(a.join("gwlint.toml"))
        );
        std::fs::write(b.join(".gwlint.toml"), "").unwrap();
        // Cached: the new file is not seen in this run.
        assert_eq!(
            finder.nearest(&b.join("other.txt")),
            Some(a.join("gwlint.toml"))
        );
        let mut fresh = Finder::default();
        assert_eq!(
            fresh.nearest(&b.join("report.txt")),
            Some(b.join(".gwlint.toml"))
        );
    }
}
