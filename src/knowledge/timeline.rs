//! `[[event]]` tables: dated events (congresses, plenums, NPC terms, five-year plans,
//! education campaigns, provincial congresses, renamed institutions) and every literal
//! form people write for them.

use jiff::civil::Date;
use serde::Deserialize;

use super::entry::entry_type;
use super::PartialDate;

/// What an event is; decides how rules read "superseded" for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// 党的全国代表大会 (十四大 …).
    NationalCongress,
    /// 中央委员会全体会议 (十八届三中全会 …); `term` is the 届, `ordinal` the 中全会.
    Plenum,
    /// 全国人民代表大会 term (十三届全国人大 …).
    Npc,
    /// One session of an NPC term (十三届全国人大四次会议); `term` is the 届, `ordinal`
    /// the 次. Held every March (2020: May).
    NpcSession,
    /// 五年计划/规划 (“十五”计划 … “十五五”规划).
    FiveYearPlan,
    /// The outline (纲要) of a five-year plan, adopted by the NPC on a known day.
    PlanOutline,
    /// 党内集中学习教育 (群众路线教育实践活动 …).
    Campaign,
    /// 省级党代会; `province` names the province.
    ProvincialCongress,
    /// An institution renamed, merged or created by a reform.
    Institution,
}

entry_type! {
    /// One `[[event]]` entry.
    pub struct Event {
        pub id: String,
        pub kind: EventKind,
        pub name: String,
        /// Literal forms that always name this event.
        #[serde(default)]
        pub aliases: Vec<String>,
        /// Forms such as “省第十一次党代会” that name it only in a document of `province`.
        #[serde(default)]
        pub generic_aliases: Vec<String>,
        /// A match is ignored when the text right before it ends with one of these
        /// (e.g. “委” keeps “县委十八届三中全会” from naming the national plenum).
        #[serde(default)]
        pub not_after: Vec<String>,
        /// Longer phrases that contain an alias but do not name this event
        /// (e.g. “环境保护部门” for the alias “环境保护部”).
        #[serde(default)]
        pub exclude: Vec<String>,
        pub start: Option<PartialDate>,
        pub end: Option<PartialDate>,
        /// From this date on, citing the event as the current one is outdated.
        pub superseded_on: Option<PartialDate>,
        /// For an event not known to have been held yet: the period in which it is expected
        /// (by its series' cadence: a congress every five years, an NPC session every
        /// March). It cannot have taken place before `expected-from`.
        pub expected_from: Option<PartialDate>,
        /// … and is due by the end of `expected-by`.
        pub expected_by: Option<PartialDate>,
        /// The `id` of the event that superseded it.
        pub superseded_by: Option<String>,
        /// What to write now, where the successor is not an event (renamed institutions).
        pub replaced_by: Option<String>,
        /// Short province name for provincial congresses: “四川”.
        pub province: Option<String>,
        /// Congress number, plenum number (the 中全会), plan number, NPC term.
        pub ordinal: Option<u32>,
        /// Plenums: the 届 (18 for 十八届三中全会).
        pub term: Option<u32>,
        /// Whether the reference saw the key dates in a cited source.
        pub confirmed: bool,
    }
}

impl Event {
    /// Every literal form, specific and generic.
    pub fn all_aliases(&self) -> impl Iterator<Item = &str> {
        self.aliases
            .iter()
            .chain(&self.generic_aliases)
            .map(String::as_str)
    }

    /// True when `date` is certainly on or after `superseded-on`
    /// (a partial date counts from its last possible day).
    pub fn is_superseded_at(&self, date: Date) -> bool {
        self.superseded_on.is_some_and(|d| date >= d.latest())
    }

    /// True when the event had certainly begun by `date`; false when its start is
    /// unknown or later.
    pub fn has_started_by(&self, date: Date) -> bool {
        self.start.is_some_and(|d| date >= d.latest())
    }

    /// The first day the event can have taken place: its start, or for an expected
    /// event the start of the period it is expected in.
    pub fn not_before(&self) -> Option<Date> {
        self.start.or(self.expected_from).map(|d| d.earliest())
    }

    /// Whether the event is only expected (no start date known yet).
    pub fn is_expected(&self) -> bool {
        self.start.is_none() && self.expected_from.is_some()
    }

    /// Whether `province` (short “四川” or full “四川省”) is this event's province.
    pub fn in_province(&self, province: &str) -> bool {
        self.province
            .as_deref()
            .is_some_and(|p| !p.is_empty() && province.starts_with(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(toml_text: &str) -> Event {
        toml::from_str(toml_text).unwrap()
    }

    const MINIMAL: &str = r#"
id = "cpc-19"
kind = "national-congress"
name = "中国共产党第十九次全国代表大会"
aliases = ["十九大"]
start = "2017-10-18"
superseded-on = "2022-10-16"
superseded-by = "cpc-20"
confirmed = true
source = "http://example.org/"
"#;

    #[test]
    fn parses_a_minimal_event_and_a_single_source_string() {
        let e = event(MINIMAL);
        assert_eq!(e.kind, EventKind::NationalCongress);
        assert_eq!(e.source, vec!["http://example.org/".to_string()]);
        assert_eq!(e.superseded_by.as_deref(), Some("cpc-20"));
        assert!(e.examples.is_empty());
    }

    #[test]
    fn superseded_and_started_use_the_certain_side_of_partial_dates() {
        let e = event(MINIMAL);
        assert!(!e.is_superseded_at(Date::constant(2022, 10, 15)));
        assert!(e.is_superseded_at(Date::constant(2022, 10, 16)));
        assert!(e.has_started_by(Date::constant(2017, 10, 18)));
        assert!(!e.has_started_by(Date::constant(2017, 10, 17)));

        let month_only = event(&MINIMAL.replace("2022-10-16", "2022-10"));
        assert!(!month_only.is_superseded_at(Date::constant(2022, 10, 30)));
        assert!(month_only.is_superseded_at(Date::constant(2022, 10, 31)));
    }

    #[test]
    fn rejects_unknown_keys() {
        let err = toml::from_str::<Event>(&format!("{MINIMAL}\nfoo = 1\n")).unwrap_err();
        assert!(err.message().contains("unknown field `foo`"), "{err}");
    }

    #[test]
    fn province_matches_short_and_full_names() {
        let mut e = event(MINIMAL);
        e.province = Some("四川".into());
        assert!(e.in_province("四川"));
        assert!(e.in_province("四川省"));
        assert!(!e.in_province("山西"));
    }
}
