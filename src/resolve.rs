//! Resolving works: full citations of the same work become one item, Ibid.
//! points to the previous note's work, short forms to the earlier full
//! citation they repeat. Item ids are the biblatex keys (see [`crate::keys`]).

use crate::cite::CiteKind;
use crate::hashed::HashedIndex;
use crate::model::Item;
use std::sync::Arc;

/// One cited work and every place that cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// Shared with the citation that first gave it in full.
    pub item: Arc<Item>,
    pub cited_in: Vec<CitedIn>,
}

/// One citation of a work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedIn {
    pub footnote: u32,
    /// Index of the citation within its footnote.
    pub citation: usize,
    pub kind: CiteKind,
}

use crate::cite::{Parsed, RawCitation, ShortForm};
use crate::diag::Severity;
use crate::model::Name;

/// Identity of a work for merging full citations: lead creator, title and
/// year, compared without case, spacing or punctuation.
type Identity = (String, String, Option<i32>);

fn identity(item: &Item) -> Identity {
    let creator = item
        .lead_creators()
        .first()
        .map(|n| fold(n.sort_name()))
        .unwrap_or_default();
    let title = match item.title.as_deref() {
        Some(title) => fold(title),
        // An untitled news report is known by its paper, issue and day; an
        // archive's file by its archive and its numbers.
        None => format!(
            "{}|{}|{:?}|{}|{}",
            fold(item.container_title.as_deref().unwrap_or("")),
            item.issue.as_deref().unwrap_or(""),
            item.issued,
            fold(item.extra().archive.as_deref().unwrap_or("")),
            fold(item.extra().archive_location.as_deref().unwrap_or(""))
        ),
    };
    (creator, title, item.issued.as_ref().map(|d| d.year()))
}

/// Lowercase letters, digits and ideographs only: the part of a string that
/// survives differences in spacing, quotes and punctuation.
pub fn fold(s: &str) -> String {
    folded(s).collect()
}

/// The characters [`fold`] keeps, one by one: works are compared with a
/// short form without building their folded names and titles (a long
/// paper's prolific creator has thousands of works to compare).
pub(crate) fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Do the folded characters of `text` begin with `prefix`?
fn folded_starts_with(mut text: impl Iterator<Item = char>, prefix: &str) -> bool {
    prefix.chars().all(|p| text.next() == Some(p))
}

/// A creator a short form names, folded once to be compared with the
/// creators of many works.
struct WantedCreator {
    key: String,
    /// The folded given name, and whether it is Chinese.
    given: Option<(String, bool)>,
}

impl WantedCreator {
    fn new(name: &Name) -> Self {
        WantedCreator {
            key: creator_key(name.sort_name()),
            given: name.given().map(|given| {
                let given = fold(given);
                let chinese = is_chinese_given_name(given.chars());
                (given, chinese)
            }),
        }
    }

    /// Is `other` this creator: the same key and given names that agree?
    fn is(&self, other: &Name) -> bool {
        !self.key.is_empty()
            && folded(without_particles(other.sort_name())).eq(self.key.chars())
            && self.given_agrees(other)
    }

    /// Chinese given names that both sides write must agree: a Chinese
    /// short form repeats the whole name, and `呂芳維` is not `呂仁怡`,
    /// though both are 呂. A Latin-letter short form writes the surname
    /// only, and what reads as its given name is part of a compound
    /// surname (`Carcavilla González`, `Van Wingen`): only the family name
    /// is compared.
    fn given_agrees(&self, other: &Name) -> bool {
        let (Some((given, chinese)), Some(other)) = (&self.given, other.given()) else {
            return true;
        };
        !chinese || folded(other).eq(given.chars()) || !is_chinese_given_name(folded(other))
    }
}

/// Folded, is a given name Chinese: not empty, and ideographs only?
fn is_chinese_given_name(folded: impl Iterator<Item = char>) -> bool {
    let mut folded = folded.peekable();
    folded.peek().is_some() && folded.all(crate::text::is_cjk_ideograph)
}

