//! Consistency: one form per convention across the paper. For each
//! convention (`Vol.5` against `Vol. 6`, `No.`, `pp.58-94` against
//! `pp. 394-400`, a journal issue's date in parentheses or not, `’` against
//! `'`, `“”` against `""`) the form most citations use is the paper's
//! style, and every citation that deviates is reported with the fix.

use super::{NoteView, Views};
use crate::cite::Parsed;
use crate::diag::{Diagnostic, Severity};
use crate::extract::{CitationRecord, Extraction};
use crate::model::ItemType;
use std::collections::BTreeMap;
use std::ops::Range;

/// One place where a convention is followed one way or another.
#[derive(Debug, Clone)]
struct Use {
    convention: &'static str,
    /// One of a convention's few spellings (`p. N`, `Vol.N`, `’`): never
    /// allocated, as a paper has several uses per citation.
    variant: &'static str,
    /// Index into the notes.
    note: usize,
    range: Range<usize>,
}

/// How often each spelling of one convention is used, in the order the
/// spellings first appear, with where each first appears.
#[derive(Default)]
struct Tally {
    variants: Vec<(&'static str, usize, Use)>,
    total: usize,
}

impl Tally {
    fn add(&mut self, u: &Use) {
        self.total += 1;
        match self.variants.iter_mut().find(|(v, _, _)| *v == u.variant) {
            Some((_, n, _)) => *n += 1,
            None => self.variants.push((u.variant, 1, u.clone())),
        }
    }

    /// The most used spelling (a tie goes to the first used), its count
    /// and its first use; `None` when the paper uses only one.
    fn majority(&self) -> Option<(&'static str, usize, &Use)> {
        if self.variants.len() < 2 {
            return None;
        }
        self.variants
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, n, _))| (*n, std::cmp::Reverse(*i)))
            .map(|(_, (v, n, first))| (*v, *n, first))
    }
}

/// Every use of a convention in the paper, in reading order.
fn each_use(views: &Views, mut visit: impl FnMut(&Use)) {
    let mut found = Vec::new();
    for (vi, view) in views.iter() {
        for c in view.citations() {
            collect(&view, vi, c, &mut found);
            found.iter().for_each(&mut visit);
            found.clear();
        }
    }
}

/// Every consistency finding of a paper.
///
/// Two passes over the uses, which are not held: a paper has several per
/// citation, and the first pass need only count them to know each
/// convention's majority.
pub fn check(ex: &Extraction) -> Vec<Diagnostic> {
    let views = Views::new(ex);
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    each_use(&views, |u| tallies.entry(u.convention).or_default().add(u));
    let majorities: BTreeMap<&'static str, (&'static str, String, String)> = tallies
        .iter()
        .filter_map(|(convention, tally)| {
            let (majority, count, first) = tally.majority()?;
            let example = views
                .get(first.note)
                .map(|v| v.slice(&first.range).trim().to_string())
                .unwrap_or_default();
            let total = tally.total;
            let tie = if count * 2 == total {
                ", the form used first"
            } else {
                ""
            };
            let share = format!("{count} of {total}{tie}, e.g. `{example}`");
            Some((
                *convention,
                (majority, share, describe(convention, majority)),
            ))
        })
        .collect();
    let mut found: BTreeMap<&'static str, Vec<Diagnostic>> = BTreeMap::new();
    each_use(&views, |u| {
        let Some((majority, share, described)) = majorities.get(u.convention) else {
            return;
        };
        if u.variant == *majority {
            return;
        }
        let Some(view) = views.get(u.note) else {
            return;
        };
        let convention = u.convention;
        let written = view.slice(&u.range).trim().to_string();
        let message = format!(
            "`{written}` is written {}; the paper's {} are mostly {described}: {share}",
            describe(convention, u.variant),
            what(convention),
        );
        found.entry(convention).or_default().push(
            view.diag(
                Severity::Warning,
                &format!("inconsistent-{convention}"),
                &u.range,
                message,
            )
            .with_help(fix(convention, majority, &written)),
        );
    });
    found.into_values().flatten().collect()
}

/// The things a convention governs, plural, for messages.
fn what(convention: &str) -> &'static str {
    match convention {
        "volume-label" => "volume labels",
        "issue-label" => "issue labels",
        "page-label" => "page labels",
        "page-label-zh" => "page labels (`頁`)",
        "periodical-date" => "journal issue dates",
        "apostrophe" => "apostrophes",
        "quote-marks" => "quotation marks",
        _ => "citations",
    }
}

