//! The base protocol over stdio, by hand: `Content-Length` framing, JSON, JSON-RPC 2.0.
//!
//! Nothing a client sends can stop the server: a header block without a usable
//! `Content-Length`, a body that is not JSON (-32700) or not a JSON-RPC message (-32600)
//! is answered with an error and reading goes on at the next header. A body is read as
//! its bytes arrive, never allocated from the announced length, and one larger than
//! [`MAX_BODY`] is skipped; a header line longer than [`MAX_HEADER_LINE`] is cut.

use std::io::{BufRead, Read, Write};

use serde_json::{json, Value};

/// The largest message body read (a full-text change of a large document fits).
pub const MAX_BODY: usize = 256 << 20;
/// The longest header line kept; the rest of a longer line is discarded.
const MAX_HEADER_LINE: usize = 8 << 10;

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const SERVER_NOT_INITIALIZED: i64 = -32002;
pub const REQUEST_CANCELLED: i64 = -32800;

/// A request or notification id: a number or a string.
pub type Id = Value;

/// What a client sent, once framed and parsed.
#[derive(Debug)]
pub enum Incoming {
    Request {
        id: Id,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
    /// A response to a request of ours (`client/registerCapability`).
    Response,
    /// Something that could not be taken as a message: answer with this error.
    Invalid {
        id: Id,
        code: i64,
        message: String,
    },
    /// The input ended.
    Eof,
}

/// Reads the next message. Never fails: broken input becomes `Incoming::Invalid`.
pub fn read_message(input: &mut impl BufRead) -> Incoming {
    let mut length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    loop {
        let Some(line) = read_header_line(input) else {
            return Incoming::Eof;
        };
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !saw_header {
                continue; // stray blank lines between messages
            }
            break;
        }
        saw_header = true;
        // A header may follow the remains of a broken message on the same line.
        let header = match find_ignore_ascii_case(line, "content-length:") {
            Some(at) => &line[at..],
            None => line,
        };
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                let value = value.trim();
                length = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| format!("Content-Length 不是数字：“{value}”")),
                );
            }
        }
    }
    let length = match length {
        Some(Ok(n)) => n,
        Some(Err(message)) => return invalid(Value::Null, PARSE_ERROR, message),
        None => return invalid(Value::Null, PARSE_ERROR, "消息头缺少 Content-Length".into()),
    };
    if length > MAX_BODY {
        // Skip the body as it streams by, without holding it.
        let skipped = std::io::copy(&mut input.take(length as u64), &mut std::io::sink());
        if skipped.map_or(true, |n| n < length as u64) {
            return Incoming::Eof;
        }
        return invalid(
            Value::Null,
            PARSE_ERROR,
            format!("消息长 {length} 字节，超过上限 {MAX_BODY} 字节，已跳过"),
        );
    }
    let mut body = Vec::new();
    match input.take(length as u64).read_to_end(&mut body) {
        Ok(n) if n == length => {}
        _ => return Incoming::Eof,
    }
    match serde_json::from_slice::<Value>(&body) {
        Ok(value) => classify(value),
        Err(e) => invalid(
            Value::Null,
            PARSE_ERROR,
            format!("消息不是有效的 JSON：{e}"),
        ),
    }
}

fn invalid(id: Id, code: i64, message: String) -> Incoming {
    Incoming::Invalid { id, code, message }
}

/// One header line, at most `MAX_HEADER_LINE` bytes kept; `None` at the end of input.
fn read_header_line(input: &mut impl BufRead) -> Option<String> {
    let mut line = Vec::new();
    loop {
        let buffer = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        if buffer.is_empty() {
            return (!line.is_empty()).then(|| String::from_utf8_lossy(&line).into_owned());
        }
        let (used, done) = match memchr::memchr(b'\n', buffer) {
            Some(i) => (i + 1, true),
            None => (buffer.len(), false),
        };
        let room = MAX_HEADER_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..used.min(room)]);
        input.consume(used);
        if done {
            return Some(String::from_utf8_lossy(&line).into_owned());
        }
    }
}

fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Sorts a JSON value into a request, a notification or a response, or says why it is
/// none of them.
fn classify(value: Value) -> Incoming {
    let Value::Object(mut object) = value else {
        return invalid(
            Value::Null,
            INVALID_REQUEST,
            "消息不是 JSON-RPC 对象（LSP 不使用批量请求）".into(),
        );
    };
    let id = object.remove("id");
    let id_ok = matches!(id, None | Some(Value::Number(_) | Value::String(_)));
    let reply_id = if id_ok {
        id.clone().unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    if object.get("jsonrpc") != Some(&json!("2.0")) {
        return invalid(
            reply_id,
            INVALID_REQUEST,
            "缺少 \"jsonrpc\": \"2.0\"".into(),
        );
    }
    if !id_ok {
        return invalid(reply_id, INVALID_REQUEST, "id 必须是数字或字符串".into());
    }
    let params = object.remove("params").unwrap_or(Value::Null);
    match (object.remove("method"), id) {
        (Some(Value::String(method)), Some(id)) => Incoming::Request { id, method, params },
        (Some(Value::String(method)), None) => Incoming::Notification { method, params },
        (Some(_), _) => invalid(reply_id, INVALID_REQUEST, "method 必须是字符串".into()),
        (None, Some(_)) if object.contains_key("result") || object.contains_key("error") => {
            Incoming::Response
        }
        (None, _) => invalid(
            reply_id,
            INVALID_REQUEST,
            "既不是请求、通知，也不是响应".into(),
        ),
    }
}

/// Writes one message with its header; false when the client has gone.
pub fn write_message(output: &mut impl Write, message: &Value) -> bool {
    let body = message.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())
        .and_then(|()| output.flush())
        .is_ok()
}

pub fn response(id: Id, result: Value) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "result": result })
}

pub fn error_response(id: Id, code: i64, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

pub fn notification(method: &str, params: Value) -> Value {
    json!({ "jsonrpc": "2.0", "method": method, "params": params })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> Vec<Incoming> {
        let mut reader = std::io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_message(&mut reader) {
                Incoming::Eof => return out,
                m => out.push(m),
            }
        }
    }

    fn code(m: &Incoming) -> Option<i64> {
        match m {
            Incoming::Invalid { code, .. } => Some(*code),
            _ => None,
        }
    }

    #[test]
    fn broken_framing_is_answered_and_the_next_message_is_read() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: abc\r\n\r\nContent-Type: x\r\n\r\n{{}}Content-Length: {}\r\n\r\n{good}\
             Content-Length: 5\r\n\r\n[1,2]Content-Length: 3\r\n\r\n{{x}}",
            good.len()
        );
        let messages = read_all(input.as_bytes());
        let codes: Vec<Option<i64>> = messages.iter().map(code).collect();
        assert_eq!(
            codes,
            [
                Some(PARSE_ERROR),
                Some(PARSE_ERROR),
                None,
                Some(INVALID_REQUEST),
                Some(PARSE_ERROR)
            ]
        );
        assert!(
            matches!(&messages[2], Incoming::Notification { method, .. } if method == "initialized")
        );
    }

    #[test]
    fn a_huge_length_is_not_allocated() {
        // Announces 100 GB and sends 10 bytes: the read ends without allocating.
        let input = b"Content-Length: 100000000000\r\n\r\n0123456789";
        let messages = read_all(input);
        assert!(messages.is_empty());
    }

    #[test]
    fn requests_notifications_and_invalid_ids() {
        let m = classify(json!({"jsonrpc":"2.0","id":1,"method":"shutdown"}));
        assert!(matches!(m, Incoming::Request { .. }));
        let m = classify(json!({"jsonrpc":"2.0","id":{"a":1},"method":"x"}));
        assert_eq!(code(&m), Some(INVALID_REQUEST));
        let m = classify(json!({"id":3,"method":"x"}));
        assert!(matches!(m, Incoming::Invalid { id, code: INVALID_REQUEST, .. } if id == json!(3)));
        let m = classify(json!({"jsonrpc":"2.0","id":3,"result":null}));
        assert!(matches!(m, Incoming::Response));
    }
}