/// A creator's name as works are matched by it: folded, without the
/// particles a short form may or may not repeat (`van Gennep`, `Gennep`).
fn creator_key(name: &str) -> String {
    fold(without_particles(name))
}

/// A name without the particles that lead it (`van`, `de la`), unless
/// nothing would be left.
fn without_particles(name: &str) -> &str {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "du", "da", "di", "del", "der", "le", "la",
    ];
    let mut rest = name.trim();
    while let Some((first, after)) = rest.split_once(' ') {
        // ASCII case folding is enough: no other letter lowercases to one
        // of the particles' letters.
        if PARTICLES.iter().any(|p| first.eq_ignore_ascii_case(p)) && !after.is_empty() {
            rest = after.trim_start();
        } else {
            break;
        }
    }
    rest
}

/// A short form's title, folded once to be compared with the titles of
/// many works.
struct WantedTitle {
    folded: String,
    /// Long enough (six characters) to be found inside a title, not only
    /// at its start.
    long: bool,
    /// A buffer for a title folded to be searched, kept between works.
    scratch: std::cell::Cell<String>,
}

impl WantedTitle {
    fn new(short: &str) -> Self {
        let folded = fold(short);
        let long = folded.chars().count() >= 6;
        WantedTitle {
            folded,
            long,
            scratch: std::cell::Cell::default(),
        }
    }

    /// Does this short title abbreviate `full`?
    fn abbreviates(&self, full: &str) -> bool {
        !self.folded.is_empty()
            && (folded_starts_with(folded(full), &self.folded)
                // Chicago's short titles drop an initial article: `Ilias`
                // for `Die Ilias`.
                || folded_starts_with(folded(without_article(full)), &self.folded)
                || self.long && self.folded_inside(full))
    }

    /// Is this short title inside `full`, folded?
    fn folded_inside(&self, full: &str) -> bool {
        let mut buffer = self.scratch.take();
        buffer.clear();
        buffer.extend(folded(full));
        let inside = buffer.contains(self.folded.as_str());
        self.scratch.set(buffer);
        inside
    }

    /// The same words as `other`, compared as [`WantedTitle::abbreviates`]
    /// folds them.
    fn same_words(&self, other: &str) -> bool {
        !self.folded.is_empty() && folded(other).eq(self.folded.chars())
    }
}

/// A title without its initial article (English, German, French, Spanish,
/// Italian).
fn without_article(title: &str) -> &str {
    const ARTICLES: &[&str] = &[
        "the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo",
        "gli", "un", "une", "ein", "eine",
    ];
    let title = title.trim_start_matches(['“', '"', '‘', '\'']);
    match title.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first.to_lowercase().as_str()) => rest,
        _ => title,
    }
}

/// A problem found while resolving, located by note and citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub footnote: u32,
    pub citation: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

/// The outcome of resolution: works in order of first citation, and for
/// each note's citations the index of its work.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub works: Vec<Work>,
    /// `assignments[i][j]`: work of citation j of the i-th note given.
    pub assignments: Vec<Vec<Option<usize>>>,
    pub problems: Vec<Unresolved>,
}

/// Resolve the citations of notes given in document order as
/// `(note number, citations)`, and key the works.
pub fn resolve(notes: &[(u32, &[RawCitation])]) -> Resolution {
    let mut out = resolve_unkeyed(notes);
    key_works(&mut out.works);
    out
}

/// Give every work its unique key. A work's item is shared with the
/// citation that first gave it; keying copies it unless that citation has
/// let go of it first (as the extraction does).
pub fn key_works(works: &mut [Work]) {
    crate::keys::key_in_place(works, |w| &w.item, |w| Arc::make_mut(&mut w.item));
}

