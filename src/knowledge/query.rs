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
    /// plenum; other events expire on `superseded-on`; superseded terms on `since`.
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
                e.superseded_on
            }
            Target::Superseded(i) => Some(self.superseded[i].since),
            _ => None,
        }
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
