//! Finding the nearest `gwlint.toml`: walk up from a file's folder; the first folder
//! that holds `gwlint.toml` (or `.gwlint.toml`) wins, and nothing above it is merged.
//! The walk stops at the repository root (a folder holding `.git`, a folder or the file
//! of a worktree or submodule): a config above a repository, in a home or a shared
//! folder, belongs to no one in it. Each folder is looked at once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file names looked for in each folder, in order.
pub const FILE_NAMES: [&str; 2] = ["gwlint.toml", ".gwlint.toml"];

/// What the walk up from a folder found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// This config file applies.
    Config(PathBuf),
    /// No config up to the repository root, this folder (it holds `.git`).
    RepositoryRoot(PathBuf),
    /// No config up to the root of the file system.
    Nothing,
}

impl Found {
    pub fn config(&self) -> Option<&Path> {
        match self {
            Self::Config(path) => Some(path),
            _ => None,
        }
    }

    /// For `-v`: the config, or why there is none.
    pub fn describe(&self) -> String {
        match self {
            Self::Config(path) => path.display().to_string(),
            Self::RepositoryRoot(dir) => format!(
                "无（向上查找到仓库根 {} 为止，未找到 gwlint.toml）",
                dir.display()
            ),
            Self::Nothing => "无（向上查找到文件系统根为止，未找到 gwlint.toml）".to_string(),
        }
    }
}

/// Remembers, per folder, what the walk up from it found.
#[derive(Debug, Default)]
pub struct Finder {
    cache: HashMap<PathBuf, Found>,
}

impl Finder {
    /// The config file that applies to `file`, if any.
    pub fn nearest(&mut self, file: &Path) -> Option<PathBuf> {
        self.find(file).config().map(Path::to_path_buf)
    }

    /// What the walk up from `file`'s folder found.
    pub fn find(&mut self, file: &Path) -> Found {
        let file = absolute(file);
        match file.parent() {
            Some(dir) => self.lookup(dir),
            None => Found::Nothing,
        }
    }

    fn lookup(&mut self, dir: &Path) -> Found {
        if let Some(hit) = self.cache.get(dir) {
            return hit.clone();
        }
        let here = FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file());
        let found = match here {
            Some(path) => Found::Config(path),
            // `symlink_metadata`: a `.git` link counts as well, and is not followed.
            None if std::fs::symlink_metadata(dir.join(".git")).is_ok() => {
                Found::RepositoryRoot(dir.to_path_buf())
            }
            None => dir
                .parent()
                .map_or(Found::Nothing, |parent| self.lookup(parent)),
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

    #[test]
    fn the_walk_stops_at_the_repository_root() {
        let root = tempfile::tempdir().unwrap();
        let repo = root.path().join("repo");
        let docs = repo.join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(root.path().join("gwlint.toml"), "").unwrap();
        let mut finder = Finder::default();
        assert_eq!(
            finder.find(&docs.join("a.txt")),
            Found::Config(root.path().join("gwlint.toml"))
        );
        // A worktree's or submodule's `.git` is a file.
        std::fs::write(repo.join(".git"), "gitdir: elsewhere\n").unwrap();
        let mut finder = Finder::default();
        assert_eq!(
            finder.find(&docs.join("a.txt")),
            Found::RepositoryRoot(repo.clone())
        );
        // The repository root's own config applies.
        std::fs::write(repo.join("gwlint.toml"), "").unwrap();
        let mut finder = Finder::default();
        assert_eq!(
            finder.find(&docs.join("a.txt")),
            Found::Config(repo.join("gwlint.toml"))
        );
    }
}