/// [`resolve`] without the keys: each work's item is the very item (shared,
/// not copied) of its first full citation.
pub fn resolve_unkeyed(notes: &[(u32, &[RawCitation])]) -> Resolution {
    let mut out = Resolution::default();
    // At most one work per full citation: reserved at once, so the large
    // records are never copied by a growing vector.
    let full = notes
        .iter()
        .flat_map(|(_, citations)| citations.iter())
        .filter(|c| matches!(c.parsed, Some(Parsed::Full(_))))
        .count();
    out.works.reserve_exact(full);
    // Works by identity, holding a hash of each (see `crate::hashed`).
    let mut by_identity: HashedIndex<Identity, usize> = HashedIndex::default();
    // The work of the most recent citation, for Ibid.
    let mut previous: Option<usize> = None;
    let mut seen_any = false;
    // The last earlier note with a citation the grammar could not read: a
    // later Ibid. or short form that finds no work may repeat that one, so
    // footcite cannot say the source is wrong.
    let mut unread_in: Option<u32> = None;
    let mut first_work_of_note: foldhash::HashMap<u32, usize> = foldhash::HashMap::default();
    let mut by_creator = CreatorIndex::default();
    for (number, citations) in notes {
        let mut assigned = Vec::with_capacity(citations.len());
        for (index, citation) in citations.iter().enumerate() {
            let work = match &citation.parsed {
                Some(Parsed::Full(item)) => {
                    let key = identity(item);
                    let is_key = |w: usize| {
                        out.works
                            .get(w)
                            .is_some_and(|work| identity(&work.item) == key)
                    };
                    let found = by_identity.get(&key, is_key).or_else(|| {
                        repeated_with_its_year(
                            &out.works,
                            &by_creator,
                            item,
                            citation.locator.as_ref().and_then(|l| l.volume.as_deref()),
                        )
                    });
                    Some(found.unwrap_or_else(|| {
                        out.works.push(Work {
                            item: Arc::clone(item),
                            // Most works are cited once: room for one.
                            cited_in: Vec::with_capacity(1),
                        });
                        let w = out.works.len() - 1;
                        by_identity.insert(key, w);
                        by_creator.add(w, item);
                        w
                    }))
                }
                Some(Parsed::Ibid) => {
                    if previous.is_none() {
                        out.problems.push(Unresolved {
                            footnote: *number,
                            citation: index,
                            severity: severity_after(unread_in),
                            code: "ibid-without-antecedent",
                            message: if seen_any {
                                "Ibid. follows a citation whose work is unknown (unreadable or unresolved), so it repeats no known work".into()
                            } else {
                                "Ibid. has no earlier citation to repeat".into()
                            },
                        });
                    }
                    previous
                }
                Some(Parsed::Short(short)) => {
                    let ShortForm {
                        creators,
                        title,
                        note_ref,
                    } = &**short;
                    let found = match note_ref {
                        Some(n) => first_work_of_note.get(n).copied(),
                        None => find_short(
                            &out.works,
                            &by_creator,
                            creators,
                            title.as_deref(),
                            citation.locator.as_ref().and_then(|l| l.volume.as_deref()),
                            None,
                        ),
                    };
                    if found.is_none() {
                        let mut what = match note_ref {
                            Some(n) => format!("note {n} cites no work to repeat"),
                            None => "this short form repeats no earlier full citation".into(),
                        };
                        if let Some(unread) = unread_in {
                            what.push_str(&format!(
                                " that footcite read (it may repeat the citation of note {unread}, which it could not read)"
                            ));
                        }
                        out.problems.push(Unresolved {
                            footnote: *number,
                            citation: index,
                            severity: severity_after(unread_in),
                            code: "short-form-unresolved",
                            message: what,
                        });
                    }
                    found
                }
                None => None,
            };
            if let (Some(w), Some(kind)) = (work, citation.kind()) {
                if let Some(entry) = out.works.get_mut(w) {
                    entry.cited_in.push(CitedIn {
                        footnote: *number,
                        citation: index,
                        kind,
                    });
                }
                first_work_of_note.entry(*number).or_insert(w);
            }
            if citation.parsed.is_none() || !citation.unparsed.is_empty() {
                unread_in = Some(*number);
            }
            previous = work;
            seen_any = true;
            assigned.push(work);
        }
        out.assignments.push(assigned);
    }
    for work in &mut out.works {
        work.cited_in.shrink_to_fit();
    }
    out
}

