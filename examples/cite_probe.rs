//! Parse citations given one per line on stdin and print what the grammar
//! made of them: a probe for grammar work.
use footcite::cite::{chinese, english, Span};
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let span = Span::new(line.as_str());
        let parse = footcite::cite::gbt::citation(span)
            .or_else(|| chinese::citation(span))
            .or_else(|| english::citation(span));
        println!("{line}\n  => {parse:#?}");
    }
}
