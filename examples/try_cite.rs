fn main() {
    for text in std::env::args().skip(1) {
        let note = footcite::cite::note::parse_note(&text);
        println!("{note:#?}");
    }
}
