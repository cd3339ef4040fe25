//! Command-line mistakes in Chinese, in one line: clap's own messages are English
//! ("error: unexpected argument … Usage: …").

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// One line for a usage error, from the error's context; None for the kinds whose
/// output is not an error (help, version) or that have no context to build from.
pub(super) fn chinese(error: &clap::Error) -> Option<String> {
    let get = |kind: ContextKind| error.get(kind).map(plain);
    let invalid = get(ContextKind::InvalidArg).unwrap_or_default();
    let mut line = match error.kind() {
        ErrorKind::UnknownArgument => format!("未知的选项或参数“{invalid}”"),
        ErrorKind::InvalidSubcommand => format!(
            "没有命令“{}”",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let mut line = if value.is_empty() {
                format!("{invalid} 需要一个值")
            } else {
                format!("{invalid} 的值“{value}”无效")
            };
            if let Some(valid) = get(ContextKind::ValidValue) {
                line.push_str(&format!("，可选：{valid}"));
            }
            line
        }
        ErrorKind::ValueValidation => format!(
            "{invalid} 的值“{}”无效",
            get(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("缺少 {invalid}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{invalid} 不能与 {} 同用",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{invalid} 的值的个数不对")
        }
        ErrorKind::NoEquals => format!("{invalid} 的值要用“=”连写"),
        _ => return None,
    };
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(get);
    if let Some(suggested) = suggested {
        line.push_str(&format!("；是不是“{suggested}”？"));
    } else {
        line.push('。');
    }
    line.push_str("用 gwlint help 或 gwlint 命令 --help 查看用法");
    Some(line)
}

/// A context value as plain text (clap's styled strings carry no escapes once displayed
/// without colour).
fn plain(value: &ContextValue) -> String {
    match value {
        ContextValue::Strings(list) => list.join("、"),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        other => other.to_string(),
    }
}
