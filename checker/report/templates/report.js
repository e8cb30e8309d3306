// claimcheck report: link the findings list, the highlighted text and the claims table.
(function () {
  "use strict";
  function marksFor(id) {
    return document.querySelectorAll('mark[data-refs~="' + id + '"]');
  }
  var wide = window.matchMedia("(min-width: 901px)");
  function show(id, scroll) {
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var marks = marksFor(id);
    document.querySelectorAll('mark[data-refs*="' + id + '-r"]').forEach(function (m) { m.classList.add("current"); });
    marks.forEach(function (m) { m.classList.add("current"); });
    var target = marks[0] || document.getElementById(id);
    if (target && scroll !== false) target.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function findingOf(ref) {
    var m = /^(.*-f\d+)(-r\d+)?$/.exec(ref);
    return m ? m[1] : null;
  }
  var printing = false;
  // opening a finding scrolls the text to its span
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!printing && d.matches && d.matches("details.finding") && d.open) show(d.dataset.f, wide.matches);
  }, true);
  document.addEventListener("click", function (e) {
    var jump = e.target.closest("a.jump");
    if (jump) {
      e.preventDefault();
      show(jump.dataset.target);
      history.replaceState(null, "", "#" + jump.dataset.target);
      return;
    }
    // a click on highlighted text opens its finding in the side list
    var mark = e.target.closest("mark");
    if (!mark) return;
    var refs = (mark.dataset.refs || "").split(" ");
    for (var i = 0; i < refs.length; i++) {
      var fid = findingOf(refs[i]);
      var d = fid && document.getElementById(fid + "-info");
      if (d) {
        d.open = true;
        d.scrollIntoView({ block: "nearest", behavior: "smooth" });
        return;
      }
    }
    // a claim without a finding: its row in the claims table
    for (var j = 0; j < refs.length; j++) {
      var row = document.getElementById(refs[j] + "-row");
      if (row) {
        row.hidden = false;
        row.classList.add("current");
        setTimeout(function () { row.classList.remove("current"); }, 2000);
        row.scrollIntoView({ block: "center", behavior: "smooth" });
        return;
      }
    }
  });
  // claims table filters
  function applyFilters(form) {
    var table = document.getElementById(form.dataset.table);
    var kind = form.elements.kind.value, verdict = form.elements.verdict.value;
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!kind || rows[i].dataset.kind === kind) && (!verdict || rows[i].dataset.verdict === verdict);
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    var out = form.querySelector("output.shown");
    out.textContent = out.dataset.template.replace("{n}", shown).replace("{total}", rows.length);
  }
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("change", function () { applyFilters(form); });
    applyFilters(form);
  });
  // print every finding's details
  var closed = [];
  window.addEventListener("beforeprint", function () {
    printing = true;
    closed = Array.prototype.filter.call(document.querySelectorAll("details.finding"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    setTimeout(function () { printing = false; }, 0);
  });
})();
