//! Command-line interface (clap derive). Parsing only; `commands` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Severity;
use crate::render::OutputFormat;
use crate::source::ColumnUnit;

/// gwlint：公文检查工具（自查报告、工作总结、整改报告、述职报告、对照检查材料……）
#[derive(Debug, Parser)]
#[command(name = "gwlint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查文件或目录（默认当前目录；目录中检查 .txt 和 .md）
    Check(Box<CheckArgs>),
    /// 列出全部规则
    Rules {
        /// 输出格式：text（终端表格）或 markdown（README 中的规则表）
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// 显示一条规则的说明和示例；gwlint rule profiles 列出全部文种，gwlint rule ID 显示一个文种
    Rule {
        /// 规则代码或名称（如 N105 或 nonstandard-marker），文种 id（如 request），或 profiles
        code: String,
    },
    /// 写出一个带注释的 gwlint.toml，列出全部配置项
    Init {
        /// 写到哪里（文件或文件夹），默认当前文件夹下的 gwlint.toml
        #[arg(default_value = "gwlint.toml")]
        path: PathBuf,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 显示知识库的新旧：最后核对日期、各系列已知最近一次、预计召开的会议、条目数、未核实的条目
    Knowledge {
        /// 另加的知识文件（与 rules/timeline.toml、rules/terms.toml 格式相同），可多次指定
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
    /// 作为语言服务器运行（LSP，经标准输入输出），供编辑器使用
    Lsp,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 要检查的文件或目录；- 表示标准输入（也可写 /dev/stdin）
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// 标准输入所代表的文件名：据此查找 gwlint.toml、判断文件类型（.txt、.md、.docx）并报告路径；
    /// 默认 -。标准输入不会被 --fix 写回
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// 输出格式
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// short、json、github 格式的列号怎样计：char 按字符（默认），utf-16 按 UTF-16 码元（VS Code），
    /// byte 按 UTF-8 字节（vim 的 errorformat %c）；sarif 总按 UTF-16 码元
    #[arg(long, value_enum, default_value_t = ColumnUnit::Char, value_name = "UNIT")]
    pub column_unit: ColumnUnit,

    /// 文种，不指定时从标题判断：notice（通知）, issuing-notice（印发通知）, bulletin（通报）,
    /// report（报告）, request（请示）, reply（批复）, letter（函）, opinion（意见）,
    /// decision（决定）, minutes（纪要）, plan（方案）, speech（讲话稿）, rule-of-law-report,
    /// self-inspection, rectification, inspection-rectification, work-summary, duty-report,
    /// duty-integrity-report, comparison-check, government-work-report, generic；
    /// gwlint.toml 的 profiles 加入的文种同样可用（gwlint rule profiles 列出全部）
    #[arg(long)]
    pub profile: Option<String>,

    /// 只启用这些规则（代码、名称、类别或代码前缀，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,

    /// 停用这些规则（代码、名称、类别或代码前缀，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// 达到此级别的问题使退出码为 1（默认 warning，或 gwlint.toml 中的 fail-on）
    #[arg(long, value_enum)]
    pub fail_on: Option<Severity>,

    /// 判断提法是否过时所依据的日期（YYYY-MM-DD）；默认取文末成文日期，再默认今天
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    /// 文件所属省份（如“四川”），用于省级党代会等规则；不指定时从文中地名推断
    #[arg(long)]
    pub province: Option<String>,

    /// 另加的知识文件（与 rules/terms.toml、rules/timeline.toml 格式相同），可多次指定
    #[arg(long = "rules", value_name = "PATH")]
    pub rule_files: Vec<std::path::PathBuf>,

    /// 在标准错误输出中显示每个文件的核对日期及其来源、文种、省份和编码
    #[arg(long, short)]
    pub verbose: bool,

    /// 自动修复可安全修复的问题（原文件按原编码、BOM 和换行符写回）
    #[arg(long)]
    pub fix: bool,

    /// 只显示修复的差异，不写入任何文件（与 --fix 同用时也不写）；汇总和退出码按文件现状
    #[arg(long)]
    pub diff: bool,

    /// 与 --fix 或 --diff 同用时，也应用可能改变原意、需要核对的修复
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// 不使用颜色
    #[arg(long)]
    pub no_color: bool,

    /// 使用这个配置文件，不再查找各文件上层的 gwlint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// 不读取任何 gwlint.toml
    #[arg(long)]
    pub isolated: bool,

    /// 把结果写入文件而不是标准输出
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// 发现问题时退出码仍为 0（用法错误、无法读取等仍为 2）
    #[arg(long)]
    pub exit_zero: bool,

    /// 为每个 .docx 写出带批注的副本（报告.gwlint.docx，与原文件同一文件夹）：每个问题一条 Word 批注
    #[arg(long)]
    pub annotate: bool,

    /// 与 --annotate 一起用：副本已存在时覆盖
    #[arg(long, requires = "annotate")]
    pub force: bool,

    /// 不在标准错误输出上打印汇总行和进度
    #[arg(long, short)]
    pub quiet: bool,
}

/// How `gwlint rules` prints the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Text,
    Markdown,
}
