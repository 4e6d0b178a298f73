/* tei site: sorting and filtering of the letters' index (letters.html).
   The table works without this script; the script shows the filter form, makes the column
   headings sort buttons, and reads filters from the page's query (?from=%23stalin). */
(function () {
  "use strict";
  var table = document.getElementById("letters");
  var form = document.getElementById("letter-filters");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var total = rows.length;
  var status = document.getElementById("letters-count");
  var fields = ["from", "to", "place", "kind", "after", "before"];

  function value(name) {
    var el = form.elements[name];
    return el ? el.value.trim() : "";
  }

  function matches(row) {
    var party = function (attr, name) {
      var wanted = value(name);
      return !wanted || (row.getAttribute(attr) || "").indexOf("|" + wanted + "|") >= 0;
    };
    var date = row.getAttribute("data-date") || "";
    var after = value("after"), before = value("before");
    if (after && (!date || date < after)) { return false; }
    if (before && (!date || date.slice(0, before.length) > before)) { return false; }
    if (value("kind") && row.getAttribute("data-kind") !== value("kind")) { return false; }
    return party("data-from", "from") && party("data-to", "to") && party("data-place", "place");
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown === total
      ? total + (total === 1 ? " letter." : " letters.")
      : "Showing " + shown + " of " + total + " letters.";
    var query = fields.filter(value).map(function (name) {
      return name + "=" + encodeURIComponent(value(name));
    }).join("&");
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", query ? "?" + query : location.pathname); }
      catch (e) { /* file:// in some browsers refuses; the filter still works */ }
    }
  }

  function sortBy(column, heading) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[column];
      return cell.getAttribute("data-sort") || cell.textContent.trim().toLowerCase();
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = heading.textContent;
    button.title = "Sort by " + heading.textContent.toLowerCase();
    heading.textContent = "";
    heading.appendChild(button);
    button.addEventListener("click", function () { sortBy(column, heading); });
  });
  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var el = form.elements[name];
    if (el && params.get(name)) { el.value = params.get(name); }
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
}());
