//! The citation grammar on arbitrary note text: no panic, no hang, every
//! range it returns inside the note and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(text: &str, range: &std::ops::Range<usize>) {
    assert!(range.start <= range.end && range.end <= text.len(), "range out of the note");
    assert!(text.get(range.clone()).is_some(), "range not on char boundaries");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let note = footcite::cite::note::parse_note(text);
    for c in &note.citations {
        check(text, &c.range);
        for r in &c.unparsed {
            check(text, r);
        }
        for f in &c.forms {
            check(text, &f.range);
        }
    }
    for r in &note.commentary {
        check(text, r);
    }
});
