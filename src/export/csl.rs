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
    super::collect_string(|out| write_csl_json(works, out))
}

/// [`to_csl_json`] written straight to `out`.
pub fn write_csl_json(works: &[Work], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let works = super::keyed(works);
    let items: Vec<&crate::model::Item> = works.iter().map(|w| &*w.item).collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")
}
