//! The review page (`footcite review`): what it shows of the paper in
//! `refs/`, that nothing from the input becomes markup or script, a
//! snapshot of a small paper's page, and the command line.

mod common;

use footcite::check::Today;
use footcite::review::to_review_html;
use std::path::Path;

const PAPER: &str = "refs/tsai-2006-russia-china-military-ties.txt";
const TODAY: Today = Today {
    year: 2026,
    month: 1,
    day: 1,
};

fn page_of(text: &str, name: &str) -> (footcite::Extraction, String) {
    let ex = footcite::extract(text).unwrap();
    let html = to_review_html(&ex, name, TODAY);
    (ex, html)
}

fn refs_page() -> (footcite::Extraction, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(PAPER)).unwrap();
    page_of(&text, "tsai-2006-russia-china-military-ties.txt")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The page without its tags.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Citations in the notes: `<span class="cite…" id="c…">` (the legend's
/// sample has no id).
fn citations(html: &str) -> usize {
    html.match_indices("<span class=\"cite")
        .filter(|(i, _)| {
            let tag = &html[*i..];
            tag[..tag.find('>').unwrap_or(0)].contains(" id=\"c")
        })
        .count()
}

#[test]
fn the_paper_in_refs_shows_every_note_citation_work_and_finding() {
    let (ex, html) = refs_page();
    assert_eq!(count(&html, "<article class=\"note\""), 48, "notes");
    assert_eq!(citations(&html), 59, "citations");
    assert_eq!(count(&html, "<div class=\"work\" id=\"w"), 54, "works");
    let findings = footcite::check::check_extraction_at(&ex, TODAY);
    assert_eq!(findings.len(), 20);
    assert_eq!(count(&html, "<li class=\"diag\""), findings.len());
    assert_eq!(count(&html, "<li class=\"finding\""), findings.len());
    for d in &findings {
        let at = format!(
            "data-severity=\"{}\" data-code=\"{}\" data-line=\"{}\" data-column=\"{}\"",
            d.severity.name(),
            d.code,
            d.line,
            d.column
        );
        assert!(html.contains(&at), "finding missing from the page: {at}");
    }
    // The summary line of `footcite check`.
    assert!(html.contains(
        "summary: 4 errors, 16 warnings (malformed 8, duplicates 2, numbering 0, consistency 10)"
    ));
    // Every finding in a note is marked in its text.
    assert_eq!(
        count(&html, "<a class=\"mark sev-"),
        findings.len(),
        "inline marks"
    );
}

#[test]
fn fields_are_highlighted_and_short_forms_link_to_their_work() {
    let (_, html) = refs_page();
    // Note 7 (the `p,129` error): author, title, place, publisher, date,
    // and the error marked where it stands.
    assert!(html.contains("<span data-f=\"author\">Elizabeth Wishnick</span>"));
    assert!(html.contains("<span data-f=\"publisher\">Seattle</span>"));
    assert!(html.contains(
        "<span class=\"flag-error\">p,</span><span class=\"flag-error\" data-f=\"locator\">129</span><a class=\"mark sev-error\""
    ));
    // Every Ibid. and short form that resolved links to its work's row.
    let links = count(&html, "class=\"to-work\" href=\"#w");
    assert_eq!(links, 59, "every citation of the paper resolves");
    for kind in ["ibid", "short"] {
        let citation = format!("data-kind=\"{kind}\">");
        let at = html.find(&citation).unwrap();
        let end = at + html[at..].find("</span>.").unwrap_or(200);
        assert!(
            html[at..end].contains("class=\"to-work\" href=\"#w"),
            "{kind}"
        );
    }
    // The repeat of note 4 in note 11 is shown beside it.
    assert!(html.contains("<div class=\"pair\" data-code=\"duplicate-citation\">"));
    assert!(html.contains("<div class=\"pair\" data-code=\"repeated-full-citation\">"));
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let (_, html) = refs_page();
    let (_, again) = refs_page();
    assert_eq!(html, again);
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(
            !html.contains(external),
            "page refers outside itself: {external}"
        );
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("@media print"));
}

