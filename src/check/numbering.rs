//! Numbering and markers: notes numbered 1..N without gaps or repeats, each
//! note's marker present in the body exactly once and in order, no marker
//! without its note.
//!
//! The layout reader finds markers by expecting the next number; a marker
//! it was not expecting (a repeat, one out of order) is looked for here
//! with a stricter rule: digits glued to Chinese text or punctuation before
//! them, and not followed by a unit such as `年` or `人`.

use crate::diag::{Diagnostic, Severity};
use crate::extract::Extraction;
use crate::layout::{Document, Footnote};
use crate::source::Pos;
use crate::text::{is_cjk_ideograph, is_cjk_punct};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Every numbering and marker finding of a paper.
pub fn check(ex: &Extraction) -> Vec<Diagnostic> {
    let doc = &ex.document;
    let mut out = Vec::new();
    note_numbers(doc, &mut out);
    markers(doc, &mut out);
    out
}

/// Where a note's number stands on its first line.
fn number_span(doc: &Document, note: &Footnote) -> (Pos, Pos) {
    let line = doc.source.line(note.line);
    let lead = line.chars().take_while(|c| c.is_whitespace()).count();
    let digits = line
        .chars()
        .skip(lead)
        .take_while(char::is_ascii_digit)
        .count()
        .max(1);
    (
        Pos::new(note.line, lead + 1),
        Pos::new(note.line, lead + 1 + digits),
    )
}

fn note_diag(
    doc: &Document,
    note: &Footnote,
    code: &str,
    message: String,
    help: &str,
) -> Diagnostic {
    let (start, end) = number_span(doc, note);
    Diagnostic::new(Severity::Error, code, start, end, message)
        .in_footnote(note.number)
        .with_help(help)
}

fn note_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut first_line: BTreeMap<u32, usize> = BTreeMap::new();
    let mut highest = 0u32;
    for note in &doc.footnotes {
        if let Some(line) = first_line.get(&note.number) {
            out.push(note_diag(
                doc,
                note,
                "note-number-repeated",
                format!(
                    "note {} is numbered again (first at line {line})",
                    note.number
                ),
                "renumber the notes 1, 2, 3 … in order",
            ));
            continue;
        }
        first_line.insert(note.number, note.line);
        if note.number < highest {
            out.push(note_diag(
                doc,
                note,
                "note-number-order",
                format!("note {} comes after note {highest}", note.number),
                "renumber the notes 1, 2, 3 … in order",
            ));
        }
        highest = highest.max(note.number);
    }
    // Gaps: report each run of missing numbers at the note that follows it.
    let present: BTreeSet<u32> = first_line.keys().copied().collect();
    let mut missing: Vec<u32> = Vec::new();
    for n in 1..=highest {
        if present.contains(&n) {
            if let (Some(&from), Some(&to)) = (missing.first(), missing.last()) {
                let note = doc.footnotes.iter().find(|f| f.number == n);
                if let Some(note) = note {
                    let what = if from == to {
                        format!("note {from} is missing")
                    } else {
                        format!("notes {from}–{to} are missing")
                    };
                    let before = from.saturating_sub(1);
                    let message = if before == 0 {
                        format!("{what}: the notes start at {n}")
                    } else {
                        format!("{what}: note {n} follows note {before}")
                    };
                    out.push(note_diag(
                        doc,
                        note,
                        "note-number-gap",
                        message,
                        "renumber the notes, or restore the missing ones",
                    ));
                }
                missing.clear();
            }
        } else {
            missing.push(n);
        }
    }
}

/// Units that follow a number in Chinese prose (`1996 年`, `40 人`): digits
/// before them are a quantity, not a marker.
fn is_unit(c: char) -> bool {
    "年月日期號号版頁页條条章節节人個个輛辆架門门部公里％%歲岁次屆届項项名位萬万億亿千百元美倍成度型式\
     艘枚台臺套座輪轮場场天週周時时分秒尺斤噸吨師师旅團团營营連连軍军級级階阶季波梯批款種种類类家國国所則则點点段回至到多餘余左以"
        .contains(c)
}

/// Characters after which a number counts something (`第 3`, `共 3`).
fn counts_after(c: char) -> bool {
    "第約约近共達达逾計计及和與与或前後后每各僅仅只約近約".contains(c)
}

