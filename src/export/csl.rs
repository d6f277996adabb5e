//! CSL-JSON: one item per work, in the order of first citation.
//!
//! [`crate::model::Item`] already serialises to CSL's keys and shapes
//! (`container-title`, `publisher-place`, `date-parts` with `season` and
//! ranges, `language` as a BCP 47 tag), and to nothing the schema does not
//! define, so this is the item list written out. Names keep `family` and
//! `given` apart, Chinese names too: Zotero's CSL-JSON importer splits
//! `{"family": "熊", "given": "光楷"}` into last and first name.

use crate::resolve::Work;

/// The works as a pretty-printed CSL-JSON array, ending with a newline.
pub fn to_csl_json(works: &[Work]) -> String {
    let works = super::keyed(works);
    let items: Vec<&crate::model::Item> = works.iter().map(|w| &w.item).collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}
