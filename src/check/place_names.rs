//! Place names as the gazetteer looks them up: folded to one spelling
//! (`St. Paul`, ` Saint  Paul ` → `st paul`) and held in sorted tables.
//!
//! The gazetteer has some 130,000 names. A hash map of owned keys cost two
//! allocations a name, about 13 MB while a paper was checked; a table
//! keeps every name in one string and finds one by binary search.

use std::cmp::Ordering;

/// Folded names, each with the values the table keeps for it.
#[derive(Debug, Default)]
pub struct PlaceTable<V> {
    /// Every row's folded name, one after another.
    names: String,
    /// One entry per distinct name, sorted by name: where the name is in
    /// `names`, and where its values end in `values` (they begin where the
    /// entry before ends them).
    index: Vec<NameEntry>,
    values: Vec<V>,
}

#[derive(Debug, Clone, Copy)]
struct NameEntry {
    start: u32,
    end: u32,
    values_end: u32,
}

impl<V> PlaceTable<V> {
    /// A table of `rows`, `(name, row)`. The rows of one name are taken in
    /// the order `order` gives them; `keep` sees the values already kept
    /// for that name and makes the row into one more, or drops it.
    pub fn new<R>(
        rows: impl IntoIterator<Item = (&'static str, R)>,
        order: impl Fn(&R, &R) -> Ordering,
        mut keep: impl FnMut(&[V], R) -> Option<V>,
    ) -> PlaceTable<V> {
        let mut names = String::new();
        let mut folded: Vec<(u32, u32, R)> = rows
            .into_iter()
            .map(|(name, row)| {
                let start = offset(names.len());
                fold_into(&mut names, name);
                (start, offset(names.len()), row)
            })
            .collect();
        let text = |start: u32, end: u32| names.get(start as usize..end as usize).unwrap_or("");
        // Stable: rows that `order` finds equal stay in the tables' order.
        folded.sort_by(|a, b| {
            text(a.0, a.1)
                .cmp(text(b.0, b.1))
                .then_with(|| order(&a.2, &b.2))
        });
        let mut index: Vec<NameEntry> = Vec::new();
        let mut values: Vec<V> = Vec::with_capacity(folded.len());
        // Where the current name's values begin.
        let mut run_start = 0;
        for (start, end, row) in folded {
            let same_name = index
                .last()
                .is_some_and(|last| text(last.start, last.end) == text(start, end));
            if !same_name {
                run_start = values.len();
                index.push(NameEntry {
                    start,
                    end,
                    values_end: offset(run_start),
                });
            }
            if let Some(value) = keep(values.get(run_start..).unwrap_or(&[]), row) {
                values.push(value);
            }
            if let Some(last) = index.last_mut() {
                last.values_end = offset(values.len());
            }
        }
        index.shrink_to_fit();
        values.shrink_to_fit();
        PlaceTable {
            names,
            index,
            values,
        }
    }

    /// The values kept for the name `name` folds to, or none.
    pub fn get(&self, name: &str) -> &[V] {
        let key = fold(name);
        let Ok(i) = self.index.binary_search_by(|e| self.name(e).cmp(&key)) else {
            return &[];
        };
        let from = i
            .checked_sub(1)
            .and_then(|before| self.index.get(before))
            .map_or(0, |e| e.values_end as usize);
        let to = self.index.get(i).map_or(0, |e| e.values_end as usize);
        self.values.get(from..to).unwrap_or(&[])
    }

    fn name(&self, entry: &NameEntry) -> &str {
        self.names
            .get(entry.start as usize..entry.end as usize)
            .unwrap_or("")
    }
}

/// The gazetteer's tables are a few megabytes: their offsets fit in 32 bits.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// ASCII letters for U+00C0..=U+017F (Latin-1 and Latin Extended-A), so
/// that `Montreal` finds GeoNames' `Montréal`.
const FOLDED_LATIN: &[u8; 192] = b"aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The lookup key of a place name: case, accents, periods and apostrophes
/// ignored, hyphens as spaces, `Saint`/`St.`, `Fort`/`Ft.` and `Mount`/`Mt.`
/// alike.
pub fn fold(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    fold_into(&mut key, name);
    key
}

/// [`fold`], appended to `key` (which may hold other names before it).
fn fold_into(key: &mut String, name: &str) {
    let base = key.len();
    let mut word_start = base;
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '.' | '\'' | '\u{2019}' => continue,
            '-' | '\u{2010}' | '\u{2013}' => ' ',
            '\u{C0}'..='\u{17F}' => FOLDED_LATIN
                .get(c as usize - 0xC0)
                .map_or(c, |b| char::from(*b)),
            _ => c,
        };
        if c.is_whitespace() {
            if key.len() > word_start {
                same_word(key, word_start);
                key.push(' ');
            }
            word_start = key.len();
        } else {
            key.push(c);
        }
    }
    if key.len() > word_start {
        same_word(key, word_start);
    } else if key.len() > base {
        // The space after the last word.
        key.pop();
    }
}