/// Body lines: not in a note, not a running header, not blank.
fn body_lines(doc: &Document) -> Vec<usize> {
    let mut skip: HashSet<usize> = doc.header_lines.iter().copied().collect();
    for f in &doc.footnotes {
        skip.extend(f.line..=f.end_line);
    }
    skip.extend(doc.symbol_notes.iter().map(|s| s.line));
    (1..=doc.source.line_count())
        .filter(|n| !skip.contains(n) && !doc.source.line(*n).trim().is_empty())
        .collect()
}

/// Digit runs in the body that read as markers but are not among the
/// layout's: `(number, byte offset)`.
fn extra_markers(doc: &Document) -> Vec<(u32, usize)> {
    let known: HashSet<usize> = doc.markers.iter().map(|m| m.range.start).collect();
    let numbers: HashSet<u32> = doc.footnotes.iter().map(|f| f.number).collect();
    let mut out = Vec::new();
    let mut prev_line_last: Option<char> = None;
    // One buffer for all lines (a paper's body has a great many).
    let mut chars: Vec<(usize, char)> = Vec::new();
    for n in body_lines(doc) {
        let line = doc.source.line(n);
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            prev_line_last = line.trim_end().chars().next_back().or(prev_line_last);
            continue;
        }
        let start = doc.source.line_range(n).start;
        chars.clear();
        chars.extend(line.char_indices());
        let mut k = 0;
        while let Some(&(i, c)) = chars.get(k) {
            if !c.is_ascii_digit() {
                k += 1;
                continue;
            }
            let mut e = k;
            while chars.get(e).is_some_and(|(_, c)| c.is_ascii_digit()) {
                e += 1;
            }
            let prev = match k.checked_sub(1).and_then(|p| chars.get(p)) {
                Some((_, p)) => Some(*p),
                None => prev_line_last,
            };
            let next = chars
                .iter()
                .skip(e)
                .map(|(_, c)| *c)
                .find(|c| !c.is_whitespace());
            let glued_after = prev.is_some_and(|p| !counts_after(p))
                && prev.is_some_and(|p| {
                    is_cjk_ideograph(p)
                        || matches!(
                            p,
                            '。' | '，' | '、' | '；' | '」' | '』' | '）' | '》' | '！' | '？'
                        )
                });
            let ends_well = match next {
                None => true,
                Some(c) => !is_unit(c) && (is_cjk_ideograph(c) || is_cjk_punct(c)),
            };
            let digits = line
                .get(i..chars.get(e).map_or(line.len(), |(o, _)| *o))
                .unwrap_or("");
            if glued_after && ends_well && digits.len() <= 3 && !known.contains(&(start + i)) {
                if let Ok(number) = digits.parse::<u32>() {
                    if numbers.contains(&number) {
                        out.push((number, start + i));
                    }
                }
            }
            k = e;
        }
        prev_line_last = line.trim_end().chars().next_back().or(prev_line_last);
    }
    out
}

