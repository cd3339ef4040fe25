//! Output for CI: SARIF and GitHub annotations of the seed report match the JSON output
//! one for one; `--output`; the summary line on stderr.

use crate::common::{gwlint, SEED};
use serde_json::{json, Value};

fn stdout_of(args: &[&str]) -> String {
    let out = gwlint().args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn json_findings(paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["check", "--quiet", "--format", "json"];
    args.extend(paths);
    let v: Value = serde_json::from_str(&stdout_of(&args)).unwrap();
    v.as_array().unwrap().clone()
}

fn sarif(paths: &[&str]) -> Value {
    let mut args = vec!["check", "--quiet", "--format", "sarif"];
    args.extend(paths);
    serde_json::from_str(&stdout_of(&args)).unwrap()
}

#[test]
fn sarif_and_github_have_as_many_results_as_json() {
    for paths in [&[SEED][..], &[SEED, "examples/"][..]] {
        let json = json_findings(paths);
        assert!(!json.is_empty());
        let sarif = sarif(paths);
        let results = sarif["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), json.len(), "{paths:?}");
        let mut args = vec!["check", "--quiet", "--format", "github"];
        args.extend(paths);
        let github = stdout_of(&args);
        assert_eq!(github.lines().count(), json.len(), "{paths:?}");
        // Same findings in the same order and places.
        for ((j, s), g) in json.iter().zip(results).zip(github.lines()) {
            assert_eq!(s["ruleId"], j["code"]);
            let region = &s["locations"][0]["physicalLocation"]["region"];
            assert_eq!(region["startLine"], j["line"]);
            assert_eq!(region["startColumn"], j["column"]);
            assert_eq!(region["endLine"], j["end_line"]);
            assert_eq!(region["endColumn"], j["end_column"]);
            let level = match j["severity"].as_str().unwrap() {
                "error" => "error",
                "warning" => "warning",
                _ => "note",
            };
            assert_eq!(s["level"], level);
            let command = match level {
                "note" => "notice",
                other => other,
            };
            let expected = format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::",
                j["path"].as_str().unwrap(),
                j["line"],
                j["column"],
                j["end_line"],
                j["end_column"],
                j["code"].as_str().unwrap()
            );
            assert!(g.starts_with(&expected), "{g}\n{expected}");
            // Workflow-command data is escaped: % first, then line ends.
            let message = j["message"]
                .as_str()
                .unwrap()
                .replace('%', "%25")
                .replace('\r', "%0D")
                .replace('\n', "%0A");
            assert!(g.contains(&message), "{g}");
        }
    }
}

/// The parts of the SARIF 2.1.0 schema (OASIS, draft-07) that gwlint's output uses:
/// for each object, the keys the schema allows (`additionalProperties: false`) and the
/// keys it requires. The output of the seed was also validated against the full
/// schema with a draft-07 validator when this test was written.
#[rustfmt::skip]
const SCHEMA: &[(&str, &[&str], &[&str])] = &[
    ("sarifLog", &["$schema", "version", "runs", "inlineExternalProperties", "properties"], &["version", "runs"]),
    ("run", &["tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"], &["tool"]),
    ("tool", &["driver", "extensions", "properties"], &["driver"]),
    ("toolComponent", &["guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"], &["name"]),
    ("reportingDescriptor", &["id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties"], &["id"]),
    ("multiformatMessageString", &["text", "markdown", "properties"], &["text"]),
    ("reportingConfiguration", &["enabled", "level", "rank", "parameters", "properties"], &[]),
    ("result", &["ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"], &["message"]),
    ("message", &["text", "markdown", "id", "arguments", "properties"], &[]),
    ("location", &["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"], &[]),
    ("physicalLocation", &["address", "artifactLocation", "region", "contextRegion", "properties"], &[]),
    ("artifactLocation", &["uri", "uriBaseId", "index", "description", "properties"], &[]),
    ("invocation", &["commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode", "ruleConfigurationOverrides", "notificationConfigurationOverrides", "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription", "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful", "machine", "account", "processId", "executableLocation", "workingDirectory", "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"], &["executionSuccessful"]),
    ("notification", &["locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor", "associatedRule", "properties"], &["message"]),
    ("region", &["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"], &[]),
];

fn conforms(v: &Value, definition: &str) {
    let (_, allowed, required) = SCHEMA
        .iter()
        .find(|(name, _, _)| *name == definition)
        .unwrap();
    let object = v
        .as_object()
        .unwrap_or_else(|| panic!("{definition}: not an object"));
    for key in object.keys() {
        assert!(allowed.contains(&key.as_str()), "{definition}: key {key}");
    }
    for key in *required {
        assert!(object.contains_key(*key), "{definition}: missing {key}");
    }
}

#[test]
fn sarif_conforms_to_the_2_1_0_schema() {
    let log = sarif(&[SEED, "examples/"]);
    conforms(&log, "sarifLog");
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    conforms(run, "run");
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    conforms(&run["tool"], "tool");
    let driver = &run["tool"]["driver"];
    conforms(driver, "toolComponent");
    assert_eq!(driver["name"], "gwlint");
    let rules = driver["rules"].as_array().unwrap();
    let rules_listed = stdout_of(&["rules"]).lines().count() - 1;
    assert_eq!(rules.len(), rules_listed);
    for rule in rules {
        conforms(rule, "reportingDescriptor");
        for key in ["shortDescription", "fullDescription", "help"] {
            conforms(&rule[key], "multiformatMessageString");
        }
        assert!(rule["help"]["text"].as_str().unwrap().contains("## 为什么"));
        conforms(&rule["defaultConfiguration"], "reportingConfiguration");
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["none", "note", "warning", "error"].contains(&level));
        let tags = rule["properties"]["tags"].as_array().unwrap();
        assert!(tags.iter().all(Value::is_string));
    }
    conforms(&run["invocations"][0], "invocation");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    // originalUriBaseIds: an absolute file: URI ending in "/" (SARIF 3.14.14).
    let base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let mut fingerprints = std::collections::HashSet::new();
    for result in run["results"].as_array().unwrap() {
        conforms(result, "result");
        // Unique within a file.
        let fingerprint = result["partialFingerprints"]["gwlint/v1"].as_str().unwrap();
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert!(
            fingerprints.insert(format!("{uri}{fingerprint}")),
            "{fingerprint}"
        );
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
        assert!(["none", "note", "warning", "error"].contains(&result["level"].as_str().unwrap()));
        conforms(&result["message"], "message");
        assert!(result["message"]["text"].is_string());
        for location in result["locations"].as_array().unwrap() {
            conforms(location, "location");
            let physical = &location["physicalLocation"];
            conforms(physical, "physicalLocation");
            conforms(&physical["artifactLocation"], "artifactLocation");
            let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
            assert!(uri.is_ascii() && !uri.contains(' '), "{uri}");
            assert_eq!(physical["artifactLocation"]["uriBaseId"], "SRCROOT");
            let region = &physical["region"];
            conforms(region, "region");
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(region[key].as_u64().unwrap() >= 1, "{key}");
            }
        }
    }
}