/// Writes the last word of `key`, from `start`, in the one spelling its
/// variants share.
fn same_word(key: &mut String, start: usize) {
    let shared = match key.get(start..) {
        Some("saint") => "st",
        Some("sainte") => "ste",
        Some("ft") => "fort",
        Some("mount") => "mt",
        _ => return,
    };
    key.truncate(start);
    key.push_str(shared);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_as_publishers_write_them() {
        assert_eq!(fold("Montréal"), "montreal");
        assert_eq!(fold("St. Paul"), "st paul");
        assert_eq!(fold(" Saint  Paul "), "st paul");
        assert_eq!(fold("Mount Vernon"), fold("Mt. Vernon"));
        assert_eq!(fold("Ft. Worth"), "fort worth");
        assert_eq!(fold("Sainte-Foy"), "ste foy");
        assert_eq!(fold("Winston-Salem"), "winston salem");
        assert_eq!(fold("Coeur d'Alene"), "coeur dalene");
        assert_eq!(fold("ÅRHUS"), "arhus");
        assert_eq!(fold(""), "");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn a_name_folded_after_others_leaves_them_whole() {
        let mut key = String::from("york");
        fold_into(&mut key, " ");
        assert_eq!(key, "york");
        fold_into(&mut key, "Saint ");
        assert_eq!(key, "yorkst");
    }

    /// Rows of a name are ordered, then kept or dropped; names and their
    /// values are found whichever row first gave them.
    #[test]
    fn a_table_keeps_each_names_rows_in_order() {
        let rows = [
            ("Portland", ("ME", 68)),
            ("Salem", ("MA", 44)),
            ("Salem", ("OR", 175)),
            ("Portland", ("OR", 652)),
            ("portland", ("ME", 1)),
            ("Aurora", ("IL", 180)),
            ("Zanesville", ("OH", 25)),
        ];
        let table: PlaceTable<&str> = PlaceTable::new(
            rows,
            |a, b| b.1.cmp(&a.1),
            |kept, (code, _)| (!kept.contains(&code)).then_some(code),
        );
        assert_eq!(table.get("PORTLAND"), ["OR", "ME"]);
        assert_eq!(table.get("Aurora"), ["IL"]);
        // A code kept for an earlier name is kept again for this one.
        assert_eq!(table.get("Salem"), ["OR", "MA"]);
        assert_eq!(table.get("Zanesville"), ["OH"]);
        assert!(table.get("Springfield").is_empty());
        assert!(table.get("").is_empty());
    }

    #[test]
    fn a_table_may_keep_one_value_a_name() {
        let rows = [
            ("Oxford", 150),
            ("Cambridge", 120),
            ("Oxford", 20),
            ("Oxford", 500),
        ];
        let largest: PlaceTable<u32> = PlaceTable::new(
            rows,
            |a, b| b.cmp(a),
            |kept, p| kept.is_empty().then_some(p),
        );
        assert_eq!(largest.get("oxford"), [500]);
        assert_eq!(largest.get("Cambridge"), [120]);
    }
}
