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
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Sends a request and returns its whole response (result or error).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id)
    }

    fn initialize(&mut self, capabilities: Value) -> Value {
        let init = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        self.notify("initialized", json!({}));
        init
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
        );
    }

    /// Closes stdin and returns the exit code.
    /// The orderly end: `shutdown`, `exit`, then the server's exit status.
    fn shut_down(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.finish()
    }

    fn finish(mut self) -> Option<i32> {
        drop(self.stdin);
        self.child.wait().unwrap().code()
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
    assert!(actions.iter().any(|a| a["kind"] == "source.fixAll.gwlint"));

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

/// An error response to nothing the test can name: `id` null, the given code.
fn is_error(m: &Value, code: i64) -> bool {
    m["error"]["code"] == code
}

/// Malformed framing, broken JSON, values that are not JSON-RPC messages and requests
/// at the wrong time are each answered with an error; the server goes on.
#[test]
fn language_server_survives_malformed_messages() {
    let mut client = Client::start();
    // Before initialize: -32002.
    let early = client.call("textDocument/hover", json!({}));
    assert!(is_error(&early, -32002), "{early}");
    client.initialize(json!({}));

    // A Content-Length that is no number; a header block with none; a body that is
    // not JSON.
    client.raw(b"Content-Length: twelve\r\n\r\n");
    assert!(is_error(&client.wait(|m| m.get("error").is_some()), -32700));
    client.raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}");
    assert!(is_error(&client.wait(|m| m.get("error").is_some()), -32700));
    client.raw(b"Content-Length: 8\r\n\r\n{\"jsonrp");
    assert!(is_error(&client.wait(|m| m.get("error").is_some()), -32700));
    // JSON, but no JSON-RPC message: an array (a batch), a number, no "jsonrpc",
    // an id that is an object.
    for body in [
        "[1,2]",
        "42",
        r#"{"id":7,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#,
    ] {
        client.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
        let error = client.wait(|m| m.get("error").is_some());
        assert!(is_error(&error, -32600), "{body}: {error}");
        if body.contains("\"id\":7") {
            assert_eq!(error["id"], 7);
        } else {
            assert_eq!(error["id"], Value::Null);
        }
    }
    // Unknown method; parameters of the wrong shape.
    assert!(is_error(
        &client.call("textDocument/frobnicate", json!({})),
        -32601
    ));
    assert!(is_error(
        &client.call("textDocument/hover", json!({ "textDocument": 3 })),
        -32602
    ));
    // A notification with nonsense parameters is ignored.
    client.notify("textDocument/didOpen", json!({ "textDocument": [] }));

    // Still serving: a document is linted.
    let uri = "file:///nowhere/still.txt";
    client.open(uri, "一、基本情况\n(一)情况良好。\n");
    let diagnostics = client.diagnostics(uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "N105");

    client.request("shutdown", Value::Null);
    // After shutdown a request is invalid.
    assert!(is_error(
        &client.call("textDocument/hover", json!({})),
        -32600
    ));
    client.notify("exit", Value::Null);
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_1() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.finish(), Some(1));
    // The input ending without exit is the same.
    let mut client = Client::start();
    client.initialize(json!({}));
    assert_eq!(client.finish(), Some(1));
}

/// A Content-Length of a terabyte followed by a few bytes: the server neither
/// allocates it (an abort) nor waits for more after the input ends.
#[test]
fn a_huge_content_length_is_not_allocated() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.raw(b"Content-Length: 1000000000000\r\n\r\n{\"jsonrpc\":\"2.0\"");
    assert_eq!(client.finish(), Some(1));
}

