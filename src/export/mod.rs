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
    let keys = crate::keys::unique_keys(works.iter().map(|w| &*w.item));
    Cow::Owned(
        works
            .iter()
            .zip(keys)
            .map(|(w, key)| {
                let mut item = (*w.item).clone();
                item.id = key;
                Work {
                    item: item.into(),
                    cited_in: w.cited_in.clone(),
                }
            })
            .collect(),
    )
}
