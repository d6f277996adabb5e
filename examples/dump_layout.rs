fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let doc = footcite::layout::read(&text);
    for n in &doc.footnotes {
        println!(
            "{} L{}-{} p{} marker={:?}\n   {}",
            n.number,
            n.line,
            n.end_line,
            n.page,
            n.marker.map(|m| (m.line, m.column)),
            n.text
        );
    }
    println!(
        "markers: {:?}",
        doc.markers
            .iter()
            .map(|m| (m.number, m.pos.line, m.pos.column))
            .collect::<Vec<_>>()
    );
    println!("symbol notes: {:?}", doc.symbol_notes);
    println!("headers: {:?} pages {}", doc.header_lines, doc.page_count);
    println!("front: {:?}", doc.front);
}
