//! Print footcite's plain-text rendering of a PDF or DOCX, with each
//! line's number (what line numbers in diagnostics refer to).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let format = footcite::input::sniff(&bytes);
    match footcite::input::read_binary(format, &bytes) {
        Ok(Some(doc)) => {
            let notes: std::collections::HashMap<usize, u32> =
                doc.footnotes.iter().map(|f| (f.line, f.number)).collect();
            let marks: Vec<(usize, u32)> = doc
                .markers
                .iter()
                .map(|m| (m.pos.line as usize, m.number))
                .collect();
            eprintln!("marks (line, number): {marks:?}");
            for n in 1..=doc.source.line_count() {
                let tag = notes.get(&n).map_or(String::new(), |k| format!("[{k}]"));
                println!("{n:5}{tag:>5} {}", doc.source.line(n).trim_end());
            }
        }
        Ok(None) => eprintln!("not a PDF or DOCX"),
        Err(e) => eprintln!("{e}"),
    }
}
