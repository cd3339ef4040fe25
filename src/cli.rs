//! Command-line interface (clap derive). Parsing only; `commands` does the work.
//!
//! Every text clap shows is Chinese: the help templates name the headings ("用法", "命令",
//! "参数", "选项"), the help and version flags and the `help` subcommand are our own,
//! defaults and possible values are written into the help texts (clap would add them in
//! English), and the usage lines are given.

mod errors;

use std::path::PathBuf;

use clap::{ArgAction, Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use crate::diagnostic::Severity;
use crate::render::OutputFormat;
use crate::source::ColumnUnit;

/// The help layout of every command, with Chinese headings.
const HELP_TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// gwlint：公文检查工具（通知、请示、报告、自查报告、工作总结、整改报告、述职报告……）
#[derive(Debug, Parser)]
#[command(
    name = "gwlint",
    version,
    help_template = HELP_TEMPLATE,
    override_usage = "gwlint <命令> [选项]",
    subcommand_help_heading = "命令",
    subcommand_value_name = "命令",
    next_help_heading = "选项",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    hide_possible_values = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// 显示帮助
    #[arg(short, long, action = ArgAction::Help, global = true, display_order = 900)]
    help: Option<bool>,

    /// 显示版本
    #[arg(short = 'V', long, action = ArgAction::Version, display_order = 901)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查文件或文件夹（默认当前文件夹；文件夹中检查 .txt、.md 和 .docx，按 .gitignore 跳过文件）
    #[command(override_usage = "gwlint check [选项] [路径]...")]
    Check(Box<CheckArgs>),
    /// 列出全部规则
    #[command(
        override_usage = "gwlint rules [--format <格式>]",
        next_help_heading = "选项"
    )]
    Rules {
        /// 输出格式：text（终端表格，默认）、markdown（README 中的规则表）或 json
        #[arg(long, value_enum, default_value_t = RulesFormat::Text, value_name = "格式", hide_default_value = true)]
        format: RulesFormat,
    },
    /// 显示一条规则的说明和示例；gwlint rule profiles 列出全部文种，gwlint rule ID 显示一个文种
    #[command(override_usage = "gwlint rule <代码>", next_help_heading = "选项")]
    Rule {
        /// 规则代码或名称（如 N105 或 nonstandard-marker），文种 id（如 request），或 profiles
        #[arg(value_name = "代码", help_heading = "参数")]
        code: String,
    },
    /// 写出一个带注释的 gwlint.toml，列出全部配置项
    #[command(
        override_usage = "gwlint init [选项] [路径]",
        next_help_heading = "选项"
    )]
    Init {
        /// 写到哪里（文件或文件夹），默认当前文件夹下的 gwlint.toml
        #[arg(
            default_value = "gwlint.toml",
            value_name = "路径",
            help_heading = "参数",
            hide_default_value = true
        )]
        path: PathBuf,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 显示知识库的新旧：最后核对日期、各系列已知最近一次、预计召开的会议、条目数、未核实的条目
    #[command(
        override_usage = "gwlint knowledge [--rules <路径>]...",
        next_help_heading = "选项"
    )]
    Knowledge {
        /// 另加的知识文件（与 rules/timeline.toml、rules/terms.toml 格式相同），可多次指定
        #[arg(long = "rules", value_name = "路径")]
        rules: Vec<PathBuf>,
    },
    /// 作为语言服务器运行（LSP，经标准输入输出），供编辑器使用
    #[command(override_usage = "gwlint lsp")]
    Lsp,
    /// 输出命令行补全脚本：bash、zsh、fish、powershell 或 elvish
    #[command(
        override_usage = "gwlint completions <外壳>",
        after_help = "安装，例如：\n  bash 用户：gwlint completions bash > ~/.local/share/bash-completion/completions/gwlint\n  zsh 用户：gwlint completions zsh > ~/.zfunc/_gwlint（~/.zfunc 须在 fpath 中）\n  fish 用户：gwlint completions fish > ~/.config/fish/completions/gwlint.fish"
    )]
    Completions {
        /// 外壳：bash、zsh、fish、powershell、elvish
        #[arg(value_enum, value_name = "外壳", help_heading = "参数")]
        shell: clap_complete::Shell,
    },
    /// 显示帮助；gwlint help check 显示 check 的全部选项
    #[command(override_usage = "gwlint help [命令]")]
    Help {
        /// 要看哪条命令的帮助
        #[arg(value_name = "命令", help_heading = "参数")]
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
#[command(next_help_heading = "选项")]
pub struct CheckArgs {
    /// 要检查的文件或文件夹，默认当前文件夹；- 表示标准输入（也可写 /dev/stdin）
    #[arg(
        default_value = ".",
        value_name = "路径",
        help_heading = "参数",
        hide_default_value = true
    )]
    pub paths: Vec<PathBuf>,

    /// 标准输入所代表的文件名：据此查找 gwlint.toml、判断文件类型（.txt、.md、.docx）并报告路径；默认 -。标准输入不会被 --fix 写回
    #[arg(long, value_name = "名称")]
    pub stdin_filename: Option<PathBuf>,

    /// 输出格式：human（默认，显示原文并标出位置）、short（一行一个问题）、json、sarif、github、html
    #[arg(long, value_enum, default_value_t = OutputFormat::Human, value_name = "格式", hide_default_value = true)]
    pub format: OutputFormat,

    /// short、json、github 格式的列号怎样计：char 按字符（默认），utf-16 按 UTF-16 码元（VS Code），byte 按 UTF-8 字节（vim 的 errorformat %c）；sarif 总按 UTF-16 码元
    #[arg(long, value_enum, default_value_t = ColumnUnit::Char, value_name = "单位", hide_default_value = true)]
    pub column_unit: ColumnUnit,

    /// 文种，不指定时从标题判断（全部文种见 gwlint rule profiles）
    #[arg(long, value_name = "文种")]
    pub profile: Option<String>,

    /// 只启用这些规则（代码、名称、类别或代码前缀，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub select: Vec<String>,

    /// 停用这些规则（代码、名称、类别或代码前缀，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub ignore: Vec<String>,

    /// 达到此级别的问题使退出码为 1：error、warning（默认，或 gwlint.toml 中的 fail-on）、info
    #[arg(long, value_enum, value_name = "级别")]
    pub fail_on: Option<Severity>,

    /// 判断提法是否过时所依据的日期（YYYY-MM-DD）；默认取文末成文日期，再默认今天
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,

    /// 文件所属省份（如“四川”或“四川省”），用于省级党代会等规则；不指定时从文中地名推断
    #[arg(long, value_name = "省份")]
    pub province: Option<String>,

    /// 另加的知识文件（与 rules/terms.toml、rules/timeline.toml 格式相同），可多次指定
    #[arg(long = "rules", value_name = "路径")]
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

    /// 只输出各规则的问题数（按数量排序，不列出各个问题）；--format json 时为 JSON
    #[arg(long)]
    pub statistics: bool,

    /// 何时使用颜色：auto（默认：输出到终端时，且未设 NO_COLOR、TERM 不是 dumb）、always、never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "何时", hide_default_value = true)]
    pub color: ColorChoice,

    /// 同 --color never（旧写法）
    #[arg(long, hide = true)]
    pub no_color: bool,

    /// 使用这个配置文件，不再查找各文件上层的 gwlint.toml
    #[arg(long, value_name = "路径", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// 不读取任何 gwlint.toml
    #[arg(long)]
    pub isolated: bool,

    /// 遍历文件夹时不理会 .gitignore、.ignore 等忽略文件（隐藏文件夹仍跳过）
    #[arg(long)]
    pub no_ignore: bool,

    /// 把结果写入文件而不是标准输出
    #[arg(long, short, value_name = "文件")]
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
    #[value(help = "终端表格（默认）")]
    Text,
    #[value(help = "README 中的规则表")]
    Markdown,
    #[value(help = "JSON 数组，每条规则一个对象")]
    Json,
}

