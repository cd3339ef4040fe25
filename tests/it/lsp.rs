//! `gwlint lsp` driven over stdio as an editor would: initialize, didOpen, didChange,
//! codeAction, shutdown. The published diagnostics must be those of `gwlint check` on
//! the same text, with positions in UTF-16 code units.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crate::common::SEED;
use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut length = 0;
            loop {
                let mut header = String::new();
                if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some(n) = header.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            stdout.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Self {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait(|m| m["id"] == id);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    fn wait(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(30))
                .expect("the server answers within 30 s");
            if wanted(&message) {
                return message;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

/// A finding as (code, start, end), positions as (line, UTF-16 character).
type Finding = (String, (u64, u64), (u64, u64));

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// What `gwlint check` reports for `path`, as (code, start, end) in LSP positions.
fn expected(path: &Path) -> Vec<Finding> {
    let out = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(["check", "--format", "json", "--quiet"])
        .arg(path)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    // 1-based line and character column → 0-based line and UTF-16 offset.
    let lsp = |line: u64, column: u64| {
        let l = lines[line as usize - 1];
        let utf16: usize = l
            .chars()
            .take(column as usize - 1)
            .map(char::len_utf16)
            .sum();
        (line - 1, utf16 as u64)
    };
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let n = |k: &str| f[k].as_u64().unwrap();
            (
                f["code"].as_str().unwrap().to_string(),
                lsp(n("line"), n("column")),
                lsp(n("end_line"), n("end_column")),
            )
        })
        .collect()
}

fn published(diagnostics: &[Value]) -> Vec<Finding> {
    let pos = |p: &Value| {
        (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        )
    };
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                pos(&d["range"]["start"]),
                pos(&d["range"]["end"]),
            )
        })
        .collect()
}

#[test]
fn language_server_publishes_what_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let path = dir.path().join("seed.txt");
    std::fs::write(&path, &seed).unwrap();
    let uri = uri_of(&path);

    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "gwlint");
    client.notify("initialized", json!({}));

    // didOpen: the seed as it is.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": seed } }),
    );
    let opened = client.diagnostics(&uri);
    let want = expected(&path);
    assert_eq!(opened.len(), want.len());
    // The seed's seven N105 markers are among them (the config test below removes them).
    assert_eq!(opened.iter().filter(|d| d["code"] == "N105").count(), 7);
    assert_eq!(published(&opened), want);
    assert!(opened.iter().all(|d| d["source"] == "gwlint"));

    // didChange: fix "1、" on line 14 and put a character outside the BMP before the lone
    // 一是 on line 24, so its UTF-16 column differs from its character column.
    let changed = seed
        .replacen("\n1、", "\n1.", 1)
        .replacen("干部作风需", "干部𠀀作风需", 1);
    assert_ne!(changed, seed);
    std::fs::write(&path, &changed).unwrap();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "text": changed }],
        }),
    );
    let after = client.diagnostics(&uri);
    assert_eq!(after.len(), opened.len() - 1);
    assert_eq!(published(&after), expected(&path));
    let lone = after.iter().find(|d| d["code"] == "N107").unwrap();
    assert_eq!(
        lone["range"]["start"],
        json!({ "line": 23, "character": 16 })
    );

    // codeAction on the "2、" of line 15: a quick fix to "2.", and the fix-all action.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 14, "character": 0 }, "end": { "line": 14, "character": 1 } },
            "context": { "diagnostics": [] },
        }),
    );
    let actions = actions.as_array().unwrap();
    let quick = actions.iter().find(|a| a["kind"] == "quickfix").unwrap();
    let edit = &quick["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "2.");
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 14, "character": 0 })
    );
    assert!(actions.iter().any(|a| a["kind"] == "source.fixAll"));

    // The nearest gwlint.toml is honoured.
    let sub = dir.path().join("org").join("dept");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        dir.path().join("org").join("gwlint.toml"),
        "ignore = [\"N105\"]\n",
    )
    .unwrap();
    let other = sub.join("seed.md");
    std::fs::write(&other, &seed).unwrap();
    let other_uri = uri_of(&other);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": other_uri, "languageId": "markdown", "version": 1, "text": seed } }),
    );
    let configured = client.diagnostics(&other_uri);
    assert_eq!(published(&configured), expected(&other));
    assert!(configured.iter().all(|d| d["code"] != "N105"));
    assert_eq!(configured.len(), opened.len() - 7);

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success());
}
