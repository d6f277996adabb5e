//! The biblatex replacement of every footnote.
//!
//! The output has one block per footnote, in the paper's order: a comment
//! line `% N` with the note's number, then the note on one line, ready to
//! paste in place of the hand-written `\footnote{…}`:
//!
//! ```text
//! % 1
//! \footcite[388, 394--400]{lynch1991changing}
//! % 10
//! \footcites[73]{liang1999waiguo}[220]{lou2002diyuan}
//! % 3
//! \footnote{在高峰會後，…請參閱 \cite[11]{sino1989joint}.}
//! ```
//!
//! - A note that is nothing but citations (and the `;` `.` `，` `。` between
//!   them) becomes `\footcite[pages]{key}`, or `\footcites` for several.
//!   Ibid. and short forms cite the same key as the full reference: biblatex's
//!   ibid and short-title styles print "Ibid." and short forms themselves.
//! - A note with commentary becomes `\footnote{…}` with its text kept and
//!   each citation replaced by `\cite[pages]{key}`.
//! - A citation footcite could not resolve to a work stays as text, as does
//!   a note with no citation at all.
//!
//! Text is escaped so that it prints as written: `\ { } $ & # ^ _ % ~`.
//! Page ranges get an en dash (`394--400`); pages that are not numbers
//! (`W11`, `A1/4`) get the `p.~` biblatex would not add, and chapters,
//! sections and notes their abbreviation (`chap.~5`).

use crate::extract::{CitationRecord, Extraction};

/// Which citation commands the replacements use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CiteDialect {
    /// biblatex: `\footcite[388]{key}`, `\footcites`, `\cite` in commentary.
    #[default]
    Biblatex,
    /// natbib (classic BibTeX, `--dialect bibtex`): natbib has no
    /// footnote citations, so every note is `\footnote{…}` and each
    /// citation `\citet[388]{key}`: "Lynch (1991, 388)" reads as a note's
    /// sentence, where `\citep` would set the whole note in parentheses
    /// and plain `\cite` is `\citet` anyway in author–year mode.
    Natbib,
}
use crate::model::{Locator, LocatorLabel};
use crate::resolve::Work;
use std::ops::Range;

/// Escape text so that LaTeX prints it as written.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '_' | '%' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Is this page value made of numbers only (`388, 394-400`, `xv`), so that
/// biblatex adds `p.`/`pp.` itself?
fn numeral_pages(v: &str) -> bool {
    v.split([',', '-', '–', '&']).map(str::trim).all(|part| {
        !part.is_empty()
            && (part.chars().all(|c| c.is_ascii_digit())
                || part
                    .chars()
                    .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x' | 'l' | 'c')))
    })
}

/// The postnote of a citation: its locator as biblatex wants it.
pub fn postnote(loc: &Locator) -> String {
    let value = loc.value.trim();
    let dashed = escape(&value.replace(['–', '—'], "-").replace('-', "--"));
    let plural = value.contains([',', '-', '–', '&']);
    let prefix = match loc.label {
        LocatorLabel::Page if numeral_pages(value) => "",
        LocatorLabel::Page if plural => "pp.~",
        LocatorLabel::Page => "p.~",
        LocatorLabel::Chapter => "chap.~",
        LocatorLabel::Section => "sec.~",
        LocatorLabel::Note => "n.~",
        LocatorLabel::Paragraph => "para.~",
        LocatorLabel::Volume => "vol.~",
        LocatorLabel::Folio if plural => "fols.~",
        LocatorLabel::Folio => "fol.~",
    };
    // `2:45`: the pages of one volume of a work in several, as Chicago
    // writes them (and `卷 23，頁 890`); other divisions name the volume.
    let note = match loc.volume.as_deref().map(escape) {
        Some(volume) if loc.label == LocatorLabel::Page => format!("{volume}:{dashed}"),
        Some(volume) => format!("vol.~{volume}, {prefix}{dashed}"),
        None => format!("{prefix}{dashed}"),
    };
    if note.contains(']') {
        format!("{{{note}}}")
    } else {
        note
    }
}

/// A resolved citation: where it is in the note, the key and the postnote.
struct Cite {
    range: Range<usize>,
    key: String,
    post: Option<String>,
}

fn resolve(c: &CitationRecord, works: &[Work], text: &str) -> Option<Cite> {
    c.kind?;
    let work = works.get(c.work?)?;
    let range = c.raw.range.clone();
    text.get(range.clone())?;
    Some(Cite {
        range,
        key: work.item.id.clone(),
        post: c.locator().map(postnote),
    })
}

/// `[post]{key}`, the argument part of `\cite` and friends.
fn args(c: &Cite) -> String {
    match &c.post {
        Some(p) => format!("[{p}]{{{}}}", c.key),
        None => format!("{{{}}}", c.key),
    }
}

fn is_separator(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, ';' | '；' | '.' | '。' | ',' | '，' | '、'))
}

