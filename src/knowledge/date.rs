//! `PartialDate`: the dates of the knowledge files, whose month and day may be unknown.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer};

/// A date whose month and day may be unknown: "2017-10-18", "2017-10" or "2017".
/// A shorter form means the finer part is unknown, not the first day of the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// The first day the date can stand for.
    pub fn earliest(&self) -> Date {
        Date::new(
            self.year,
            self.month.unwrap_or(1) as i8,
            self.day.unwrap_or(1) as i8,
        )
        .expect("validated when parsed")
    }

    /// The last day the date can stand for.
    pub fn latest(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m as i8, d as i8),
            (Some(m), None) => {
                Date::new(self.year, m as i8, 1).map(jiff::civil::Date::last_of_month)
            }
            _ => Date::new(self.year, 12, 31),
        }
        .expect("validated when parsed")
    }

    /// Whether year, month and day are all known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("日期“{s}”应写作 YYYY-MM-DD、YYYY-MM 或 YYYY");
        let mut parts = s.split('-');
        let year: i16 = parts
            .next()
            .filter(|p| p.len() == 4)
            .and_then(|p| p.parse().ok())
            .ok_or_else(bad)?;
        let two = |p: Option<&str>| -> Result<Option<u8>, String> {
            p.map(|p| {
                if p.len() == 2 {
                    p.parse::<u8>().map_err(|_| bad())
                } else {
                    Err(bad())
                }
            })
            .transpose()
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let date = PartialDate { year, month, day };
        Date::new(year, month.unwrap_or(1) as i8, day.unwrap_or(1) as i8)
            .map_err(|_| format!("日期“{s}”不存在"))?;
        Ok(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_span_their_period() {
        let d: PartialDate = "2017-10".parse().unwrap();
        assert_eq!(
            d,
            PartialDate {
                year: 2017,
                month: Some(10),
                day: None
            }
        );
        assert_eq!(d.earliest(), Date::constant(2017, 10, 1));
        assert_eq!(d.latest(), Date::constant(2017, 10, 31));
        let y: PartialDate = "2024".parse().unwrap();
        assert_eq!(
            (y.earliest(), y.latest()),
            (Date::constant(2024, 1, 1), Date::constant(2024, 12, 31))
        );
        let f: PartialDate = "2024-02-29".parse().unwrap();
        assert!(f.is_full());
        assert_eq!(f.latest(), Date::constant(2024, 2, 29));
        assert_eq!(f.to_string(), "2024-02-29");
        assert_eq!(d.to_string(), "2017-10");
        for bad in [
            "2023-02-30",
            "2023-13",
            "23-01-01",
            "2023-1-1",
            "2023-01-01-01",
            "",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }
}
