//! Reading the little-endian binary tables that build.rs and `scripts/spelling-tables.sh`
//! write and the binary embeds (`data/spelling/char-bigrams.bin`, the set-phrase index):
//! numbers at an offset, and a cursor that hands out the sections one after another.

/// The little-endian `u16` at byte `at`.
pub(crate) fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// The little-endian `u32` at byte `at`.
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The little-endian `u64` at byte `at`.
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// The sections of an embedded table, in the order they were written.
pub(crate) struct Sections {
    bytes: &'static [u8],
    at: usize,
}

impl Sections {
    pub(crate) fn new(bytes: &'static [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    /// The next `len` bytes.
    pub(crate) fn take(&mut self, len: usize) -> &'static [u8] {
        let section = &self.bytes[self.at..self.at + len];
        self.at += len;
        section
    }

    /// The next four bytes as a `u32`.
    pub(crate) fn u32(&mut self) -> u32 {
        u32_at(self.take(4), 0)
    }

    /// Panics unless every byte was read: the table and its reader disagree (a build
    /// error, never a user's input).
    pub(crate) fn finish(self, table: &str) {
        assert_eq!(self.at, self.bytes.len(), "{table}: wrong length");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_come_in_order_and_must_all_be_read() {
        static BYTES: [u8; 10] = [2, 0, 0, 0, 7, 8, 1, 2, 3, 4];
        let mut sections = Sections::new(&BYTES);
        assert_eq!(sections.u32(), 2);
        assert_eq!(sections.take(2), [7, 8]);
        assert_eq!(u16_at(&BYTES, 6), 0x0201);
        assert_eq!(u32_at(&BYTES, 6), 0x0403_0201);
        assert_eq!(sections.take(4), [1, 2, 3, 4]);
        sections.finish("test");
        let short = Sections::new(&BYTES);
        assert!(std::panic::catch_unwind(move || short.finish("test")).is_err());
    }
}
