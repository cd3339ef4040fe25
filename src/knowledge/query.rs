//! Questions the rules ask of the knowledge: an event by id, when citing an entry as
//! current guidance expires, whether it has expired at a date.

use jiff::civil::Date;

use super::{Event, EventKind, Knowledge, PartialDate, Target};

impl Knowledge {
    /// The event with this id, with its index (as used by [`Target::Event`]).
    pub fn event_by_id(&self, id: &str) -> Option<(usize, &Event)> {
        self.events.iter().enumerate().find(|(_, e)| e.id == id)
    }

    /// The date from which citing `target` as current guidance is outdated.
    ///
    /// Plenums of one 届 accumulate (“十八大和十八届三中、四中全会精神” is right in
    /// 2015), so a plenum expires with the next national congress, not with the next
    /// plenum; a campaign expires when it ends (or is superseded, if earlier); other
    /// events expire on `superseded-on`; superseded terms on `since`.
    pub fn guidance_expires(&self, target: Target) -> Option<PartialDate> {
        match target {
            Target::Event(i) => {
                let e = &self.events[i];
                if e.kind == EventKind::Plenum {
                    if let Some(term) = e.term {
                        let next = self.events.iter().find(|c| {
                            c.kind == EventKind::NationalCongress && c.ordinal == Some(term + 1)
                        });
                        return next.and_then(|c| c.start);
                    }
                }
                if e.kind == EventKind::Campaign {
                    return match (e.end, e.superseded_on) {
                        (Some(a), Some(b)) => Some(if a.latest() <= b.latest() { a } else { b }),
                        (a, b) => a.or(b),
                    };
                }
                e.superseded_on
            }
            Target::Superseded(i) => Some(self.superseded[i].since),
            _ => None,
        }
    }

    /// The event of the same series that is the current one at `date`: the national
    /// congress for congresses and plenums (plenums accumulate within a 届), the NPC
    /// term for NPC terms, the NPC session for sessions, and for the other kinds the
    /// last held successor along `superseded-by`.
    pub fn current_in_series(&self, event: &Event, date: Date) -> Option<&Event> {
        let latest_of = |kind: EventKind| {
            self.events
                .iter()
                .filter(|e| e.kind == kind && e.has_started_by(date))
                .max_by_key(|e| e.start.map(|d| d.earliest()))
        };
        match event.kind {
            EventKind::NationalCongress | EventKind::Plenum => {
                latest_of(EventKind::NationalCongress)
            }
            EventKind::Npc | EventKind::NpcSession => latest_of(event.kind),
            _ => {
                let mut current = None;
                let mut at = event;
                for _ in 0..64 {
                    let Some((_, next)) = at
                        .superseded_by
                        .as_deref()
                        .and_then(|id| self.event_by_id(id))
                    else {
                        break;
                    };
                    // A plan dated only by its year ("2026") has begun on its first day.
                    if next.start.is_none_or(|s| date < s.earliest()) {
                        break;
                    }
                    current = Some(next);
                    at = next;
                }
                current
            }
        }
    }

    /// For an event not known to have been held: the first day it can take place —
    /// `expected-from`, else from its series' cadence after its predecessor (a party
    /// congress, national or provincial, every five years, so not within four and a
    /// half years of the last; an NPC session every year, so not before the next January). `None`
    /// for an event already held or with no cadence (plenums).
    pub fn not_held_before(&self, event: &Event) -> Option<Date> {
        if event.start.is_some() {
            return None;
        }
        if let Some(d) = event.expected_from {
            return Some(d.earliest());
        }
        let previous = self.events.iter().find(|e| {
            e.kind == event.kind
                && match event.kind {
                    EventKind::NationalCongress => {
                        event.ordinal.is_some() && e.ordinal.map(|n| n + 1) == event.ordinal
                    }
                    EventKind::NpcSession => {
                        e.term == event.term && e.ordinal.map(|n| n + 1) == event.ordinal
                    }
                    EventKind::ProvincialCongress => {
                        e.superseded_by.as_deref() == Some(event.id.as_str())
                    }
                    _ => false,
                }
        })?;
        let held = previous.start?.earliest();
        match event.kind {
            EventKind::NpcSession => Date::new(held.year() + 1, 1, 1).ok(),
            _ => held.checked_add(jiff::Span::new().years(4).months(6)).ok(),
        }
    }

    /// The day up to which the knowledge can be trusted to know “the current one”: the
    /// latest of the files' `reviewed` dates and of the events known to have begun. A
    /// user's file with a later review date or later events moves it.
    pub fn horizon(&self) -> Option<Date> {
        self.events
            .iter()
            .filter_map(|e| e.start.map(|d| d.earliest()))
            .chain(self.reviewed.map(|d| d.latest()))
            .max()
    }

    /// True when findings about “the current one” may be missing at `as_of`: it is more
    /// than six months past [`Knowledge::horizon`].
    pub fn is_outdated_at(&self, as_of: Date) -> bool {
        self.horizon()
            .and_then(|h| h.checked_add(jiff::Span::new().months(6)).ok())
            .is_some_and(|limit| as_of > limit)
    }

    /// The latest event of `kind` that has begun (by start date).
    pub fn latest_of_kind(&self, kind: EventKind) -> Option<&Event> {
        self.events
            .iter()
            .filter(|e| e.kind == kind && e.start.is_some())
            .max_by_key(|e| e.start.map(|d| d.earliest()))
    }

    /// True when `date` is certainly on or after [`Knowledge::guidance_expires`].
    ///
    /// The day itself does not count: the report of a congress, read on its opening day,
    /// still speaks the words it is about to replace.
    pub fn is_stale_at(&self, target: Target, date: Date) -> bool {
        self.guidance_expires(target)
            .is_some_and(|d| date > d.latest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plenums_expire_with_the_next_congress() {
        let k = Knowledge::embedded();
        let (i, _) = k.event_by_id("cc18-3").unwrap();
        assert_eq!(
            k.guidance_expires(Target::Event(i)).unwrap().to_string(),
            "2017-10-18"
        );
        assert!(!k.is_stale_at(Target::Event(i), Date::constant(2015, 3, 1)));
        assert!(k.is_stale_at(Target::Event(i), Date::constant(2023, 3, 1)));
    }
}
