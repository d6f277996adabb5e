#!/usr/bin/env node
// Render the round-trip corpus as the notes of a paper: each item cited in
// turn with a page locator, some cited again at once (Ibid.) and some again
// later (short forms), as a paper cites them.
//
// Usage: node render.js CORPUS.json RENDERER
//   RENDERER: a CSL style name from Debian's citation-style-language-styles
//   (rendered by citeproc-js, the CSL processor Zotero uses, with the en-US
//   or zh-CN locale), or `taiwan`: the Taiwanese note forms (〈篇名〉,
//   《書名》（地點：出版社，年）, 頁 N, 同上註), which no CSL style writes, so this
//   file writes them itself.
//
// Prints {"notes": [{"number", "text", "cites": [{"id", "position",
// "locator"}]}]}: position is "first", "ibid" (the same work as the note
// before) or "subsequent".
"use strict";

const fs = require("fs");
const path = require("path");

const CSL_DIR = "/usr/share/citation-style-language";

function die(msg) {
  process.stderr.write(`render.js: ${msg}\n`);
  process.exit(2);
}

const [corpusPath, renderer] = process.argv.slice(2);
if (!corpusPath || !renderer) die("usage: render.js CORPUS.json RENDERER");
const items = JSON.parse(fs.readFileSync(corpusPath, "utf8"));

// The order of citations: every item first; every fourth again at once;
// every third again seven items later.
function plan() {
  const cites = [];
  const locator = (i) => (i % 4 === 2 ? `${12 + (i % 80)}–${15 + (i % 80)}` : `${3 + (i % 97)}`);
  items.forEach((item, i) => {
    cites.push({ id: item.id, position: "first", locator: locator(i) });
    if (i % 4 === 1) cites.push({ id: item.id, position: "ibid", locator: locator(i + 1) });
    if (i >= 7 && i % 3 === 0) {
      cites.push({ id: items[i - 7].id, position: "subsequent", locator: locator(i + 5) });
    }
  });
  return cites;
}

function citeproc(style) {
  let CSL;
  try {
    CSL = require(path.join(__dirname, "..", "citeproc", "node_modules", "citeproc"));
  } catch (e) {
    die(`citeproc is not installed (npm ci in tests/citeproc): ${e.message}`);
  }
  const lang = items.some((it) => it.language === "zh-CN") ? "zh-CN" : "en-US";
  const stylePath = `${CSL_DIR}/styles/${style}.csl`;
  const localePath = (l) => `${CSL_DIR}/locales/locales-${l}.xml`;
  for (const p of [stylePath, localePath(lang)]) {
    if (!fs.existsSync(p)) die(`missing file ${p}`);
  }
  const byId = new Map(items.map((it) => [it.id, it]));
  const sys = {
    retrieveLocale: (l) => {
      const p = localePath(l);
      return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : fs.readFileSync(localePath("en-US"), "utf8");
    },
    retrieveItem: (id) => byId.get(id),
  };
  const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), lang, true);
  engine.setOutputFormat("text");
  engine.updateItems([...byId.keys()]);
  const cites = plan();
  // All citations in one pass: processCitationCluster per note is quadratic
  // and takes a minute on the GB/T note style.
  const citations = cites.map((c, n) => ({
    citationID: `c${n + 1}`,
    citationItems: [{ id: c.id, locator: c.locator, label: "page" }],
    properties: { noteIndex: n + 1 },
  }));
  const texts = new Map();
  for (const [id, , text] of engine.rebuildProcessorState(citations, "text")) texts.set(id, text);
  return cites.map((c, n) => ({ number: n + 1, text: texts.get(`c${n + 1}`), cites: [c] }));
}

// ---- Taiwanese note forms -------------------------------------------------

const year = (it) => ((it.issued || {})["date-parts"] || [[]])[0] || [];
function names(list) {
  return (list || [])
    .map((n) => n.literal || `${n.family || ""}${n.given ? (/[\u3400-\u9fff]/.test(n.family || "") ? n.given : ` ${n.given}`) : ""}`)
    .join("、");
}
function when(it) {
  const [y, m, d] = year(it);
  if (!y) return "";
  return `${y} 年${m ? ` ${m} 月` : ""}${d ? ` ${d} 日` : ""}`;
}
function pubParen(it, what) {
  const place = it["publisher-place"];
  const pub = what || it.publisher;
  const parts = [place && pub ? `${place}：${pub}` : pub || place, when(it)].filter(Boolean);
  return parts.length ? `（${parts.join("，")}）` : "";
}
function taiwanFull(it, loc) {
  const by = names(it.author);
  const eds = names(it.editor);
  const trans = names(it.translator);
  const head = [];
  if (by) head.push(by);
  if (!by && eds) head.push(`${eds}編`);
  if (trans) head.push(`${trans}譯`);
  const page = `頁 ${loc}`;
  const ed = !it.edition ? "" : /^\d+$/.test(it.edition) ? `，第 ${it.edition} 版` : `，${it.edition}`;
  switch (it.type) {
    case "article-journal":
    case "article-magazine": {
      const vol = it.volume ? `第 ${it.volume} 卷` : "";
      const iss = it.issue ? `第 ${it.issue} 期` : "";
      const vi = vol || iss ? `，${vol}${iss}` : "";
      const dated = when(it) ? `（${when(it)}）` : "";
      return [...head, `〈${it.title}〉`, `《${it["container-title"] || ""}》${vi}${dated}，${page}`].join("，");
    }
    case "article-newspaper":
      return [...head, `〈${it.title}〉`, `《${it["container-title"] || ""}》`, `${when(it)}，${page}`].join("，");
    case "chapter":
    case "paper-conference": {
      const bookEds = names(it.editor) || names(it["container-author"]);
      const inBook = `收錄於${bookEds ? `${bookEds}編，` : ""}《${it["container-title"] || ""}》`;
      return [...(by ? [by] : []), `〈${it.title}〉`, `${inBook}${pubParen(it)}，${page}`].join("，");
    }
    case "thesis": {
      const genre = /[\u3400-\u9fff]/.test(it.genre || "") ? it.genre
        : /ph\.?d|doctor/i.test(it.genre || "") ? "博士論文" : "碩士論文";
      return [...head, `《${it.title}》${pubParen(it, `${it.publisher || ""}${genre}`)}，${page}`].join("，");
    }
    case "webpage":
      return [...head, `〈${it.title}〉`, `${it["container-title"] ? `《${it["container-title"]}》，` : ""}${when(it)}`, it.URL || ""].filter(Boolean).join("，");
    default:
      return [...head, `《${it.title}》${ed}${pubParen(it)}，${page}`].join("，");
  }
}
function taiwanShort(it, loc) {
  const by = names(it.author) || names(it.editor);
  const short = it["title-short"] || it.title;
  const title = ["book", "thesis", "report"].includes(it.type) ? `《${short}》` : `〈${short}〉`;
  return [...(by ? [by] : []), title, `頁 ${loc}`].join("，");
}
function taiwan() {
  const byId = new Map(items.map((it) => [it.id, it]));
  return plan().map((c, n) => {
    const it = byId.get(c.id);
    const body =
      c.position === "first" ? taiwanFull(it, c.locator)
      : c.position === "ibid" ? `同上註，頁 ${c.locator}`
      : taiwanShort(it, c.locator);
    return { number: n + 1, text: `${body}。`, cites: [c] };
  });
}

const notes = renderer === "taiwan" ? taiwan() : citeproc(renderer);
process.stdout.write(JSON.stringify({ renderer, notes }) + "\n");