/// `Bechtolsheim, TeX in Practice, 1993, 1:67`: a short form that gives
/// the year to tell an author's works apart (as CSL's Chicago styles do)
/// reads as a book that names nothing but its year; when an earlier work
/// of that year has the creator and the title, the citation repeats it.
fn repeated_with_its_year(
    works: &[Work],
    index: &CreatorIndex,
    item: &Item,
    volume: Option<&str>,
) -> Option<usize> {
    let year = item.issued.as_ref()?.year();
    let bare = item.publisher.is_none()
        && item.publisher_place.is_none()
        && item.container_title.is_none()
        && item.collection_title.is_none()
        && item.volume.is_none()
        && item.extra().edition.is_none()
        && item.url.is_none();
    if !bare {
        return None;
    }
    find_short(
        works,
        index,
        item.lead_creators(),
        item.title.as_deref(),
        volume,
        Some(year),
    )
}

/// An unresolved repeat is an error only when every earlier citation was
/// read: after one that was not, it may well repeat that one.
fn severity_after(unread_in: Option<u32>) -> Severity {
    match unread_in {
        Some(_) => Severity::Warning,
        None => Severity::Error,
    }
}

/// The works of each author and editor (by folded sort name), in order, so
/// that a short form is looked up among its creator's works rather than
/// among all works (which would be quadratic in the number of notes); and
/// the same by creator and year, for a short form that gives its year (a
/// prolific creator's or a body's works of every year would otherwise be
/// searched for each bare book that names one).
#[derive(Default)]
struct CreatorIndex {
    by_name: foldhash::HashMap<String, Vec<usize>>,
    by_name_and_year: foldhash::HashMap<(String, i32), Vec<usize>>,
}

impl CreatorIndex {
    fn add(&mut self, work: usize, item: &Item) {
        let year = item.issued.as_ref().map(|d| d.year());
        for name in item
            .author
            .iter()
            .chain(&item.editor)
            .chain(&item.extra().translator)
        {
            let key = creator_key(name.sort_name());
            if key.is_empty() {
                continue;
            }
            if let Some(year) = year {
                push_once(
                    self.by_name_and_year
                        .entry((key.clone(), year))
                        .or_default(),
                    work,
                );
            }
            push_once(self.by_name.entry(key).or_default(), work);
        }
    }

    /// The works (in order) of the creator whose key this is, of the year
    /// where one is given.
    fn works_of(&self, key: String, year: Option<i32>) -> Option<&Vec<usize>> {
        match year {
            Some(year) => self.by_name_and_year.get(&(key, year)),
            None => self.by_name.get(&key),
        }
    }

    fn last_work_of(&self, key: &str) -> Option<usize> {
        self.by_name.get(key)?.last().copied()
    }
}

/// A work is listed once under a name it gives twice (author and editor).
fn push_once(list: &mut Vec<usize>, work: usize) {
    if list.last() != Some(&work) {
        list.push(work);
    }
}

