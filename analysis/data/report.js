
(function () {
  "use strict";
  var doc = document;
  var data = JSON.parse(doc.getElementById("report-data").textContent);
  var live = doc.getElementById("live");
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* ---- sortable overview table ---- */
  var table = doc.getElementById("overview");
  var tbody = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  each(heads, function (th) {
    var btn = th.querySelector("button");
    if (!btn) { return; }
    btn.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      each(heads, function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var key = th.getAttribute("data-key");
      var numeric = th.getAttribute("data-type") === "num";
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var ia = +a.getAttribute("data-i"), ib = +b.getAttribute("data-i");
        var x = data.articles[ia][key], y = data.articles[ib][key];
        var mx = x === null || x === "", my = y === null || y === "";
        if (mx || my) { return mx && my ? ia - ib : (mx ? 1 : -1); }
        var c = numeric ? x - y : String(x).localeCompare(String(y), "fr", {sensitivity: "base"});
        if (!asc) { c = -c; }
        return c || ia - ib;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
      live.textContent = "Table sorted by " + btn.textContent.trim() + ", " +
        (asc ? "ascending" : "descending") + ".";
    });
  });

  /* ---- tooltip on hover and focus ---- */
  var tip = doc.getElementById("tip");
  var current = null, timer = null;
  function place(el) {
    var rects = el.getClientRects();
    var r = rects.length ? rects[rects.length - 1] : el.getBoundingClientRect();
    var width = doc.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
    var top = r.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight && r.top - tip.offsetHeight - 6 > 0) {
      var first = rects.length ? rects[0] : r;
      top = first.top - tip.offsetHeight - 6;
    }
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }
  function show(el) {
    var desc = doc.getElementById(el.getAttribute("aria-describedby"));
    if (!desc) { return; }
    clearTimeout(timer);
    if (current && current !== el) { current.classList.remove("active"); }
    current = el;
    el.classList.add("active");
    var copy = desc.cloneNode(true);
    copy.removeAttribute("id");
    tip.replaceChildren(copy);
    tip.hidden = false;
    place(el);
  }
  function hide() {
    clearTimeout(timer);
    if (current) { current.classList.remove("active"); }
    current = null;
    tip.hidden = true;
  }
  function hideSoon() { clearTimeout(timer); timer = setTimeout(hide, 250); }
  function sentenceOf(node) { return node && node.closest ? node.closest(".s") : null; }
  doc.addEventListener("mouseover", function (e) {
    var s = sentenceOf(e.target);
    if (s) { show(s); } else if (tip.contains(e.target)) { clearTimeout(timer); }
  });
  doc.addEventListener("mouseout", function (e) {
    var to = e.relatedTarget;
    if (current && (!to || (!current.contains(to) && !tip.contains(to)))) {
      if (doc.activeElement !== current) { hideSoon(); }
    }
  });
  doc.addEventListener("focusin", function (e) {
    var s = sentenceOf(e.target);
    if (s) { show(s); } else { hide(); }
  });
  doc.addEventListener("focusout", function (e) {
    if (sentenceOf(e.target) && !sentenceOf(e.relatedTarget)) { hideSoon(); }
  });
  window.addEventListener("resize", function () { if (current) { place(current); } });

  /* ---- keyboard: Escape hides the tooltip, arrows move between sentences ---- */
  doc.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); return; }
    var s = sentenceOf(e.target);
    if (!s || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    var step = (e.key === "ArrowDown" || e.key === "ArrowRight") ? 1 :
      (e.key === "ArrowUp" || e.key === "ArrowLeft") ? -1 : 0;
    if (!step) { return; }
    var visible = Array.prototype.filter.call(doc.querySelectorAll(".s"),
      function (x) { return x.getClientRects().length > 0; });
    var i = visible.indexOf(s) + step;
    if (i >= 0 && i < visible.length) { e.preventDefault(); visible[i].focus(); }
  });

  /* ---- filters ---- */
  var fOutlet = doc.getElementById("f-outlet");
  var fFrame = doc.getElementById("f-frame");
  var fPair = doc.getElementById("f-pair");
  function apply() {
    hide();
    var o = fOutlet.value, f = fFrame.value, p = fPair.value;
    var bySentence = f !== "" || p !== "";
    var nArt = 0, nSent = 0, total = 0;
    each(doc.querySelectorAll("article.art"), function (a) {
      total += 1;
      var outletOk = o === "" || a.getAttribute("data-outlet") === o;
      var n = 0;
      each(a.querySelectorAll(".s"), function (s) {
        var pairs = " " + s.getAttribute("data-pairs") + " ";
        var ok = outletOk && (f === "" || s.getAttribute("data-frame") === f) &&
          (p === "" || pairs.indexOf(" " + p + " ") >= 0);
        s.hidden = !ok;
        if (ok) { n += 1; }
      });
      each(a.querySelectorAll(".text p"), function (para) {
        para.hidden = !para.querySelector(".s:not([hidden])");
      });
      var shown = outletOk && (!bySentence || n > 0);
      a.hidden = !shown;
      var row = doc.getElementById("row-" + a.id);
      if (row) { row.hidden = !shown; }
      if (shown) { nArt += 1; nSent += n; }
    });
    var msg = "Showing " + nArt + " of " + total + " articles, " + nSent + " sentences.";
    doc.getElementById("filter-status").textContent = msg;
    live.textContent = msg;
  }
  [fOutlet, fFrame, fPair].forEach(function (el) { el.addEventListener("change", apply); });
  doc.getElementById("f-reset").addEventListener("click", function () {
    fOutlet.value = ""; fFrame.value = ""; fPair.value = ""; apply();
  });
  apply();
  live.textContent = "";
}());
