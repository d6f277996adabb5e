//! The outputs committed under `refs/` are what footcite writes today: a
//! snapshot test of every exported file. When an intended change alters
//! them, regenerate with
//! `cargo run --release -- refs/tsai-2006-russia-china-military-ties.txt`
//! (or run this test with `FOOTCITE_BLESS=1`).

use std::path::Path;

const STEM: &str = "tsai-2006-russia-china-military-ties";

#[test]
fn committed_outputs_are_current() {
    let refs = Path::new(env!("CARGO_MANIFEST_DIR")).join("refs");
    let input = refs.join(format!("{STEM}.txt"));
    let text = std::fs::read_to_string(&input).unwrap();
    let ex = footcite::extract(&text).unwrap();
    let dir = std::env::temp_dir().join(format!("footcite-refs-{}", std::process::id()));
    let written = footcite::job::write_outputs(&ex, STEM, &dir, Some(&input)).unwrap();
    assert_eq!(
        written.len(),
        5,
        "bib, json, footcite.tex, check.txt, review.html"
    );
    let bless = std::env::var_os("FOOTCITE_BLESS").is_some();
    let mut stale = Vec::new();
    for path in &written {
        let name = path.file_name().unwrap();
        let fresh = std::fs::read_to_string(path).unwrap();
        let committed_path = refs.join(name);
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        if fresh != committed {
            if bless {
                std::fs::write(&committed_path, &fresh).unwrap();
            } else {
                let line = fresh
                    .lines()
                    .zip(committed.lines())
                    .position(|(a, b)| a != b)
                    .map_or_else(
                        || fresh.lines().count().min(committed.lines().count()) + 1,
                        |i| i + 1,
                    );
                stale.push(format!(
                    "refs/{} differs from line {line}",
                    name.to_string_lossy()
                ));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        stale.is_empty(),
        "stale outputs (regenerate with `cargo run --release -- refs/{STEM}.txt`):\n{}",
        stale.join("\n")
    );
}
