/* tei site: full-text search in the browser, over assets/search-index.js (built by tei site).
   Every word must occur in a letter, the last one possibly as the start of a word (search as
   you type); a phrase in double quotes must occur as written. Terms are letters and digits,
   lower-cased, without diacritics, as the index was built. No server, no network. */
(function () {
  "use strict";
  var data = window.TEI_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !form) { return; }
  var LIMIT = 100;
  var terms = Object.keys(data.terms).sort();
  var folded = [];

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "").toLowerCase();
  }
  function words(text) { return normalise(text).match(/[\p{L}\p{N}]+/gu) || []; }
  function foldedText(doc) {
    if (folded[doc] === undefined) { folded[doc] = words(data.texts[doc]).join(" "); }
    return folded[doc];
  }
  function withPrefix(prefix) {
    var lo = 0, hi = terms.length, found = {};
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < prefix) { lo = mid + 1; } else { hi = mid; } }
    for (var i = lo; i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i += 1) {
      data.terms[terms[i]].forEach(function (doc) { found[doc] = true; });
    }
    return Object.keys(found).map(Number);
  }
  function intersect(a, b) {
    var set = {}; b.forEach(function (x) { set[x] = true; });
    return a.filter(function (x) { return set[x]; });
  }

  function search(query) {
    var phrases = [], rest = query.replace(/"([^"]*)"/g, function (_, p) { phrases.push(p); return " "; });
    var all = words(rest), exact = [];
    phrases.forEach(function (p) { var w = words(p); if (w.length) { exact.push(w.join(" ")); all = all.concat(w); } });
    if (!all.length) { return null; }
    var last = query.trim().slice(-1) === '"' ? null : words(rest).slice(-1)[0];
    var docs = null;
    all.forEach(function (word, index) {
      var isPrefix = word === last && index === words(rest).length - 1;
      var hits = isPrefix ? withPrefix(word) : (data.terms[word] || []);
      docs = docs === null ? hits.slice() : intersect(docs, hits);
    });
    var whole = all.join(" ");
    return docs.filter(function (doc) {
      var text = foldedText(doc);
      return exact.every(function (p) { return (" " + text + " ").indexOf(" " + p + " ") >= 0; });
    }).map(function (doc) {
      var text = foldedText(doc), score = 0, at = text.indexOf(exact[0] || whole);
      if (at >= 0) { score += 10; }
      all.forEach(function (w) { score += text.split(w).length - 1; });
      return {doc: doc, score: score, at: at, word: exact[0] || all[0]};
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  function snippet(hit) {
    var text = foldedText(hit.doc);
    var at = text.indexOf(hit.word);
    var start = Math.max(0, at - 80), end = Math.min(text.length, at + hit.word.length + 120);
    var p = document.createElement("p");
    p.appendChild(document.createTextNode((start ? "… " : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + hit.word.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + hit.word.length, end) + (end < text.length ? " …" : "")));
    return p;
  }

  function show(query) {
    list.textContent = "";
    var hits = search(query);
    if (hits === null) { status.textContent = ""; return; }
    status.textContent = hits.length === 0 ? "No letter matches."
      : (hits.length === 1 ? "1 letter matches" : hits.length + " letters match")
        + (hits.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var doc = data.docs[hit.doc], item = document.createElement("li"), link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + doc[2] + (doc[3] ? "; " + doc[3] : "") + ")"));
      if (hit.at >= 0) { item.appendChild(snippet(hit)); }
      list.appendChild(item);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
}());
