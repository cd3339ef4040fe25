//! The small rules files compiled into the binary (`rules/structure.toml`,
//! `rules/context.toml`, `rules/language.toml`, `rules/spelling.toml`,
//! `rules/profiles/*.toml`): `build.rs` (`build/knowledge.rs`) parses each TOML file and
//! writes it as JSON, which serde_json reads into the same types many times faster than a
//! TOML parser: start-up parses no TOML. A file that is not TOML fails the build; its
//! shape is checked by the tests that load it, and each loader's test compares the JSON
//! reading with the TOML one.

include!(concat!(env!("OUT_DIR"), "/rules_json.rs"));

/// The rules file `path` (as "rules/structure.toml") read into `T` from its JSON.
pub(crate) fn read<T: serde::de::DeserializeOwned>(path: &str) -> T {
    let json = json(path).unwrap_or_else(|| panic!("build.rs compiled no {path}"));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{path} (the tests load it): {e}"))
}

/// The rules file `path` read from its TOML text, as the tests compare it with [`read`].
#[cfg(test)]
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(path: &str) -> T {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::read_toml;

    /// The JSON reads into exactly what the TOML gives (fresh values: some hold state
    /// built on first use).
    #[test]
    fn the_json_reads_as_the_toml() {
        use crate::context::cues::Cues;
        use crate::document::vocabulary::Vocabulary;
        use crate::profile::Profile;
        fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>(path: &str) {
            let json: T = super::read(path);
            let toml: T = read_toml(path);
            assert_eq!(format!("{json:?}"), format!("{toml:?}"), "{path}");
        }
        same::<Vocabulary>("rules/structure.toml");
        same::<Cues>("rules/context.toml");
        for profile in Profile::all() {
            same::<Profile>(&format!("rules/profiles/{}.toml", profile.id));
        }
    }

    #[test]
    fn every_rules_file_but_the_knowledge_is_compiled() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for sub in ["rules", "rules/profiles"] {
            for entry in std::fs::read_dir(folder.join(sub)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                let path = format!("{sub}/{name}");
                let knowledge = crate::knowledge::EMBEDDED.iter().any(|(p, _)| *p == path);
                if path.ends_with(".toml") && !knowledge {
                    let json: serde_json::Value =
                        serde_json::from_str(super::json(&path).unwrap()).unwrap();
                    let toml: serde_json::Value =
                        serde_json::to_value(super::read_toml::<toml::Value>(&path)).unwrap();
                    assert_eq!(json, toml, "{path}");
                }
            }
        }
    }
}
