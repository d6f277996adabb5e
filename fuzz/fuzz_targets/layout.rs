//! Layout reading on arbitrary text: no panic, no hang, spans in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = footcite::layout::read(text);
    let len = doc.source.text().len();
    for note in &doc.footnotes {
        for seg in note.map.segments() {
            assert!(seg.source() + seg.len() <= len, "segment out of the source");
            assert!(seg.derived() + seg.len() <= note.text.len(), "segment out of the note");
        }
        assert!(note.line <= note.end_line);
    }
    for marker in &doc.markers {
        assert!(marker.range.end <= len, "marker out of the source");
    }
});
