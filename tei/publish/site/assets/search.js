/* tei site: full-text search in the browser, over assets/search-index.js (built by tei site).
   Every word must occur in a letter, the last one possibly as the start of a word (search as
   you type); a phrase in double quotes must occur as written, word after word. Words are runs
   of letters and digits, compared lower-cased and without diacritics, as the index was built.
   Hits are shown in their context from the letter's own text. No server, no network. */
(function () {
  "use strict";
  var data = window.TEI_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !form) { return; }
  var LIMIT = 100;
  var WORD = /[\p{L}\p{N}]+/gu;
  var terms = Object.keys(data.terms).sort();
  var cache = {};

  function normalise(text) { return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); }
  function words(text) { return normalise(text).match(WORD) || []; }

  /* the letter's words with where each stands in its text: [start, end, normalised] */
  function tokens(doc) {
    if (!cache[doc]) {
      var text = data.texts[doc], found = [], match, scan = new RegExp(WORD.source, "gu");
      while ((match = scan.exec(text)) !== null) {
        words(match[0]).forEach(function (w) {
          found.push([match.index, match.index + match[0].length, w]);
        });
      }
      cache[doc] = found;
    }
    return cache[doc];
  }

  /* where the words stand one after the other (the last may be a prefix), or null */
  function locate(doc, wanted, lastIsPrefix) {
    var all = tokens(doc), n = wanted.length;
    for (var i = 0; i + n <= all.length; i += 1) {
      var ok = true;
      for (var j = 0; j < n && ok; j += 1) {
        var word = all[i + j][2];
        ok = (lastIsPrefix && j === n - 1) ? word.lastIndexOf(wanted[j], 0) === 0 : word === wanted[j];
      }
      if (ok) { return [all[i][0], all[i + n - 1][1]]; }
    }
    return null;
  }

  function withPrefix(prefix) {
    var lo = 0, hi = terms.length, found = {};
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) { lo = mid + 1; } else { hi = mid; }
    }
    for (var i = lo; i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i += 1) {
      data.terms[terms[i]].forEach(function (doc) { found[doc] = true; });
    }
    return Object.keys(found).map(Number);
  }

  function intersect(a, b) {
    var set = {};
    b.forEach(function (x) { set[x] = true; });
    return a.filter(function (x) { return set[x]; });
  }

  function parse(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]*)"?/g, function (_, p) {
      if (words(p).length) { phrases.push(words(p)); }
      return " ";
    });
    var loose = words(rest);
    var prefix = loose.length > 0 && /[\p{L}\p{N}]$/u.test(query.trim());
    return {phrases: phrases, loose: loose, prefix: prefix};
  }

  function search(query) {
    var q = parse(query), docs = null;
    if (!q.phrases.length && !q.loose.length) { return null; }
    var narrow = function (hits) { docs = docs === null ? hits.slice() : intersect(docs, hits); };
    q.phrases.forEach(function (p) { p.forEach(function (w) { narrow(data.terms[w] || []); }); });
    q.loose.forEach(function (w, i) {
      narrow(q.prefix && i === q.loose.length - 1 ? withPrefix(w) : (data.terms[w] || []));
    });
    var hits = [];
    docs.forEach(function (doc) {
      var at = null, ok = q.phrases.every(function (p) {
        var found = locate(doc, p, false);
        at = at || found;
        return found !== null;
      });
      if (!ok) { return; }
      var together = q.loose.length ? locate(doc, q.loose, q.prefix) : null;
      var first = q.loose.length ? locate(doc, q.loose.slice(0, 1), q.prefix && q.loose.length === 1) : null;
      hits.push({doc: doc, at: at || together || first, score: (together ? 2 : 0) + (at ? 2 : 0)});
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  function snippet(hit) {
    var text = data.texts[hit.doc], start = hit.at[0], end = hit.at[1];
    var from = Math.max(0, text.lastIndexOf(" ", Math.max(0, start - 90)) + 1);
    var to = text.indexOf(" ", Math.min(text.length, end + 120));
    to = to < 0 ? text.length : to;
    var p = document.createElement("p"), mark = document.createElement("mark");
    p.appendChild(document.createTextNode((from > 0 ? "… " : "") + text.slice(from, start)));
    mark.textContent = text.slice(start, end);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? " …" : "")));
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
      var doc = data.docs[hit.doc], item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + doc[2] + (doc[3] ? "; " + doc[3] : "") + ")"));
      if (hit.at) { item.appendChild(snippet(hit)); }
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
