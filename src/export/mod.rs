//! Exports of an extraction: biblatex/BibTeX ([`to_biblatex`]), CSL-JSON
//! ([`to_csl_json`]) and the `\footcite` replacement of every footnote
//! ([`to_latex`]). [`crate::job`] writes them and the check report beside
//! each other.
//!
//! Every export names a work by its item's `id`, the key
//! [`crate::keys::assign_keys`] gives it. When the ids of the works are not
//! all set and unique (hand-built works in tests, say), the exporters key
//! a copy themselves, the same way each time, so the `.bib` and the `.tex`
//! still agree.

pub mod biblatex;
pub mod csl;
pub mod latex;

pub use self::biblatex::{to_biblatex, Dialect};
pub use self::csl::to_csl_json;
pub use self::latex::to_latex;

use crate::resolve::Work;
use std::borrow::Cow;
use std::collections::HashSet;

/// The works with usable keys: as given when every id is set and unique,
/// else a copy keyed by [`crate::keys::assign_keys`].
pub fn keyed(works: &[Work]) -> Cow<'_, [Work]> {
    let mut seen = HashSet::new();
    if works
        .iter()
        .all(|w| !w.item.id.is_empty() && seen.insert(w.item.id.as_str()))
    {
        return Cow::Borrowed(works);
    }
    // Each item is shared with the caller's works: keying copies it.
    let mut owned = works.to_vec();
    crate::keys::key_in_place(
        &mut owned,
        |w| &w.item,
        |w| std::sync::Arc::make_mut(&mut w.item),
    );
    Cow::Owned(owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, DatePart, Item, ItemType, Name};

    fn work(id: &str, title: &str) -> Work {
        let mut item = Item::new(ItemType::Book);
        item.id = id.into();
        item.author = vec![Name::person("Li", "Peng")];
        item.title = Some(title.into());
        item.issued = Some(Date::single(DatePart::year(1990)));
        Work {
            item: item.into(),
            cited_in: Vec::new(),
        }
    }

    #[test]
    fn works_with_unique_keys_are_lent_as_they_are() {
        let works = [work("a", "China"), work("b", "China")];
        assert!(matches!(keyed(&works), Cow::Borrowed(_)));
    }

    #[test]
    fn works_without_keys_are_keyed_in_a_copy() {
        let works = [work("", "China"), work("", "China"), work("", "Russia")];
        let keyed = keyed(&works);
        let keys: Vec<&str> = keyed.iter().map(|w| w.item.id.as_str()).collect();
        assert_eq!(keys, ["li1990chinaa", "li1990chinab", "li1990russia"]);
        // The caller's works keep their items.
        assert!(works.iter().all(|w| w.item.id.is_empty()));
        // A key given twice is no key: both are made again.
        let twice = [work("x", "China"), work("x", "Russia")];
        let keys: Vec<String> = keyed_ids(&twice);
        assert_eq!(keys, ["li1990china", "li1990russia"]);
    }

    fn keyed_ids(works: &[Work]) -> Vec<String> {
        keyed(works).iter().map(|w| w.item.id.clone()).collect()
    }
}