/// Ten quick changes to a large document: only the latest text is linted and
/// published; a code action after the burst is answered for the latest text.
#[test]
fn a_burst_of_changes_is_linted_once_at_the_latest_version() {
    let seed = std::fs::read_to_string(SEED).unwrap();
    // ~1 MB: long enough that the changes arrive while the first lint runs.
    let big = seed.repeat(1_000_000 / seed.len() + 1);
    let uri = "file:///nowhere/big.txt";
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(uri, &big);
    let mut burst = Vec::new();
    for version in 2..=11 {
        // Each version ends with a distinct number of "1、" markers (N105).
        let text = format!("{big}\n{}", "1、甲\n".repeat(version));
        let body = json!({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": version },
                        "contentChanges": [{ "text": text }] },
        })
        .to_string();
        burst.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
    }
    client.raw(&burst);
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    // The fix-all action rewrites the latest text: it ends with eleven "1." lines.
    let fixed = actions[0]["edit"]["changes"][uri][0]["newText"]
        .as_str()
        .unwrap();
    assert!(fixed.ends_with(&"1.甲\n".repeat(11)));
    assert!(!fixed.ends_with(&"1.甲\n".repeat(12)));
    let mut versions = Vec::new();
    loop {
        let m = client.wait(|m| m["method"] == "textDocument/publishDiagnostics");
        versions.push(m["params"]["version"].as_i64().unwrap());
        if versions.last() == Some(&11) {
            break;
        }
    }
    // Versions only rise, the last is 11, and at most one intermediate version was
    // linted (the one, if any, that arrived alone before the others).
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert!(versions.len() <= 3, "{versions:?}");
    assert_eq!(client.shut_down(), Some(0));
}

/// Hover shows the rule's documentation; code actions honour `context.only`; pull
/// diagnostics; a changed configuration is read again on didChangeConfiguration; a
/// client that can is asked to watch gwlint.toml.
#[test]
fn hover_code_action_kinds_pull_diagnostics_and_configuration_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let text = "一、基本情况\n(一)情况良好,继续保持。\n";
    std::fs::write(&path, text).unwrap();
    let uri = uri_of(&path);
    let mut client = Client::start();
    let init = client.initialize(json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
    }));
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(
        init["capabilities"]["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.gwlint"])
    );
    let registration = client.wait(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/gwlint.toml");
    client.open(&uri, text);

    // Pull: the client asks; nothing is pushed to a client that pulls.
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(pulled["kind"], "full");
    let codes: Vec<&str> = pulled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["N105", "T101"]);

    // Hover on the "(" of line 2: N105's message and documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 1 } }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**N105 nonstandard-marker**"), "{value}");
    assert!(value.contains("为什么"), "{value}");
    assert_eq!(
        hover["range"]["start"],
        json!({ "line": 1, "character": 0 })
    );
    // Nothing under the cursor: null.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 3 } }),
    );
    assert_eq!(nothing, Value::Null);

    // context.only: quickfix gives no fix-all, source.fixAll gives no quick fix.
    let actions = |client: &mut Client, only: Value| -> Vec<String> {
        let result = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": 1, "character": 0 }, "end": { "line": 1, "character": 20 } },
                "context": { "diagnostics": [], "only": only },
            }),
        );
        result
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        actions(&mut client, json!(["quickfix"])),
        ["quickfix", "quickfix"]
    );
    assert_eq!(
        actions(&mut client, json!(["source.fixAll"])),
        ["source.fixAll.gwlint"]
    );
    assert_eq!(
        actions(&mut client, json!(["source"])),
        ["source.fixAll.gwlint"]
    );
    assert!(actions(&mut client, json!(["refactor"])).is_empty());

    // A gwlint.toml appears; didChangeConfiguration reads it.
    std::fs::write(dir.path().join("gwlint.toml"), "ignore = [\"N105\"]\n").unwrap();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": {} }),
    );
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    let codes: Vec<&str> = pulled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["T101"]);
    // And a watched-file change does the same.
    std::fs::write(dir.path().join("gwlint.toml"), "ignore = [\"T101\"]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&dir.path().join("gwlint.toml")), "type": 2 }] }),
    );
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(pulled["items"][0]["code"], "N105");
    assert_eq!(pulled["items"].as_array().unwrap().len(), 1);
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn a_config_naming_a_fifo_or_device_is_shown_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let text = "一、基本情况\n(一)情况良好。\n";
    std::fs::write(&path, text).unwrap();
    let fifo = dir.path().join("fifo.toml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "extra-rules = [\"fifo.toml\"]\n",
    )
    .unwrap();
    let uri = uri_of(&path);
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(&uri, text);
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("命名管道"), "{message}");
    // Checked with the default settings meanwhile.
    let codes: Vec<String> = client
        .diagnostics(&uri)
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["N105"]);
    // Reloaded after a change: a device is refused the same way.
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "extra-rules = [\"/dev/zero\"]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": {} }),
    );
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("字符设备"), "{message}");
    assert_eq!(client.shut_down(), Some(0));
}
