// footcite review page: the filters and search box, and the counts a test
// reads back. Errors are written into the page (data-js-errors) so that a
// headless browser run can see them.
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-js-errors", (body.getAttribute("data-js-errors") || "") + String(e.message) + "\n");
  });
  var notes = Array.prototype.slice.call(document.querySelectorAll("article.note"));
  var works = Array.prototype.slice.call(document.querySelectorAll("tr.work"));
  var el = function (id) { return document.getElementById(id); };
  var errorsOnly = el("f-errors"), type = el("f-type"), lang = el("f-lang");
  var search = el("f-search"), labels = el("f-labels"), shown = el("shown");
  var lower = null;
  var has = function (list, value) { return (" " + list + " ").indexOf(" " + value + " ") >= 0; };
  function apply() {
    var q = search.value.trim().toLowerCase(), t = type.value, l = lang.value, e = errorsOnly.checked;
    if (q && !lower) {
      // Lower-cased texts are made once, on the first search.
      lower = notes.map(function (n) { return n.textContent.toLowerCase(); });
      lower.works = works.map(function (w) { return w.textContent.toLowerCase(); });
    }
    var count = 0;
    notes.forEach(function (n, i) {
      var ok = (!e || n.getAttribute("data-errors") === "1") &&
        (!t || has(n.getAttribute("data-types"), t)) &&
        (!l || has(n.getAttribute("data-langs"), l)) &&
        (!q || lower[i].indexOf(q) >= 0);
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
  function later() { clearTimeout(timer); timer = setTimeout(apply, 120); }
  [errorsOnly, type, lang].forEach(function (c) { c.addEventListener("change", apply); });
  search.addEventListener("input", later);
  el("controls").addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  labels.addEventListener("change", function () { body.classList.toggle("labels", labels.checked); });
  shown.textContent = notes.length + " notes, " + works.length + " works";
  body.setAttribute("data-rendered-notes", String(notes.length));
  body.setAttribute("data-rendered-citations", String(document.querySelectorAll("article.note span.cite").length));
  body.setAttribute("data-rendered-works", String(works.length));
  body.setAttribute("data-rendered-findings", String(document.querySelectorAll("#notes li.diag").length));
  body.setAttribute("data-ready", "1");
})();
