// footcite review page: puts the notes and works held back in templates
// in place (as they are scrolled to, or all at once for a filter, a search,
// a link or printing), runs the filters and search box, and writes the
// counts a test reads back. Errors are written into the page
// (data-js-errors) so that a headless browser run can see them.
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-js-errors", (body.getAttribute("data-js-errors") || "") + String(e.message) + "\n");
  });
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  var el = function (id) { return document.getElementById(id); };
  var notes = [], works = [], lower = null;
  function collect() {
    notes = all("article.note");
    works = all("div.work");
    lower = null;
  }
  function place(template) {
    if (template.parentNode) {
      template.parentNode.replaceChild(template.content, template);
    }
  }
  function placeAll() {
    var pending = all("template.later");
    if (pending.length) {
      pending.forEach(place);
      collect();
    }
  }
  // Each template follows a mark; when the mark nears the screen, the
  // template's notes take its place.
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          var next = entry.target.nextElementSibling;
          if (next && next.tagName === "TEMPLATE") {
            place(next);
            collect();
          }
        }
      });
    }, { rootMargin: "3000px 0px" });
    all("div.later-mark").forEach(function (m) { observer.observe(m); });
  } else {
    placeAll();
  }
  // A link to a note or work still in a template puts them all in place;
  // a link into the closed findings index opens it.
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var target = el(id), moved = false;
    if (!target) {
      placeAll();
      target = el(id);
      moved = true;
    }
    if (!target) { return; }
    var box = target.closest ? target.closest("details") : null;
    if (box && !box.open) {
      box.open = true;
      moved = true;
    }
    if (moved) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", placeAll);

  var errorsOnly = el("f-errors"), type = el("f-type"), lang = el("f-lang");
  var search = el("f-search"), labels = el("f-labels"), shown = el("shown");
  var has = function (list, value) { return (" " + list + " ").indexOf(" " + value + " ") >= 0; };
  function apply() {
    placeAll();
    var q = search.value.trim().toLowerCase(), t = type.value, l = lang.value, e = errorsOnly.checked;
    if (q && !lower) {
      // Lower-cased texts are made once, on the first search.
      lower = {
        notes: notes.map(function (n) { return n.textContent.toLowerCase(); }),
        works: works.map(function (w) { return w.textContent.toLowerCase(); })
      };
    }
    var count = 0;
    notes.forEach(function (n, i) {
      var ok = (!e || n.getAttribute("data-errors") === "1") &&
        (!t || has(n.getAttribute("data-types"), t)) &&
        (!l || has(n.getAttribute("data-langs"), l)) &&
        (!q || lower.notes[i].indexOf(q) >= 0);
      n.hidden = !ok;
      if (ok) { count += 1; }
    });
    var wcount = 0;
    works.forEach(function (w, i) {
      var ok = (!t || w.getAttribute("data-type") === t) &&
        (!l || w.getAttribute("data-lang") === l) &&
        (!q || lower.works[i].indexOf(q) >= 0);
      w.hidden = !ok;
      if (ok) { wcount += 1; }
    });
    shown.textContent = count + " of " + notes.length + " notes, " + wcount + " of " + works.length + " works shown";
  }
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(apply, 150); }
  [errorsOnly, type, lang].forEach(function (c) { c.addEventListener("change", apply); });
  search.addEventListener("input", later);
  el("controls").addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  labels.addEventListener("change", function () { body.classList.toggle("labels", labels.checked); });

  collect();
  reveal();
  // Counts of what the page holds, in the page and in its templates.
  var templates = all("template.later");
  var count = function (selector) {
    return templates.reduce(function (n, t) {
      return n + t.content.querySelectorAll(selector).length;
    }, all(selector).length);
  };
  var total = { notes: count("article.note"), works: count("div.work") };
  shown.textContent = total.notes + " notes, " + total.works + " works";
  body.setAttribute("data-rendered-notes", String(total.notes));
  body.setAttribute("data-rendered-citations", String(count("article.note span.cite")));
  body.setAttribute("data-rendered-works", String(total.works));
  body.setAttribute("data-rendered-findings", String(count("li.diag")));
  // How long the page took to parse and run this script, and to load.
  body.setAttribute("data-script-ms", String(Math.round(performance.now())));
  window.addEventListener("load", function () {
    body.setAttribute("data-load-ms", String(Math.round(performance.now())));
  });
  body.setAttribute("data-ready", "1");
})();
