//! `profiles = ["..."]` in gwlint.toml: the user's own document profiles, read and
//! checked like the built-in ones (unknown keys, empty names, a profile no title can
//! select), each error pointing at the entry that names the file.

use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use super::{ConfigError, Error};
use crate::profile::{Profile, ProfileSet};

/// Reads the files named in `entries` (relative to `dir`) into a profile set, shared by
/// `Arc` among the files under this configuration and dropped with them (a language
/// server that reloads its configuration after each save keeps only the current set).
pub(super) fn load(
    dir: &Path,
    entries: &[Spanned<String>],
    err: &impl Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
) -> Result<Arc<ProfileSet>, Error> {
    let mut profiles: Vec<Arc<Profile>> = Vec::new();
    for entry in entries {
        let at = Some(entry.span());
        let path = dir.join(entry.get_ref());
        let text = crate::small_file::read(&path).map_err(|e| {
            err(
                at.clone(),
                format!("文种文件“{}”无法读取：{e}", path.display()),
            )
        })?;
        let profile = parse(&text).map_err(|message| {
            err(
                at.clone(),
                format!("文种文件“{}”有误：{message}", path.display()),
            )
            .with_help(
                "格式见 gwlint 自带的 rules/profiles/*.toml；用 gwlint rule profiles 查看全部文种",
            )
        })?;
        if profiles.iter().any(|p| p.id == profile.id) {
            return Err(err(at, format!("文种 id“{}”重复", profile.id)).into());
        }
        profiles.push(Arc::new(profile));
    }
    Ok(Arc::new(ProfileSet::with_user(profiles)))
}

/// Parses and checks one profile file like the built-in ones.
fn parse(text: &str) -> Result<Profile, String> {
    let profile: Profile = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        match line {
            Some(line) => format!("第 {line} 行：{}", e.message().trim()),
            None => e.message().trim().to_string(),
        }
    })?;
    let problems = profile.problems();
    if !problems.is_empty() {
        return Err(problems.join("；"));
    }
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::super::{resolve, Overrides};
    use super::*;

    fn config(dir: &Path, profile_file: &str) -> Result<super::super::Resolved, Error> {
        std::fs::write(dir.join("本单位请示.toml"), profile_file).unwrap();
        let path = dir.join("gwlint.toml");
        let text = "profiles = [\"本单位请示.toml\"]\nprofile = \"own-request\"\n";
        resolve(
            &path,
            text,
            &Overrides::default(),
            jiff::civil::date(2024, 1, 1),
        )
    }

    #[test]
    fn a_user_profile_is_loaded_and_selectable_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let resolved = config(
            dir.path(),
            "id = \"own-request\"\nname = \"本单位请示\"\ntitle-ends-with = [\"请示\"]\nsource = \"本单位公文处理办法\"\n",
        )
        .unwrap();
        assert_eq!(
            resolved.base.profile.as_deref().map(|p| p.name.as_str()),
            Some("本单位请示")
        );
        assert!(resolved.base.profiles.by_id("notice").is_some());
    }

    #[test]
    fn files_under_one_configuration_share_its_profiles_and_a_reload_frees_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("本单位请示.toml"),
            "id = \"own-request\"\nname = \"本单位请示\"\ntitle-ends-with = [\"请示\"]\nsource = \"本单位公文处理办法\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("gwlint.toml"),
            "profiles = [\"本单位请示.toml\"]\n",
        )
        .unwrap();
        let mut resolver = super::super::Resolver::new(
            Overrides::default(),
            super::super::Source::Nearest,
            jiff::civil::date(2024, 1, 1),
        )
        .unwrap();
        let a = resolver.settings_for(&dir.path().join("a.txt")).unwrap();
        let b = resolver.settings_for(&dir.path().join("b.txt")).unwrap();
        assert!(Arc::ptr_eq(&a.profiles, &b.profiles));
        // Built-in profiles in a user's set are the process's own, not copies.
        let notice = a.profiles.by_id("notice").unwrap();
        assert!(Arc::ptr_eq(
            notice,
            &crate::profile::Profile::by_id("notice").unwrap()
        ));
        // Once the settings and the resolver are gone, nothing holds the user's set.
        let weak = Arc::downgrade(&a.profiles);
        drop((a, b, resolver));
        assert!(weak.upgrade().is_none());
    }

    #[test]
    fn a_broken_user_profile_is_an_error_at_its_entry() {
        let dir = tempfile::tempdir().unwrap();
        for (file, says) in [
            (
                "id = \"own-request\"\nname = \"本单位请示\"\ntitle-endswith = [\"请示\"]\nsource = \"x\"\n",
                "第 3 行",
            ),
            (
                "id = \"own-request\"\nname = \"本单位请示\"\nsource = \"x\"\n",
                "至少写一项",
            ),
            (
                "id = \"Own Request\"\nname = \"本单位请示\"\ntitle-ends-with = [\"请示\"]\nsource = \"x\"\n",
                "小写英文字母",
            ),
        ] {
            match config(dir.path(), file) {
                Err(Error::Config(e)) => {
                    let shown = e.to_string();
                    assert!(shown.contains(says), "{shown}");
                }
                other => panic!("expected a config error, got {other:?}"),
            }
        }
    }
}
