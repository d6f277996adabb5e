//! Parse notes given one per line on stdin and print what the grammar made
//! of each citation: a probe for grammar work.
use footcite::cite::note::parse_note;
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let note = parse_note(&line);
        println!("{line}");
        for c in &note.citations {
            let text = line.get(c.range.clone()).unwrap_or("");
            println!("  [{text}]\n  => {:#?}", c.parsed);
            println!("  locator {:?}, unparsed {:?}", c.locator, c.unparsed);
        }
        println!("  commentary {:?}", note.commentary);
    }
}