fn markers(doc: &Document, out: &mut Vec<Diagnostic>) {
    let numbers: BTreeSet<u32> = doc.footnotes.iter().map(|f| f.number).collect();
    let mut count: BTreeMap<u32, usize> = BTreeMap::new();
    let mut highest = 0u32;
    let at = |offset: usize, len: usize| (doc.source.pos(offset), doc.source.pos(offset + len));
    for m in &doc.markers {
        let (start, end) = at(m.range.start, m.range.len());
        if !numbers.contains(&m.number) {
            out.push(
                Diagnostic::new(
                    Severity::Error,
                    "marker-without-note",
                    start,
                    end,
                    format!("marker {} has no note", m.number),
                )
                .with_help("add the note, or remove the marker"),
            );
            continue;
        }
        let seen = count.entry(m.number).or_default();
        *seen += 1;
        if *seen > 1 {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    "marker-repeated",
                    start,
                    end,
                    format!("marker {} appears again in the body", m.number),
                )
                .in_footnote(m.number)
                .with_help("each note is marked once; give a second reference its own note"),
            );
        } else if m.number < highest {
            out.push(
                Diagnostic::new(
                    Severity::Error,
                    "marker-out-of-order",
                    start,
                    end,
                    format!("marker {} comes after marker {highest}", m.number),
                )
                .in_footnote(m.number)
                .with_help("markers run 1, 2, 3 … in reading order: renumber"),
            );
        }
        highest = highest.max(m.number);
    }
    // Markers the layout did not expect: repeats and misplaced ones.
    let mut placed: HashSet<u32> = count.keys().copied().collect();
    // The highest marker number up to each marker, in reading order, so
    // that "a higher marker came before" is a lookup, not a scan.
    let highest_so_far: Vec<u32> = doc
        .markers
        .iter()
        .scan(0u32, |high, m| {
            *high = (*high).max(m.number);
            Some(*high)
        })
        .collect();
    for (number, offset) in extra_markers(doc) {
        let (start, end) = at(offset, number.to_string().len());
        let before = doc.markers.partition_point(|m| m.range.start < offset);
        let after_higher = before
            .checked_sub(1)
            .and_then(|i| highest_so_far.get(i))
            .copied()
            .filter(|high| *high > number);
        if placed.contains(&number) {
            // A digit run that matches a marked note: a second marker only
            // if it stands out of sequence, else it is likely a quantity.
            if after_higher.is_some() {
                out.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "marker-repeated",
                        start,
                        end,
                        format!("`{number}` here reads as a second marker of note {number}"),
                    )
                    .in_footnote(number)
                    .with_help("each note is marked once; give a second reference its own note"),
                );
            }
        } else if let Some(higher) = after_higher {
            placed.insert(number);
            out.push(
                Diagnostic::new(
                    Severity::Error,
                    "marker-out-of-order",
                    start,
                    end,
                    format!("marker {number} comes after marker {higher}"),
                )
                .in_footnote(number)
                .with_help("markers run 1, 2, 3 … in reading order: renumber"),
            );
        } else {
            placed.insert(number);
        }
    }
    // No marker at all: the notes came without their body (a list of
    // endnotes, or a body whose markers could not be read). One warning
    // says so instead of an error per note.
    if placed.is_empty() {
        if let Some(first) = doc.footnotes.first() {
            let mut diag = note_diag(
                doc,
                first,
                "markers-absent",
                format!(
                    "none of the {} notes has a marker in the body, so markers were not checked",
                    doc.footnotes.len()
                ),
                "give the whole paper, body and notes, to check where each note is marked",
            );
            diag.severity = Severity::Warning;
            out.push(diag);
        }
        return;
    }
    for note in &doc.footnotes {
        if !placed.contains(&note.number) {
            out.push(note_diag(
                doc,
                note,
                "marker-missing",
                format!("note {} has no marker in the body", note.number),
                "put the note number after the sentence the note belongs to",
            ));
            placed.insert(note.number);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str, notes: &str) -> Vec<(String, usize, usize)> {
        let text = format!("標題\n\n{body}\n{}\n{notes}\n 正文。\n", " ".repeat(20));
        let ex = crate::extract(&text).unwrap();
        check(&ex)
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    const NOTES: &str = "1 Ibid.\n2 Ibid.\n3 Ibid.";

    #[test]
    fn clean_numbering() {
        assert_eq!(found("甲。1乙。2丙。3", NOTES), []);
    }

    #[test]
    fn gaps_repeats_and_order() {
        let f = found("甲。1乙。2丙。4", "1 Ibid.\n2 Ibid.\n4 Ibid.");
        assert_eq!(f, [("note-number-gap".to_string(), 7, 1)]);
        let f = found("甲。1乙。2丙。3", "1 Ibid.\n2 Ibid.\n2 Ibid.\n3 Ibid.");
        assert!(
            f.contains(&("note-number-repeated".to_string(), 7, 1)),
            "{f:?}"
        );
    }

    #[test]
    fn notes_without_any_marker_give_one_warning() {
        let f = found("甲。乙。丙。", NOTES);
        let codes: Vec<&str> = f.iter().map(|(c, _, _)| c.as_str()).collect();
        assert_eq!(codes, ["markers-absent"]);
    }

    #[test]
    fn missing_and_misplaced_markers() {
        let f = found("甲。1乙。丙。3", NOTES);
        assert_eq!(f, [("marker-missing".to_string(), 6, 1)]);
        let f = found("甲。1乙。3丙。2丁", NOTES);
        assert_eq!(f, [("marker-out-of-order".to_string(), 3, 9)]);
        let f = found("甲。1乙。2丙。3丁。4", NOTES);
        assert_eq!(f, [("marker-without-note".to_string(), 3, 12)]);
    }

    #[test]
    fn repeated_marker() {
        let f = found("甲。1乙。2丙。3丁。1戊", NOTES);
        assert_eq!(f, [("marker-repeated".to_string(), 3, 12)]);
    }

    #[test]
    fn quantities_are_not_markers() {
        assert_eq!(found("甲。1乙，2 年前。2丙。3", NOTES), []);
        assert_eq!(found("甲。1乙。2丙。3共2艘船，第1次", NOTES), []);
    }
}
