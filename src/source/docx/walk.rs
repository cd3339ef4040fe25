//! A walk over the events of one XML part, shared by the readers of `styles.xml`,
//! `numbering.xml` and the stories: it keeps the element depth, leaves out whole elements
//! the reader does not want (`mc:Fallback`, deleted text …) and fails on a part that ends
//! inside an element.

use std::ops::Range;

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;

use super::{next, unclosed, XmlError};

/// One step of a [`Walk`].
pub(super) enum Step<'a> {
    /// An element starts; `empty` when it is written `<x/>` (no [`Step::Close`] follows).
    Open {
        element: BytesStart<'a>,
        empty: bool,
    },
    Close(BytesEnd<'a>),
    /// Anything else: text, CDATA, references, comments.
    Other(Event<'a>),
}

pub(super) struct Walk<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    /// The depth inside an element left out (0: none).
    skipping: usize,
    /// The bytes of the last step's event.
    last: Range<usize>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(xml: &'a str) -> Self {
        Self {
            reader: Reader::from_str(xml),
            depth: 0,
            skipping: 0,
            last: 0..0,
        }
    }

    /// The next step, or `None` at the end of the part. An element whose start `skip`
    /// accepts is left out with all it holds (an empty one is not).
    pub(super) fn next(
        &mut self,
        skip: impl Fn(&BytesStart<'_>) -> bool,
    ) -> Result<Option<Step<'a>>, XmlError> {
        loop {
            // Events follow each other without gaps: this is where the next one starts.
            let at = self.position();
            let event = next(&mut self.reader)?;
            self.last = at..self.position();
            let step = match event {
                Event::Start(element) => {
                    self.depth += 1;
                    if self.skipping > 0 {
                        self.skipping += 1;
                        continue;
                    }
                    if skip(&element) {
                        self.skipping = 1;
                        continue;
                    }
                    Step::Open {
                        element,
                        empty: false,
                    }
                }
                Event::End(element) => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.skipping > 0 {
                        self.skipping -= 1;
                        continue;
                    }
                    Step::Close(element)
                }
                Event::Eof if self.depth == 0 => return Ok(None),
                Event::Eof => return Err(unclosed(&self.reader)),
                _ if self.skipping > 0 => continue,
                Event::Empty(element) => Step::Open {
                    element,
                    empty: true,
                },
                other => Step::Other(other),
            };
            return Ok(Some(step));
        }
    }

    /// The bytes of the event of the last step.
    pub(super) fn last(&self) -> Range<usize> {
        self.last.clone()
    }

    /// Where the reader is, for an error about the last step.
    pub(super) fn error_offset(&self) -> u64 {
        self.reader.buffer_position()
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(0)
    }
}
