// Figures link to "#<tbody id>?<attr>=<value>": show only the rows behind the figure.
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll("table.rows.filtered").forEach(function (t) {
      t.classList.remove("filtered");
    });
    document.querySelectorAll("tbody.focus").forEach(function (b) { b.classList.remove("focus"); });
    document.querySelectorAll("tr.off").forEach(function (r) { r.classList.remove("off"); });
    document.querySelectorAll(".tablebar.active").forEach(function (b) {
      b.classList.remove("active");
      var label = b.querySelector(".selection");
      if (label) { label.textContent = ""; }
    });
  }
  function parse(hash) {
    var raw = decodeURIComponent(hash.replace(/^#/, ""));
    var at = raw.indexOf("?");
    var filters = {};
    if (at >= 0) {
      raw.slice(at + 1).split("&").forEach(function (pair) {
        var eq = pair.indexOf("=");
        if (eq > 0) { filters[pair.slice(0, eq)] = pair.slice(eq + 1); }
      });
      raw = raw.slice(0, at);
    }
    return { id: raw, filters: filters };
  }
  function focusHash() {
    clear();
    var sel = parse(window.location.hash);
    if (!sel.id) { return; }
    var target = document.getElementById(sel.id);
    if (!target || target.tagName !== "TBODY") { return; }
    var table = target.closest("table.rows");
    if (!table) { return; }
    var keys = Object.keys(sel.filters);
    var shown = 0;
    Array.prototype.forEach.call(target.rows, function (row) {
      var ok = keys.every(function (k) { return row.getAttribute("data-" + k) === sel.filters[k]; });
      if (ok) { shown += 1; } else { row.classList.add("off"); }
    });
    target.classList.add("focus");
    table.classList.add("filtered");
    var bar = document.querySelector('.tablebar[data-table="' + table.id + '"]');
    if (bar) {
      bar.classList.add("active");
      var label = bar.querySelector(".selection");
      var what = keys.map(function (k) { return k + " = " + sel.filters[k]; }).join(", ");
      if (label) {
        label.textContent = "Showing " + shown + " row(s): " + (target.dataset.label || sel.id) +
          (what ? " (" + what + ")" : "");
      }
      bar.scrollIntoView({ block: "start" });
    }
  }
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-show-all]");
    if (!button) { return; }
    history.replaceState(null, "", window.location.pathname + window.location.search);
    clear();
  });
  window.addEventListener("hashchange", focusHash);
  document.addEventListener("DOMContentLoaded", function () {
    focusHash();
    document.body.dataset.ready = "1";
  });
})();
