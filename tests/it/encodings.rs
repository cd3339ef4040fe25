//! The same report saved as UTF-8, GB18030, UTF-8 with BOM and CRLF, and UTF-16 gives the
//! same findings (codes and lines), and the JSON says how each file was read.

use crate::common::SEED;
use assert_cmd::Command;

fn findings(path: &std::path::Path) -> (Vec<(u64, String)>, String) {
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args([
            "check",
            "--quiet",
            "--format",
            "json",
            "--as-of",
            "2023-03-15",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = value.as_array().unwrap();
    let encoding = list[0]["encoding"].as_str().unwrap().to_string();
    (
        list.iter()
            .map(|f| {
                (
                    f["line"].as_u64().unwrap(),
                    f["code"].as_str().unwrap().to_string(),
                )
            })
            .collect(),
        encoding,
    )
}

#[test]
fn every_encoding_gives_the_same_findings() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let (reference, encoding) = findings(std::path::Path::new(SEED));
    assert_eq!(encoding, "UTF-8");
    assert!(reference.len() > 30);
    let dir = tempfile::tempdir().unwrap();
    let crlf = text.replace('\n', "\r\n");
    let variants: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "gb18030.txt",
            encoding_rs::GB18030.encode(&text).0.into_owned(),
            "GB18030",
        ),
        (
            "gb18030-crlf.txt",
            encoding_rs::GB18030.encode(&crlf).0.into_owned(),
            "GB18030",
        ),
        (
            "bom-crlf.txt",
            [&[0xef, 0xbb, 0xbf][..], crlf.as_bytes()].concat(),
            "UTF-8 (BOM)",
        ),
        (
            "utf16.txt",
            [0xff, 0xfe]
                .into_iter()
                .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            "UTF-16LE (BOM)",
        ),
    ];
    for (name, bytes, expected_encoding) in variants {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (found, encoding) = findings(&path);
        assert_eq!(encoding, expected_encoding, "{name}");
        assert_eq!(found, reference, "{name}");
    }
}
