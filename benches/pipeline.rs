//! Criterion benches of the stages: layout reading, citation parsing,
//! resolution, and the exports. Inputs: the reference paper and a corpus of
//! 2,000 notes made by the `make-corpus` generator's rules (built here from
//! the paper's notes repeated, so the bench needs no generated file).
//!
//! `cargo bench` runs them; `cargo bench --no-run` only builds them (CI).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;

const PAPER: &str = include_str!("../refs/tsai-2006-russia-china-military-ties.txt");

/// The reference paper's notes, renumbered and repeated into a paper of
/// `copies` times its length (pages kept, markers renumbered too).
fn bigger_paper(copies: usize) -> String {
    let doc = footcite::layout::read(PAPER);
    let mut out = String::from(" 標題 \n\n作者 \n\n");
    let sep = " ".repeat(49);
    let mut n = 0;
    for _ in 0..copies {
        for note in &doc.footnotes {
            n += 1;
            out.push_str(&format!("正文第 {n} 段的說明。{n}其後的正文。\n\n"));
            out.push_str(&format!("{sep}\n{n} {}\n 下一頁的正文。\n\n", note.text));
        }
    }
    out
}

fn layout(c: &mut Criterion) {
    let big = bigger_paper(20);
    let mut g = c.benchmark_group("layout");
    g.throughput(Throughput::Bytes(PAPER.len() as u64));
    g.bench_function("read paper", |b| {
        b.iter(|| footcite::layout::read(black_box(PAPER)))
    });
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("read 20x paper", |b| {
        b.iter(|| footcite::layout::read(black_box(&big)))
    });
    g.finish();
}

fn citations(c: &mut Criterion) {
    let doc = footcite::layout::read(PAPER);
    let notes: Vec<String> = doc.footnotes.iter().map(|f| f.text.clone()).collect();
    let bytes: usize = notes.iter().map(String::len).sum();
    let mut g = c.benchmark_group("cite");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("parse_note x48", |b| {
        b.iter(|| {
            for n in &notes {
                black_box(footcite::cite::note::parse_note(black_box(n)));
            }
        })
    });
    g.finish();
}

fn extract_and_export(c: &mut Criterion) {
    let big = bigger_paper(20);
    let ex = footcite::extract(&big).expect("the corpus has notes");
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("extract 20x paper", |b| {
        b.iter(|| footcite::extract(black_box(&big)))
    });
    g.bench_function("biblatex", |b| {
        b.iter(|| {
            footcite::export::to_biblatex(black_box(&ex.works), footcite::export::Dialect::Biblatex)
        })
    });
    g.bench_function("csl-json", |b| {
        b.iter(|| footcite::export::to_csl_json(black_box(&ex.works)))
    });
    g.bench_function("latex", |b| {
        b.iter(|| footcite::export::to_latex(black_box(&ex)))
    });
    g.bench_function("check", |b| {
        b.iter_batched(
            || (),
            |()| footcite::check::check_extraction(black_box(&ex)),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, layout, citations, extract_and_export);
criterion_main!(benches);
