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
            if std::env::var_os("PROBE_LONG").is_some() {
                println!("  [{text}]\n  => {:#?}", c.parsed);
            } else {
                println!("  [{text}]\n  => {}", compact(&format!("{:?}", c.parsed)));
            }
            println!("  locator {:?}, unparsed {:?}", c.locator, c.unparsed);
        }
        println!("  commentary {:?}", note.commentary);
    }
}

/// The record's debug text without its empty fields (`PROBE_LONG=1` shows
/// them all).
fn compact(debug: &str) -> String {
    let mut out = debug.to_string();
    for (from, to) in [
        ("Some(", "("),
        ("particle: None, ", ""),
        ("suffix: None, ", ""),
        ("literal: None, ", ""),
        ("static_ordering: None ", ""),
    ] {
        out = out.replace(from, to);
    }
    out.split(", ")
        .filter(|part| !part.ends_with(": None") && !part.ends_with(": []"))
        .collect::<Vec<_>>()
        .join(", ")
}
