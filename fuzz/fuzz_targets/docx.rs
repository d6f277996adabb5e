//! The DOCX reader on arbitrary bytes (and on a zip whose document part is
//! the fuzzer's XML): an error or a document, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = footcite::input::docx::read(data) {
        let len = doc.source.text().len();
        for marker in &doc.markers {
            assert!(marker.range.end <= len, "marker out of the rendering");
        }
    }
});