/// A variant as messages name it.
fn describe(convention: &str, variant: &str) -> String {
    match (convention, variant) {
        ("periodical-date", v) if v.contains('(') => "in parentheses".to_string(),
        ("periodical-date", _) => "after a comma, without parentheses".to_string(),
        ("apostrophe", v) | ("quote-marks", v) => format!("with `{v}`"),
        (_, v) if v.contains(' ') => format!("with a space (`{v}`)"),
        (_, v) => format!("without a space (`{v}`)"),
    }
}

/// The label of `written` (`Vol.`, `pp.`, `頁`) and the number after it.
fn split_label(written: &str) -> (&str, &str) {
    let end = written
        .find('.')
        .map(|i| i + 1)
        .or_else(|| written.find('頁').map(|i| i + '頁'.len_utf8()))
        .unwrap_or(0);
    (
        written.get(..end).unwrap_or(""),
        written.get(end..).unwrap_or("").trim_start(),
    )
}

/// What to write to follow the paper's majority form.
fn fix(convention: &str, majority: &str, written: &str) -> String {
    match convention {
        "periodical-date" if majority.contains('(') => {
            format!("put the date in parentheses after the issue: `({written})`")
        }
        "periodical-date" => format!(
            "drop the parentheses: `, {}`",
            written.trim_start_matches('(').trim_end_matches(')')
        ),
        "apostrophe" => format!("write `{}`", written.replace(['\'', '’'], majority)),
        "quote-marks" => {
            if majority == "“”" {
                "use curly quotation marks `“…”`".to_string()
            } else {
                "use straight quotation marks `\"…\"`".to_string()
            }
        }
        _ => {
            let (label, number) = split_label(written);
            if majority.contains(' ') {
                format!("write `{label} {number}`")
            } else {
                format!("write `{label}{number}`")
            }
        }
    }
}

/// Does the citation label its volume or issue (`Vol.`, `No.`), or is it a
/// journal article with either? Only then is its date an issue's date.
fn journal_issue(c: &CitationRecord) -> bool {
    let labelled = c
        .raw
        .forms
        .iter()
        .any(|f| f.convention == "volume-label" || f.convention == "issue-label");
    let journal = matches!(&c.raw.parsed, Some(Parsed::Full(item))
        if item.item_type == ItemType::ArticleJournal
            && (item.volume.is_some() || item.issue.is_some()));
    labelled || journal
}

/// `Vol. 6, No. 1 (1997)` → the range of `Vol. 6`.
fn label_and_number(text: &str, range: &Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else {
        return range.clone();
    };
    let Some(dot) = s.find('.') else {
        return range.clone();
    };
    let after = s.get(dot + 1..).unwrap_or("");
    let spaces = after.len() - after.trim_start().len();
    let number = after
        .trim_start()
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.trim_start().len());
    range.start..range.start + dot + 1 + spaces + number
}

fn collect(view: &NoteView, vi: usize, c: &CitationRecord, uses: &mut Vec<Use>) {
    let text = view.text();
    let mut has_page_forms = false;
    for form in &c.raw.forms {
        let (range, variant) = match form.convention {
            "volume-label" | "issue-label" => (label_and_number(text, &form.range), form.variant),
            "periodical-date" if !journal_issue(c) => continue,
            "periodical-date" => {
                let s = view.slice(&form.range);
                let lead = s.len() - s.trim_start().len();
                let trail = s.len() - s.trim_end().len();
                (
                    form.range.start + lead..form.range.end - trail,
                    form.variant,
                )
            }
            "page-label" => {
                has_page_forms = true;
                (form.range.clone(), form.variant)
            }
            _ => (form.range.clone(), form.variant),
        };
        uses.push(Use {
            convention: form.convention,
            variant,
            note: vi,
            range,
        });
    }
    if !has_page_forms {
        page_labels(view, vi, c, uses);
    }
    marks(view, vi, c, uses);
}

/// `p.388`, `pp. 394-400`, `頁 9`: how each page label is spaced.
fn page_labels(view: &NoteView, vi: usize, c: &CitationRecord, uses: &mut Vec<Use>) {
    let start = c.raw.range.start;
    let cite = view.slice(&c.raw.range);
    let mut i = 0;
    while i < cite.len() {
        let rest = cite.get(i..).unwrap_or("");
        let prev = cite.get(..i).and_then(|s| s.chars().next_back());
        let boundary =
            prev.is_none_or(|p| p.is_whitespace() || matches!(p, ',' | '(' | ';' | '，'));
        let label = if !boundary {
            None
        } else if rest.starts_with("pp.") {
            Some(("page-label", "pp.".len()))
        } else if rest.starts_with("p.") {
            Some(("page-label", "p.".len()))
        } else {
            None
        };
        let label = label.or_else(|| {
            (rest.starts_with('頁') && prev.is_none_or(|p| matches!(p, '，' | ',' | ' ' | '；')))
                .then_some(("page-label-zh", '頁'.len_utf8()))
        });
        if let Some((convention, len)) = label {
            let after = rest.get(len..).unwrap_or("");
            let spaces = after.len() - after.trim_start().len();
            let number_len = after
                .trim_start()
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '–' | '/')))
                .unwrap_or(after.trim_start().len());
            let starts_number = after
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
            if starts_number && number_len > 0 && !after.starts_with('\n') {
                // `p.` and `pp.` follow one spacing convention.
                let variant = match (convention, spaces > 0) {
                    ("page-label-zh", true) => "頁 N",
                    ("page-label-zh", false) => "頁N",
                    (_, true) => "p. N",
                    (_, false) => "p.N",
                };
                uses.push(Use {
                    convention,
                    variant,
                    note: vi,
                    range: start + i..start + i + len + spaces + number_len,
                });
                i += len + spaces + number_len;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
}