/// The replacement of one note.
fn note_latex(
    text: &str,
    citations: &[CitationRecord],
    works: &[Work],
    dialect: CiteDialect,
) -> String {
    let mut cites: Vec<Cite> = citations
        .iter()
        .filter_map(|c| resolve(c, works, text))
        .collect();
    cites.sort_by_key(|c| c.range.start);
    // Drop overlapping ranges (a grammar bug should not garble the note).
    let mut end = 0;
    cites.retain(|c| {
        let keep = c.range.start >= end;
        if keep {
            end = c.range.end;
        }
        keep
    });
    let mut gaps = Vec::new();
    let mut at = 0;
    for c in &cites {
        gaps.push(text.get(at..c.range.start).unwrap_or(""));
        at = c.range.end;
    }
    gaps.push(text.get(at..).unwrap_or(""));

    let only_citations = !cites.is_empty() && gaps.iter().all(|g| is_separator(g));
    if only_citations && dialect == CiteDialect::Natbib {
        // `Lynch (1991, 388); Liang (1999, 73).`
        let all: Vec<String> = cites
            .iter()
            .map(|c| format!("\\citet{}", args(c)))
            .collect();
        return format!("\\footnote{{{}.}}", all.join("; "));
    }
    if only_citations {
        return match cites.as_slice() {
            [one] => format!("\\footcite{}", args(one)),
            many => {
                let all: String = many.iter().map(args).collect();
                format!("\\footcites{all}")
            }
        };
    }
    let mut body = String::new();
    for (i, gap) in gaps.iter().enumerate() {
        body.push_str(&escape(gap));
        if let Some(c) = cites.get(i) {
            body.push_str(match dialect {
                CiteDialect::Biblatex => "\\cite",
                CiteDialect::Natbib => "\\citet",
            });
            body.push_str(&args(c));
        }
    }
    format!(
        "\\footnote{{{}}}",
        body.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// Every footnote of the paper as its biblatex replacement (see the module
/// documentation for the format).
pub fn to_latex(ex: &Extraction) -> String {
    crate::io::collect_string(|out| write_latex(ex, out))
}

/// [`to_latex`] written straight to `out`, footnote by footnote.
pub fn write_latex(ex: &Extraction, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_latex_in(ex, CiteDialect::Biblatex, out)
}

/// Every footnote's replacement with the citation commands of `dialect`.
pub fn to_latex_in(ex: &Extraction, dialect: CiteDialect) -> String {
    crate::io::collect_string(|out| write_latex_in(ex, dialect, out))
}

/// [`to_latex_in`] written straight to `out`, footnote by footnote.
pub fn write_latex_in(
    ex: &Extraction,
    dialect: CiteDialect,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let works = super::keyed(&ex.works);
    out.write_all(match dialect {
        CiteDialect::Biblatex => {
            b"% footcite: the biblatex replacement of each footnote. Paste the line\n\
              % after `% N` in place of footnote N; the keys are those of the .bib file.\n"
        }
        CiteDialect::Natbib => {
            b"% footcite: the natbib replacement of each footnote (\\usepackage{natbib}).\n\
              % Paste the line after `% N` in place of footnote N; the keys are those\n\
              % of the .bib file (`footcite bibtex --dialect bibtex`).\n"
        }
    })?;
    // The first note record of each footnote, by index (a search per
    // footnote would be quadratic in the number of notes).
    let mut records: Vec<Option<&[CitationRecord]>> = vec![None; ex.document.footnotes.len()];
    for n in &ex.notes {
        if let Some(slot @ None) = records.get_mut(n.footnote) {
            *slot = Some(&n.citations[..]);
        }
    }
    for (i, fnote) in ex.document.footnotes.iter().enumerate() {
        let citations: &[CitationRecord] = records.get(i).copied().flatten().unwrap_or(&[]);
        writeln!(out, "% {}", fnote.number)?;
        out.write_all(note_latex(&fnote.text, citations, &works, dialect).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postnotes() {
        let p = |label, v: &str| postnote(&Locator::new(label, v));
        assert_eq!(p(LocatorLabel::Page, "388, 394-400"), "388, 394--400");
        assert_eq!(p(LocatorLabel::Page, "W11"), "p.~W11");
        assert_eq!(p(LocatorLabel::Page, "A1/4"), "p.~A1/4");
        assert_eq!(p(LocatorLabel::Page, "xv"), "xv");
        assert_eq!(p(LocatorLabel::Chapter, "5"), "chap.~5");
    }

    /// The volume a note cites is kept: `2:45`, not page 45 of any volume.
    #[test]
    fn postnotes_keep_the_volume() {
        let of_volume = |label, v: &str, volume: &str| {
            let mut locator = Locator::new(label, v);
            locator.volume = Some(volume.into());
            postnote(&locator)
        };
        assert_eq!(of_volume(LocatorLabel::Page, "45-47", "2"), "2:45--47");
        assert_eq!(of_volume(LocatorLabel::Page, "890", "23"), "23:890");
        assert_eq!(
            of_volume(LocatorLabel::Chapter, "5", "上冊"),
            "vol.~上冊, chap.~5"
        );
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape(r"50% of $5 & #1_a ~^\{}"),
            r"50\% of \$5 \& \#1\_a \textasciitilde{}\textasciicircum{}\textbackslash{}\{\}"
        );
    }
}
