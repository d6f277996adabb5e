//! The PDF reader on arbitrary bytes: an error or a document, never a
//! panic or a hang; markers and note spans within the rendering.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = footcite::input::pdf::read(data) {
        let len = doc.source.text().len();
        for marker in &doc.markers {
            assert!(marker.range.end <= len, "marker out of the rendering");
        }
        for note in &doc.footnotes {
            assert!(note.line <= note.end_line);
        }
    }
});
