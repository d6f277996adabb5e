#!/usr/bin/env node
// Render footcite's CSL-JSON with citeproc-js (the CSL processor Zotero
// uses) in a Chicago notes style, and check that every rendered note carries
// the authors, titles, containers, years and pages of the source note.
//
// Usage: node render.js INPUT.json [STYLE.csl] [LOCALE.xml]
//
// INPUT.json: {"items": [CSL-JSON items],
//              "notes": [{"number": 1, "cites": [{"id": "...", "kind": "full",
//                         "source": "the citation's text in the note",
//                         "locator": "388, 394-400", "label": "page"}]}]}
//
// Each note is rendered as a first (full) citation with
// makeCitationCluster, so Chicago's short forms for repeated works do not
// hide what the data holds. Prints one JSON line per note
// ({"number", "rendered", "problems"}) and exits 1 if any note has a
// problem, 2 on a usage or setup error.
"use strict";

const fs = require("fs");
const path = require("path");

const STYLE =
  "/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl";
const LOCALE = "/usr/share/citation-style-language/locales/locales-en-US.xml";

function die(msg) {
  process.stderr.write(`render.js: ${msg}\n`);
  process.exit(2);
}

let CSL;
try {
  CSL = require(path.join(__dirname, "node_modules", "citeproc"));
} catch (e) {
  die(`citeproc is not installed (npm ci in ${__dirname}): ${e.message}`);
}

const [inputPath, stylePath = STYLE, localePath = LOCALE] = process.argv.slice(2);
if (!inputPath) die("usage: render.js INPUT.json [STYLE.csl] [LOCALE.xml]");
for (const p of [inputPath, stylePath, localePath]) {
  if (!fs.existsSync(p)) die(`missing file ${p}`);
}

const input = JSON.parse(fs.readFileSync(inputPath, "utf8"));
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const items = new Map(input.items.map((it) => [it.id, it]));

const sys = {
  retrieveLocale: () => locale,
  retrieveItem: (id) => items.get(id),
};
const engine = new CSL.Engine(sys, style, "en-US", true);
engine.setOutputFormat("text");
engine.updateItems([...items.keys()]);

// Lowercase letters, digits and ideographs only: what survives differences
// in case, spacing, quotes, dashes and punctuation.
function fold(s) {
  return String(s)
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

// Does the folded text hold this locator? Every page must be there; a range
// end may be abbreviated the Chicago way (`150–52`).
function hasLocator(text, locator) {
  const f = fold(text);
  for (const part of String(locator).split(/[,;&]|\band\b/)) {
    const [a, b] = part.split(/[-–—]/).map((x) => fold(x));
    if (!a) continue;
    if (b === undefined || b === "") {
      if (!f.includes(a)) return false;
      continue;
    }
    let ok = false;
    for (let k = 0; k < b.length && !ok; k++) ok = f.includes(a + b.slice(k));
    if (!ok) return false;
  }
  return true;
}

// Chinese numerals as Arabic digits (`版五` → `版5`), for page checks.
function arabic(s) {
  const digit = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit = { 十: 10, 百: 100, 千: 1000 };
  return String(s).replace(/[零〇一二兩三四五六七八九十百千]+/g, (run) => {
    let total = 0;
    let current = null;
    for (const c of run) {
      if (c in digit) current = digit[c];
      else {
        total += (current === null ? 1 : current) * unit[c];
        current = null;
      }
    }
    return String(total + (current || 0));
  });
}

function year(item) {
  const parts = item.issued && item.issued["date-parts"];
  return parts && parts[0] && parts[0][0] ? String(parts[0][0]) : null;
}

// The facts of an item a note should show: [what, text].
function facts(item) {
  const out = [];
  const names = item.author && item.author.length ? item.author : item.editor || [];
  // Chicago notes name one author and "et al." from four on.
  for (const n of names.length >= 4 ? names.slice(0, 1) : names) {
    out.push(["author", n.family || n.literal || ""]);
  }
  if (item.title) out.push(["title", item.title]);
  if (item["container-title"]) out.push(["container", item["container-title"]]);
  const y = year(item);
  if (y) out.push(["year", y]);
  return out.filter(([, v]) => fold(v));
}

let failed = 0;
for (const note of input.notes) {
  const problems = [];
  const cites = note.cites.filter((c) => items.has(c.id));
  for (const c of note.cites) {
    if (!items.has(c.id)) problems.push(`no item ${c.id}`);
  }
  let rendered = "";
  if (cites.length) {
    const citationItems = cites.map((c) => {
      const ci = { id: c.id };
      if (c.locator) {
        ci.locator = c.locator;
        ci.label = c.label || "page";
      }
      return ci;
    });
    try {
      rendered = engine.makeCitationCluster(citationItems);
    } catch (e) {
      problems.push(`citeproc failed: ${e.message}`);
    }
  }
  const r = fold(rendered);
  for (const c of cites) {
    const item = items.get(c.id);
    const source = fold(c.source || "");
    for (const [what, value] of facts(item)) {
      const v = fold(value);
      const inSource = source.includes(v);
      // A full citation gave every fact of its item: each must be in its
      // text. Short forms and Ibid. give some: those must agree.
      if (c.kind === "full" && !inSource) {
        problems.push(`${c.id}: ${what} "${value}" is not in the source note`);
      }
      if ((inSource || c.kind !== "full") && !r.includes(v)) {
        problems.push(`${c.id}: ${what} "${value}" is not in the rendered note`);
      }
    }
    if (c.locator) {
      if (c.kind !== "ibid" && !hasLocator(arabic(c.source || ""), c.locator)) {
        problems.push(`${c.id}: pages "${c.locator}" are not in the source note`);
      }
      if (!hasLocator(rendered, c.locator)) {
        problems.push(`${c.id}: pages "${c.locator}" are not in the rendered note`);
      }
    }
  }
  if (problems.length) failed++;
  process.stdout.write(JSON.stringify({ number: note.number, rendered, problems }) + "\n");
}
process.stderr.write(
  `render.js: ${input.notes.length} notes rendered, ${failed} with problems\n`
);
process.exit(failed ? 1 : 0);