#[test]
fn github_properties_and_data_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c%.txt");
    std::fs::write(&path, "一是加强学习。\n").unwrap();
    let out = gwlint()
        .args(["check", "--quiet", "--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.contains("a%2Cb%3Ac%25.txt,line=1,col=1,"), "{line}");
    // The message keeps its Chinese comma; the help is on a second line.
    assert!(
        line.ends_with("::只有“一是”，没有“二是”%0A补全“二是”等后续各项，或删去“一是”\n"),
        "{line}"
    );
}

#[test]
fn output_goes_to_the_file_and_the_summary_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("gwlint.sarif");
    let out = gwlint()
        .args(["check", "--format", "sarif", "--select", "N,S", "--output"])
        .arg(&out_path)
        .arg(SEED)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(written["runs"][0]["results"].as_array().unwrap().len(), 11);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr
            .starts_with("gwlint：检查 1 个文件，发现 11 个问题（错误 1，警告 10，提示 0），其中 7 个可用 --fix 修复，用时 "),
        "{stderr}"
    );
    // Not a terminal here: no progress drawing on stderr.
    assert!(!stderr.contains('\r'));
}

/// Run from a subfolder of a repository, SARIF paths are relative to the repository root
/// (what code scanning resolves); a run that exits 2 marks its invocation failed, so an
/// empty result list does not close open alerts.
#[test]
fn sarif_paths_from_the_repository_root_and_failed_runs_marked() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let docs = repo.path().join("公文").join("2024");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "一是加强学习。\n").unwrap();
    let run_in = |dir: &std::path::Path, args: &[&str]| -> (Option<i32>, Value) {
        let out = gwlint()
            .current_dir(dir)
            .args(["check", "--quiet", "--format", "sarif", "--select", "N107"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    };
    for (dir, arg) in [(repo.path(), "公文/2024/a.txt"), (docs.as_path(), "a.txt")] {
        let (status, log) = run_in(dir, &[arg]);
        assert_eq!(status, Some(1));
        let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"],
            json!({ "uri": "%E5%85%AC%E6%96%87/2024/a.txt", "uriBaseId": "SRCROOT" }),
            "run in {}",
            dir.display()
        );
    }
    // A file that cannot be read: exit 2, the invocation failed with the reason.
    std::fs::write(docs.join("b.txt"), [0xffu8, 0xfe, 0x00, 0xd8]).unwrap();
    let (status, log) = run_in(&docs, &["b.txt", "nothing-here.txt"]);
    assert_eq!(status, Some(2));
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().all(|n| n["level"] == "error"));
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("nothing-here.txt"));
    assert!(notes[1]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("b.txt"));
}