/// Apostrophes (`China’s` against `Yeltsin's`) and quotation marks (`“`
/// against `"`) in English citations.
fn marks(view: &NoteView, vi: usize, c: &CitationRecord, uses: &mut Vec<Use>) {
    let start = c.raw.range.start;
    let cite = view.slice(&c.raw.range);
    let chars: Vec<(usize, char)> = cite.char_indices().collect();
    let mut straight_quotes = 0;
    for (k, &(i, ch)) in chars.iter().enumerate() {
        let letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|(_, c)| c.is_ascii_alphabetic())
        };
        if matches!(ch, '\'' | '’') && letter(k.checked_sub(1)) && letter(Some(k + 1)) {
            // The word around the apostrophe, for the message.
            let word_start = chars
                .iter()
                .take(k)
                .rposition(|(_, c)| !c.is_alphabetic())
                .map_or(0, |p| p + 1);
            let word_end = chars
                .iter()
                .skip(k + 1)
                .position(|(_, c)| !c.is_alphabetic())
                .map_or(chars.len(), |p| k + 1 + p);
            let from = chars.get(word_start).map_or(i, |(o, _)| *o);
            let to = chars.get(word_end).map_or(cite.len(), |(o, _)| *o);
            uses.push(Use {
                convention: "apostrophe",
                variant: if ch == '\'' { "'" } else { "’" },
                note: vi,
                range: start + from..start + to,
            });
        }
        let opening = match ch {
            '“' => Some("“”"),
            '"' => {
                straight_quotes += 1;
                (straight_quotes % 2 == 1).then_some("\"\"")
            }
            _ => None,
        };
        if let Some(variant) = opening {
            uses.push(Use {
                convention: "quote-marks",
                variant,
                note: vi,
                range: start + i..start + i + ch.len_utf8(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings on a paper whose notes are `notes`, each marked once
    /// in the body.
    fn findings(notes: &str) -> Vec<Diagnostic> {
        let count = notes.lines().count();
        let body: String = (1..=count).map(|n| format!("本文。{n}")).collect();
        let text = format!("標題\n\n{body}\n{}\n{notes}\n 正文。\n", " ".repeat(20));
        let ex = crate::extract(&text).unwrap();
        check(&ex)
    }

    fn found(notes: &str) -> Vec<(String, Option<u32>, String)> {
        findings(notes)
            .into_iter()
            .map(|d| (d.code, d.footnote, d.help.unwrap_or_default()))
            .collect()
    }

    fn a_use(variant: &'static str, note: usize) -> Use {
        Use {
            convention: "page-label",
            variant,
            note,
            range: note..note + 1,
        }
    }

    #[test]
    fn the_tally_names_the_majority_and_its_first_use() {
        let mut tally = Tally::default();
        tally.add(&a_use("p.N", 0));
        assert!(tally.majority().is_none(), "one spelling is consistent");
        for (variant, note) in [("p. N", 1), ("p. N", 2), ("p.N", 3), ("p. N", 4)] {
            tally.add(&a_use(variant, note));
        }
        let (majority, count, first) = tally.majority().unwrap();
        assert_eq!(
            (majority, count, first.note, tally.total),
            ("p. N", 3, 1, 5)
        );
    }

    #[test]
    fn a_tie_goes_to_the_spelling_used_first() {
        let mut tally = Tally::default();
        for (variant, note) in [("p. N", 0), ("p.N", 1), ("p.N", 2), ("p. N", 3)] {
            tally.add(&a_use(variant, note));
        }
        let (majority, count, first) = tally.majority().unwrap();
        assert_eq!((majority, count, first.note), ("p. N", 2, 0));
    }

    /// The message gives the majority's count, the total and its first
    /// use; a tie says the first form wins.
    #[test]
    fn messages_count_the_majority() {
        let messages = |notes: &str| -> Vec<String> {
            findings(notes).into_iter().map(|d| d.message).collect()
        };
        let three = messages(
            "1 Denny Roy, Title One (New York: Norton, 1996), p. 758.\n\
             2 Rajan Menon, Title Two (New York: Norton, 1997), p. 110.\n\
             3 Stephen Blank, Title Three (New York: Norton, 1998), p.58.",
        );
        assert_eq!(
            three,
            ["`p.58` is written without a space (`p.N`); the paper's page labels are mostly with a space (`p. N`): 2 of 3, e.g. `p. 758`"]
        );
        let tie = messages(
            "1 Denny Roy, Title One (New York: Norton, 1996), p.758.\n\
             2 Rajan Menon, Title Two (New York: Norton, 1997), p. 110.",
        );
        assert_eq!(
            tie,
            ["`p. 110` is written with a space (`p. N`); the paper's page labels are mostly without a space (`p.N`): 1 of 2, the form used first, e.g. `p.758`"]
        );
    }

    /// The finding points at the minority's opening mark itself.
    #[test]
    fn a_minority_quote_mark_is_pointed_at() {
        let notes = "1 Denny Roy, “The China Threat Issue,” Asian Survey 36 (1996): 758.\n\
             2 Rajan Menon, “The Strategic Convergence,” Survival 39 (1997): 110.\n\
             3 Stephen J. Blank, “Russo-Chinese Relations,” Issues and Studies 33 (1997): 58.\n\
             4 Ikuo Kayahara, \"China as a Military Power,\" Japan Review 12 (1998): 49.";
        let at: Vec<_> = findings(notes)
            .into_iter()
            .filter(|d| d.code == "inconsistent-quote-marks")
            .map(|d| (d.footnote, d.line, d.column, d.end_column))
            .collect();
        // `4 Ikuo Kayahara, "`: the mark is the 18th character of line 8.
        assert_eq!(at, [(Some(4), 8, 18, 19)]);
    }

    #[test]
    fn minority_spacing_is_reported() {
        let f = found(
            "1 Denny Roy, “The China Threat Issue,” Asian Survey, Vol.36, No.8 (1996), pp.758-771.\n\
             2 Rajan Menon, “The Strategic Convergence,” Survival, Vol.39, No.2 (Summer 1997), p.110.\n\
             3 Stephen J. Blank, “Russo-Chinese Military Relations,” Issues and Studies, Vol. 33, No.11 (November 1997), pp. 58-94.",
        );
        assert_eq!(
            f,
            [
                (
                    "inconsistent-page-label".to_string(),
                    Some(3),
                    "write `pp.58-94`".to_string()
                ),
                (
                    "inconsistent-volume-label".to_string(),
                    Some(3),
                    "write `Vol.33`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn dates_outside_parentheses() {
        let f = found(
            "1 Denny Roy, “The China Threat Issue,” Asian Survey, Vol.36, No.8 (1996), p.758.\n\
             2 Rajan Menon, “The Strategic Convergence,” Survival, Vol.39, No.2 (Summer 1997), p.110.\n\
             3 Ikuo Kayahara, “China as a Military Power,” Japan Review of International Affairs, Vol.12, No.1, Spring 1998, p.49.",
        );
        assert_eq!(
            f,
            [(
                "inconsistent-periodical-date".to_string(),
                Some(3),
                "put the date in parentheses after the issue: `(Spring 1998)`".to_string()
            )]
        );
    }

    #[test]
    fn dates_inside_parentheses_against_a_majority_after_commas() {
        let f = found(
            "1 Denny Roy, “The China Threat Issue,” Asian Survey, Vol.36, No.8, August 1996, p.758.\n\
             2 Rajan Menon, “The Strategic Convergence,” Survival, Vol.39, No.2, Summer 1997, p.110.\n\
             3 Ikuo Kayahara, “China as a Military Power,” Japan Review of International Affairs, Vol.12, No.1 (Spring 1998), p.49.",
        );
        assert_eq!(
            f,
            [(
                "inconsistent-periodical-date".to_string(),
                Some(3),
                "drop the parentheses: `, Spring 1998`".to_string()
            )]
        );
    }

    #[test]
    fn apostrophes() {
        let f = found(
            "1 “China’s Army,” Survival, Vol.1, No.1 (1996), p.1.\n\
             2 “Russia’s Army,” Survival, Vol.2, No.1 (1997), p.1.\n\
             3 “Yeltsin's Army,” Survival, Vol.3, No.1 (1998), p.1.",
        );
        assert_eq!(
            f,
            [(
                "inconsistent-apostrophe".to_string(),
                Some(3),
                "write `Yeltsin’s`".to_string()
            )]
        );
    }
}
