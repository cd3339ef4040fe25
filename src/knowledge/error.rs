//! `KnowledgeError` and `Origin`: where a problem in a knowledge file is, so that
//! whoever edits the file can find it.

use std::fmt;

/// Where an entry was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    /// 1-based line of the entry's `[[…]]` header.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A knowledge file that cannot be used. The message names the file, the line and the
/// entry, so that whoever edits the file can find the problem.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("无法读取知识文件 {file}：{source}")]
    Io {
        file: String,
        #[source]
        source: crate::small_file::SmallFileError,
    },
    #[error("{file}:{line}：条目 `{id}`：{message}")]
    Parse {
        file: String,
        line: usize,
        id: String,
        message: String,
    },
    #[error("{file}:{line}：条目 `{id}`：{problem}")]
    Invalid {
        file: String,
        line: usize,
        id: String,
        problem: String,
    },
    /// The phrases of all knowledge files together are too many for the automaton.
    #[error("知识文件的词条合起来过多，无法建立匹配自动机：{0}")]
    TooLarge(String),
}

impl KnowledgeError {
    pub(in crate::knowledge) fn invalid(
        origin: &Origin,
        id: &str,
        problem: impl Into<String>,
    ) -> Self {
        KnowledgeError::Invalid {
            file: origin.file.clone(),
            line: origin.line,
            id: id.to_string(),
            problem: problem.into(),
        }
    }

    /// The file the error is in.
    pub fn file(&self) -> &str {
        match self {
            KnowledgeError::Io { file, .. }
            | KnowledgeError::Parse { file, .. }
            | KnowledgeError::Invalid { file, .. } => file,
            KnowledgeError::TooLarge(_) => "",
        }
    }

    /// The 1-based line, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            KnowledgeError::Io { .. } | KnowledgeError::TooLarge(_) => None,
            KnowledgeError::Parse { line, .. } | KnowledgeError::Invalid { line, .. } => {
                Some(*line)
            }
        }
    }
}