/// A paper whose notes hold markup and an attribute breakout.
fn hostile_paper() -> String {
    let notes = [
        "1 Allen Lynch, <script>alert(1)</script> Policy (New York: Praeger, 1991), p.38.",
        "2 Allen Lynch, \"onmouseover=alert(2) x=\" (New York: Praeger, 1992), p.40.",
        "3 <img src=x onerror=alert(3)> & <b>bold</b> </p></article><script>alert(4)</script>",
        "4 Ibid., p.<script>5</script>.",
    ];
    let body: String = (1..=notes.len()).map(|n| format!("Body.{n}")).collect();
    format!(
        "Title\n\n{body}\n{}\n{}\n",
        " ".repeat(20),
        notes.join("\n")
    )
}

#[test]
fn nothing_from_the_input_becomes_markup_or_script() {
    let (ex, html) = page_of(&hostile_paper(), "<script>alert(0)</script>\".txt");
    assert_eq!(ex.notes.len(), 4);
    // The page's only script is its own.
    assert_eq!(count(&html, "<script"), 1);
    assert_eq!(count(&html, "</script>"), 1);
    for raw in [
        "<script>alert(",
        "<img",
        "<b>bold",
        "\"onmouseover",
        "</article><script>",
        "alert(0)</script>\"",
    ] {
        assert!(!html.contains(raw), "raw input in the page: {raw}");
    }
    for escaped in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&quot;onmouseover=alert(2) x=&quot;",
        "&lt;img src=x onerror=alert(3)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;",
        "&lt;/p&gt;&lt;/article&gt;&lt;script&gt;alert(4)&lt;/script&gt;",
        "footcite review: &lt;script&gt;alert(0)&lt;/script&gt;&quot;.txt",
    ] {
        // The text of the page (its own tags taken out: any `<` of the
        // input is escaped, so every `<` left is the page's own).
        assert!(
            text_of(&html).contains(escaped),
            "escaped form missing: {escaped}"
        );
    }
    // No attribute is opened by the input: every `on…=` in the page is
    // inside escaped text, never an attribute name.
    for handler in [" onmouseover=", " onerror=", " onclick=", " onload="] {
        for (i, _) in html.match_indices(handler) {
            let before = &html[..i];
            let last_lt = before.rfind('<').unwrap_or(0);
            let last_gt = before.rfind('>').unwrap_or(0);
            assert!(last_gt > last_lt, "{handler} inside a tag at byte {i}");
        }
    }
}

#[test]
fn snapshot_of_a_small_papers_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The paper of planted problems: findings of every class in its notes.
    let text = std::fs::read_to_string(root.join("tests/data/planted.txt")).unwrap();
    let (_, html) = page_of(&text, "planted.txt");
    // The stylesheet and script are the crate's own constants: left out
    // so that the snapshot shows what the paper made.
    let body = html
        .split_once("<body")
        .map_or(html.as_str(), |(_, b)| b)
        .split("<script>")
        .next()
        .unwrap_or("")
        .replace("><", ">\n<");
    insta::assert_snapshot!("review_planted", body);
}

#[test]
fn review_writes_beside_the_input_or_where_told() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/data/synthetic-paper.txt")).unwrap();
    common::write(dir.path(), "paper.txt", &text);
    let run = common::footcite(dir.path(), &["review", "paper.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(dir.path().join("paper.review.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(run.stderr.contains("paper.review.html"));
    let run = common::footcite(dir.path(), &["review", "paper.txt", "-o", "-"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, page, "same page on stdout, and deterministic");
    let run = common::footcite(dir.path(), &["review", "paper.txt", "-o", "out.html"]);
    assert_eq!(run.code, 0);
    assert!(dir.path().join("out.html").exists());
    // The main job writes it too.
    let run = common::footcite(dir.path(), &["paper.txt", "--out-dir", "all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("all/paper.review.html")).unwrap(),
        page
    );
    // A file that is not a paper is refused with exit 2, writing nothing.
    common::write(dir.path(), "empty.txt", "no notes here\n");
    let run = common::footcite(dir.path(), &["review", "empty.txt"]);
    assert_eq!(run.code, 2);
    assert!(!dir.path().join("empty.review.html").exists());
}