/// `--color`: when the human format is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Only on a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    #[value(help = "输出到终端、未设 NO_COLOR、TERM 不是 dumb 时（默认）")]
    Auto,
    #[value(help = "总是使用")]
    Always,
    #[value(help = "从不使用")]
    Never,
}

/// The command line as clap sees it, with the help of `--profile` listing every built-in
/// profile from the profile registry (so a profile added to `rules/profiles/` is listed
/// without touching this file).
pub fn command() -> clap::Command {
    let profiles = crate::profile::ProfileSet::embedded()
        .iter()
        .map(|p| format!("{}（{}）", p.id, p.name))
        .collect::<Vec<_>>()
        .join("、");
    Cli::command()
        .mut_subcommands(|sub| sub.help_template(HELP_TEMPLATE))
        .mut_subcommand("check", |check| {
            check.mut_arg("profile", |arg| {
                arg.help(format!(
                    "文种，不指定时从标题判断：{profiles}；gwlint.toml 的 profiles 加入的文种同样可用（gwlint rule profiles 列出全部）"
                ))
            })
        })
}

/// Parses the process's arguments. Help and version are printed by clap; a mistake is
/// one Chinese line on stderr and exit status 2.
pub fn parse() -> Cli {
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.unwrap_or_else(|e| match errors::chinese(&e) {
        Some(line) => {
            eprintln!("gwlint: {}", crate::render::escape::one_line(&line));
            std::process::exit(2);
        }
        None => e.exit(),
    })
}