/// The latest work whose creators and title a short form matches (and
/// its year, where the form gives one).
fn find_short(
    works: &[Work],
    index: &CreatorIndex,
    creators: &[Name],
    title: Option<&str>,
    volume: Option<&str>,
    year: Option<i32>,
) -> Option<usize> {
    let wanted: Vec<WantedCreator> = creators.iter().map(WantedCreator::new).collect();
    let matches_creators = |w: &Work| {
        wanted.iter().all(|c| {
            w.item
                .author
                .iter()
                .chain(&w.item.editor)
                .chain(&w.item.extra().translator)
                .any(|n| c.is(n))
        })
    };
    let of_year =
        |w: &Work| year.is_none_or(|y| w.item.issued.as_ref().is_some_and(|d| d.year() == y));
    let wanted_title = title.map(WantedTitle::new);
    let matches_title = |w: &Work| {
        of_year(w)
            && match &wanted_title {
                // The title, or the short title the full citation named for later
                // notes (`hereafter cited as Mass. Records`).
                Some(t) => {
                    w.item
                        .title
                        .as_deref()
                        .is_some_and(|full| t.abbreviates(full))
                        || w.item
                            .extra()
                            .title_short
                            .as_deref()
                            .is_some_and(|short| t.same_words(short))
                }
                None => true,
            }
    };
    if creators.is_empty() && title.is_none() {
        return None;
    }
    // A work matches only if it has the first creator among its authors and
    // editors: look among that creator's works alone.
    // The latest such work whose first creator the short form names wins;
    // then the latest where that name is a co-author or an editor (a short
    // form names the first author).
    if let Some(first) = wanted.first() {
        let candidates = index.works_of(first.key.clone(), year)?;
        let fits = |w: &Work| matches_creators(w) && matches_title(w);
        let led_by_first = |w: &Work| {
            w.item
                .author
                .first()
                .or(w.item.editor.first())
                .is_some_and(|n| first.is(n))
        };
        // The latest work that fits, is led by the first creator and (when
        // a volume is cited: `Bechtolsheim, TeX in Practice, 2:70`, of the
        // volumes cited as works of their own) is of that volume; failing
        // that, the latest that fits and is led by the first creator; failing
        // that, the latest that fits. One pass from the latest work: a
        // creator's works are many in a long paper.
        let mut latest_led = None;
        let mut latest_fit = None;
        for &w in candidates.iter().rev() {
            let Some(work) = works.get(w).filter(|work| fits(work)) else {
                continue;
            };
            latest_fit.get_or_insert(w);
            if led_by_first(work) {
                if volume.is_none_or(|v| work.item.volume.as_deref() == Some(v)) {
                    return Some(w);
                }
                latest_led.get_or_insert(w);
            }
        }
        return latest_led.or(latest_fit);
    }
    works
        .iter()
        .rposition(|w| matches_creators(w) && matches_title(w))
        .or_else(|| {
            // `Office of Population Censuses and Surveys, 30–33`: what read
            // as a short title is an institution's name, Chicago 17's
            // `Author, page`.
            index.last_work_of(&creator_key(title?))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::note::parse_note;

    fn given_names_agree(a: &Name, b: &Name) -> bool {
        WantedCreator::new(a).given_agrees(b)
    }

    fn abbreviates(short: &str, full: &str) -> bool {
        WantedTitle::new(short).abbreviates(full)
    }

    fn run(notes: &[&str]) -> Resolution {
        let parsed: Vec<_> = notes.iter().map(|n| parse_note(n)).collect();
        let inputs: Vec<(u32, &[RawCitation])> = parsed
            .iter()
            .enumerate()
            .map(|(i, p)| (i as u32 + 1, p.citations.as_slice()))
            .collect();
        resolve(&inputs)
    }

    #[test]
    fn a_full_citation_written_otherwise_is_the_same_work() {
        let r = run(&[
            "John Smith, The Long Title (New York: Norton, 1999), 12.",
            "John Smith, Long Title (Norton, 1999), 3.",
            "John Smith, “The long title” (Boston: Norton, 1999), 14.",
        ]);
        assert_eq!(r.works.len(), 2);
        assert_eq!(r.assignments, [[Some(0)], [Some(1)], [Some(0)]]);
    }

    /// A body that publishes a report a year, each cited bare with its
    /// year, then by its short form: the time to resolve 8n notes is about
    /// 8 times that of n, not 64 (each lookup once searched all of the
    /// body's earlier works).
    #[test]
    fn resolution_time_grows_linearly_with_one_prolific_creator() {
        fn notes(cycles: usize) -> Vec<Vec<RawCitation>> {
            let mut out = Vec::new();
            for i in 0..cycles {
                let title = format!("Strategic Review Number{i}");
                // A year of its own each (few works of one creator share a year).
                let year = 1000 + i;
                for text in [
                    format!("Defense Research Institute, {title}, {year}, 3."),
                    format!("Defense Research Institute, {title}, 5."),
                    format!("Defense Research Institute, {title}, vol. 2 of Annals (Paris: Seuil, {year}), 7."),
                ] {
                    out.push(parse_note(&text).citations);
                }
            }
            out
        }
        fn seconds_to_resolve(parsed: &[Vec<RawCitation>]) -> f64 {
            let inputs: Vec<(u32, &[RawCitation])> = parsed
                .iter()
                .enumerate()
                .map(|(i, p)| (i as u32 + 1, p.as_slice()))
                .collect();
            (0..3)
                .map(|_| {
                    let start = std::time::Instant::now();
                    let r = resolve_unkeyed(&inputs);
                    assert!(r.works.len() >= parsed.len() / 3);
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        }
        // 8 times the notes: 8 times the time if linear, 64 if quadratic;
        // the bound leaves room for a machine busy with other tests.
        let (small, large) = (notes(150), notes(1200));
        let ratio = seconds_to_resolve(&large) / seconds_to_resolve(&small);
        assert!(ratio < 24.0, "8× the notes took {ratio:.1}× the time");
    }

    #[test]
    fn a_short_form_with_its_year_repeats_the_work_of_that_year() {
        let r = run(&[
            "Solomon Kullback, Information Theory and Statistics (New York: Wiley, 1959), 3.",
            "Solomon Kullback, Information Theory and Statistics, 2nd ed. (New York: Dover, 1997), 5.",
            "Kullback, Information Theory, 1959, 86.",
            "Kullback, Information Theory, 1997, 87.",
            // No work of that year: a work of its own.
            "Kullback, Information Theory, 2001, 88.",
            // Not the title of the earlier works.
            "Kullback, Entropy, 1959, 89.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(r.works.len(), 4);
    }

    #[test]
    fn ibid_short_forms_and_repeats_resolve_to_one_work() {
        let r = run(&[
            "Allen Lynch, Soviet Views of the World (New York: Praeger, 1991), p. 3.",
            "Ibid., p. 5.",
            "熊光楷，國際戰略（北京：清華大學出版社，2003 年），頁 9。",
            "Lynch, Soviet Views, p. 8.",
            "同註 3，頁 12。",
            "熊光楷，國際戰略（北京：清華大學出版社，2003 年），頁 40。",
            "熊光楷，前引書，頁 41。",
        ]);
        assert_eq!(r.works.len(), 2);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(
            flat,
            [
                Some(0),
                Some(0),
                Some(1),
                Some(0),
                Some(1),
                Some(1),
                Some(1)
            ]
        );
        assert!(r.problems.is_empty());
        assert_eq!(r.works[0].cited_in.len(), 3);
        assert_eq!(r.works[0].item.id, "lynch1991soviet");
    }

    #[test]
    fn given_names_must_agree_where_both_are_written() {
        let person = Name::person;
        assert!(given_names_agree(
            &person("呂", "芳維"),
            &person("呂", "芳維")
        ));
        assert!(!given_names_agree(
            &person("呂", "芳維"),
            &person("呂", "仁怡")
        ));
        assert!(given_names_agree(
            &person("Lynch", "A."),
            &person("Lynch", "Allen")
        ));
        // One side in characters, one romanised: not compared.
        assert!(given_names_agree(
            &person("Lee", "明華"),
            &person("Lee", "Ming-hua")
        ));
        assert!(given_names_agree(
            &person("González", "Carcavilla"),
            &person("Carcavilla González", "Pablo")
        ));
        let family_only = Name::person("Lynch", "");
        assert!(given_names_agree(&family_only, &person("Lynch", "Allen")));
        assert!(given_names_agree(
            &person("Lynch", ""),
            &person("Lynch", "Allen")
        ));
    }

    #[test]
    fn a_short_form_prefers_the_work_its_name_leads() {
        let r = run(&[
            "Andrei Lynch, “Emerging Cooperation,” Europe-Asia Studies 49, no. 2 (1999): 83.",
            "Robert Whiting and Natalie Lynch, The Emerging Cooperation of East Asia (Armonk, NY: M. E. Sharpe, 2013), 221.",
            "Lynch, “Emerging Cooperation,” 147.",
            "Whiting and Lynch, Emerging Cooperation, 230.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0), Some(1)]);
    }

    #[test]
    fn three_surnames_without_the_serial_comma_repeat_their_work() {
        let r = run(&[
            "Ann Smith, Bo Doe and Cy Lee, A Long Title (London: Verso, 2001), 9.",
            "Peter Morley, Poverty and Inequality (London: Verso, 1990), 3.",
            "Smith, Doe and Lee, Long Title, 14.",
            "Morley, Poverty and Inequality, 78.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0), Some(1)]);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn a_short_form_with_a_volume_repeats_that_volume() {
        let r = run(&[
            "Stephan von Bechtolsheim, TeX in Practice: Basics, vol. 1 (New York: Springer, 1993), 3.",
            "Stephan von Bechtolsheim, TeX in Practice: Paragraphs, vol. 2 (New York: Springer, 1993), 4.",
            "Bechtolsheim, TeX in Practice, 1:67.",
            "Bechtolsheim, TeX in Practice, 2:70.",
            "Bechtolsheim, TeX in Practice, 70.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn ibid_after_a_note_of_several_works_repeats_the_last() {
        let r = run(&[
            "Allen Lynch, Soviet Views (New York: Praeger, 1991), 3; Jane Doe, Soviet Arms (New York: Praeger, 1992), 45.",
            "Ibid., 46.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn one_title_in_two_years_is_two_works() {
        // Two editions: a repeated full citation must not merge them.
        let r = run(&[
            "Allen Lynch, Soviet Views (New York: Praeger, 1991), 3.",
            "Allen Lynch, Soviet Views (New York: Praeger, 1995), 3.",
            "Allen Lynch, Soviet Views (New York: Praeger, 1991), 9.",
        ]);
        assert_eq!(r.works.len(), 2);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn unresolvable_forms_are_reported() {
        let r = run(&["Ibid., p. 5.", "Smith, Unknown Book, p. 8."]);
        let codes: Vec<&str> = r.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["ibid-without-antecedent", "short-form-unresolved"]);
    }

    #[test]
    fn short_titles_abbreviate_full_titles() {
        // Inside the title (not at its start) only from six letters on.
        assert!(!abbreviates("Arms", "Soviet Arms Exports"));
        assert!(abbreviates("Arms Exports", "Soviet Arms Exports"));
        assert!(abbreviates("Soviet Views", "Soviet Views of the World"));
        assert!(abbreviates(
            "“Changing Soviet Elite Views,”",
            "Changing Soviet Elite Views on the International System"
        ));
        assert!(!abbreviates("Other", "Soviet Views"));
        assert!(!abbreviates("", "Soviet Views"));
    }

    #[test]
    fn short_titles_drop_an_initial_article() {
        assert!(abbreviates("Ilias", "Die Ilias"));
        assert!(abbreviates("Rites of Passage", "The Rites of Passage"));
        assert!(!abbreviates("Ilias", "Odyssee"));
        assert_eq!(without_article("“The Rites”"), "Rites”");
        assert_eq!(without_article("Theory"), "Theory");
    }

    #[test]
    fn a_repeat_after_an_unread_citation_is_a_warning() {
        let r = run(&[
            "Smith J “Broken” 1999 Journal 5:12-19.",
            "Smith, Unknown Book, p. 8.",
        ]);
        let found: Vec<_> = r.problems.iter().map(|p| (p.code, p.severity)).collect();
        assert_eq!(found, [("short-form-unresolved", Severity::Warning)]);
        assert!(r.problems[0].message.contains("note 1"));
        let r = run(&["Smith, Unknown Book, p. 8."]);
        assert_eq!(r.problems[0].severity, Severity::Error);
    }

    #[test]
    fn translators_name_a_work_for_its_short_forms() {
        let r = run(&[
            "Monika Vizedom and Gabrielle Caffee, trans., The Rites of Passage (Chicago: UCP, 1960), 76.",
            "Vizedom and Caffee, 86.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(0)]);
    }

    #[test]
    fn particles_do_not_part_a_creator_from_their_works() {
        assert_eq!(creator_key("van Gennep"), creator_key("Gennep"));
        assert_eq!(creator_key("de la Cruz"), "cruz");
        assert_eq!(creator_key("DE LA Cruz"), "cruz");
        assert_eq!(creator_key("de"), "de");
        assert_ne!(creator_key("Gennep"), creator_key("Genet"));
    }

    #[test]
    fn a_wanted_creator_is_compared_without_folding_each_work_again() {
        let person = Name::person;
        let van_gennep = WantedCreator::new(&person("van Gennep", "Arnold"));
        assert!(van_gennep.is(&person("Gennep", "A.")));
        assert!(van_gennep.is(&Name::literal("GENNEP")));
        assert!(!van_gennep.is(&person("Genet", "Arnold")));
        assert!(!van_gennep.is(&person("Gennepp", "Arnold")));
        let lu = WantedCreator::new(&person("呂", "芳維"));
        assert!(lu.is(&person("呂", "芳維")));
        assert!(!lu.is(&person("呂", "仁怡")));
        assert!(lu.is(&Name::literal("呂")));
        assert!(!WantedCreator::new(&Name::literal("")).is(&Name::literal("")));
    }

    #[test]
    fn a_wanted_title_is_found_at_the_start_after_an_article_or_inside() {
        let title = WantedTitle::new("Military Power");
        assert!(title.abbreviates("Military Power of China"));
        assert!(title.abbreviates("The Military Power of China"));
        assert!(title.abbreviates("Annual Report on the Military Power"));
        // The buffer of the last search is not searched again.
        assert!(!title.abbreviates("Sea Power"));
        assert!(!title.abbreviates(""));
        let short = WantedTitle::new("Arms");
        assert!(short.abbreviates("Arms Control"));
        assert!(
            !short.abbreviates("Soviet Arms"),
            "too short to be found inside"
        );
        assert!(short.same_words("ARMS."));
        assert!(!short.same_words("Arms Control"));
        assert!(!WantedTitle::new("“ ”").same_words(""));
    }

    #[test]
    fn a_short_form_prefers_its_volume_then_its_first_creator_then_any_fit() {
        let r = run(&[
            "Jane Doe, Soviet Arms, vol. 1 (New York: Praeger, 1990), 3.",
            "John Roe and Jane Doe, Soviet Arms Today (New York: Praeger, 1991), 3.",
            // Its volume, led by Doe.
            "Doe, Soviet Arms, 1:5.",
            // No second volume: the latest work Doe leads.
            "Doe, Soviet Arms, 2:5.",
            // No volume: the latest Doe leads, not the later one she wrote with Roe.
            "Doe, Soviet Arms, 7.",
            // Only the work with Roe fits.
            "Doe, Soviet Arms Today, 7.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(1), Some(0), Some(0), Some(0), Some(1)]);
    }

    #[test]
    fn an_institution_cited_by_name_and_page() {
        let r = run(&[
            "Office of Population Censuses and Surveys, “Area Mortality Tables,” Series DS (London: HMSO, 1979), 27.",
            "Office of Population Censuses and Surveys, 30–33.",
            "Allen Lynch, Soviet Views of the World (New York: Praeger, 1991), 3.",
            // Read as a short title, not a body: found by the body's name.
            "Friends of the Earth, “Water Pollution in Europe,” Briefing Paper (London: Friends of the Earth, 1990), 3.",
            "Friends of the Earth, 4.",
        ]);
        let flat: Vec<Option<usize>> = r.assignments.iter().flatten().copied().collect();
        assert_eq!(flat, [Some(0), Some(0), Some(1), Some(2), Some(2)]);
        assert!(r.problems.is_empty());
    }
}
