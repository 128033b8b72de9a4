/* newsfacts dashboard: filters, sums and draws fact rows held in the page (inline SVG, no network).
   Data arrive column by column (see dashboard/build.py); every view works on an Int32Array of
   row indexes, so 100,000 rows filter and sort in tens of milliseconds and the table pages. */
(function () {
  "use strict";
  var RAW = JSON.parse(document.getElementById("nf-data").textContent);
  var META = RAW.meta, N = RAW.n, S = {}, NUM = RAW.numbers, PLAIN = RAW.plain;
  var NO_CUR = META.no_currency, UNNAMED = "(unnamed)", PAGE = 25, TOP = 12, SERIES = 6;
  var SVGNS = "http://www.w3.org/2000/svg";
  Object.keys(RAW.strings).forEach(function (k) {
    S[k] = { values: RAW.strings[k].values, codes: Int32Array.from(RAW.strings[k].codes) };
  });
  var ART = RAW.articles, AF = {}, ART_OF = Int32Array.from(RAW.article_of), TEXTS = RAW.texts || {};
  var NAMES = RAW.names || {};   // role -> group name -> the names as written that it groups
  RAW.article_fields.forEach(function (f, i) { AF[f] = i; });

  function str(field, i) { var c = S[field].codes[i]; return c < 0 ? null : S[field].values[c]; }
  function art(field, i) { return ART[ART_OF[i]][AF[field]]; }
  function get(field, i) {
    if (field in AF) return art(field, i);
    if (field in S) return str(field, i);
    if (field in NUM) return NUM[field][i];
    return PLAIN[field] ? PLAIN[field][i] : null;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }

  /* ---------- formatting ---------- */
  var compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
  var whole = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
  function money(v, cur, short) {
    if (v == null) return "–";
    var s = short ? compact.format(v) : whole.format(v);
    return cur && cur !== NO_CUR ? cur + " " + s : s;
  }
  var RATE_LABEL = { P1D: "/day", P1W: "/week", P1M: "/month", P3M: "/quarter", P6M: "/half-year", P1Y: "/year" };
  var QUAL = { approx: "≈ ", at_least: "≥ ", more_than: "> ", at_most: "≤ ", less_than: "< ", up_to: "up to " };
  function safeUrl(u) { return u && /^https?:\/\//i.test(u) ? u : null; }

  /* ---------- state and filtering ---------- */
  var state = { q: "", kind: "", language: "", currency: null, basis: "month", series: "customer",
                entity: null, sort: { key: "date", dir: -1 }, page: 0, selected: -1 };
  var rows = new Int32Array(0);   // filtered row indexes, sorted for the table

  function lowerMask(field, q) {
    var vals = S[field].values, m = new Uint8Array(vals.length);
    for (var k = 0; k < vals.length; k++) m[k] = vals[k].toLowerCase().indexOf(q) >= 0 ? 1 : 0;
    return m;
  }
  function filterRows() {
    var q = state.q.trim().toLowerCase(), masks = null, artMask = null;
    if (q) {
      masks = ["customer", "vendor", "company", "customer_group", "vendor_group", "company_group", "product",
               "evidence", "metric"].map(function (f) {
        return { codes: S[f].codes, m: lowerMask(f, q) };
      });
      artMask = new Uint8Array(ART.length);
      for (var a = 0; a < ART.length; a++) {
        var t = ((ART[a][AF.title] || "") + " " + (ART[a][AF.source] || "")).toLowerCase();
        artMask[a] = t.indexOf(q) >= 0 ? 1 : 0;
      }
    }
    var kind = state.kind ? S.kind.values.indexOf(state.kind) : -2;
    var lang = state.language, ent = state.entity;
    var entCode = ent ? S[ent.field].values.indexOf(ent.value) : -2;
    var out = new Int32Array(N), n = 0;
    for (var i = 0; i < N; i++) {
      if (kind !== -2 && S.kind.codes[i] !== kind) continue;
      if (lang && (art("language", i) || "und") !== lang) continue;
      if (ent && (ent.value === UNNAMED ? S[ent.field].codes[i] !== -1 : S[ent.field].codes[i] !== entCode)) continue;
      if (masks) {
        var hit = artMask[ART_OF[i]] === 1;
        for (var j = 0; !hit && j < masks.length; j++) { var c = masks[j].codes[i]; hit = c >= 0 && masks[j].m[c] === 1; }
        if (!hit) continue;
      }
      out[n++] = i;
    }
    return out.subarray(0, n);
  }

  /* ---------- money in the chosen currency and basis ---------- */
  function amountOf(i) {
    // the payment's figure in the current view, or null when it does not belong there
    if (str("kind", i) !== "payment") return null;
    var v = NUM.amount_value[i];
    if (v == null) return null;
    var cur = str("amount_currency", i) || NO_CUR, target = state.currency, factor;
    if (target && target.indexOf("fx:") === 0) {
      var to = target.slice(3);
      factor = cur === to ? 1 : META.fx[cur];
      if (factor == null) return null;
    } else {
      if (cur !== target) return null;
      factor = 1;
    }
    var rate = str("rate", i);
    if (state.basis === "oneoff") return rate == null ? v * factor : null;
    var pm = NUM.per_month[i];
    if (rate == null || pm == null) return null;
    return pm * factor * (state.basis === "year" ? 12 : 1);
  }
  function currencyLabel() {
    var c = state.currency || "";
    return c.indexOf("fx:") === 0 ? c.slice(3) : c;
  }
  function basisLabel() {
    return { month: "recurring, per month", year: "recurring, per year", oneoff: "one-off amounts" }[state.basis];
  }
  function sumBy(idx, field) {
    var sums = new Map(), counts = new Map();
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k], v = amountOf(i);
      if (v == null) continue;
      var name = str(field + "_group", i) || UNNAMED;
      sums.set(name, (sums.get(name) || 0) + v);
      counts.set(name, (counts.get(name) || 0) + 1);
    }
    return Array.from(sums, function (e) { return { label: e[0], value: e[1], n: counts.get(e[0]) }; })
      .sort(function (a, b) { return b.value - a.value || (a.label < b.label ? -1 : 1); });
  }

  function spellings(role, name) {
    // the names as written that a group name stands for, when they differ from it
    var forms = (NAMES[role] || {})[name] || [];
    return forms.length > 1 || (forms.length === 1 && forms[0] !== name) ? forms : [];
  }
  function monthLabel(m) { var y = Math.floor(m / 12), mm = m % 12 + 1; return y + "-" + (mm < 10 ? "0" : "") + mm; }
  var MONTH_INDEX = S.month.values.map(function (m) { return +m.slice(0, 4) * 12 + +m.slice(5, 7) - 1; });
  function addMonths(month, k) {
    var m = +month.slice(0, 4) * 12 + +month.slice(5, 7) - 1 + k, y = Math.floor(m / 12), mm = m % 12 + 1;
    return y + "-" + (mm < 10 ? "0" : "") + mm;
  }

  /* ---------- charts (inline SVG) ---------- */
  function widthOf(node) { return Math.max(260, node.clientWidth || 600); }
  function hbars(node, items, opts) {
    clear(node);
    if (!items.length) { node.appendChild(el("p", { "class": "empty" }, opts.empty)); return; }
    var shown = items.slice(0, TOP), W = widthOf(node), rowH = 22, labelW = Math.min(190, W * 0.38);
    var valueW = 70, max = shown.reduce(function (m, d) { return Math.max(m, d.value); }, 0) || 1;
    var H = shown.length * rowH + 4, g = svg("svg", { viewBox: "0 0 " + W + " " + H, height: H, role: "img",
      "aria-label": opts.label });
    shown.forEach(function (d, k) {
      var y = k * rowH, w = Math.max(1, (W - labelW - valueW - 8) * d.value / max);
      var label = d.label.length > 28 ? d.label.slice(0, 27) + "…" : d.label;
      g.appendChild(svg("text", { x: labelW - 6, y: y + 15, "text-anchor": "end" }, label));
      var bar = svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 7, rx: 3, fill: opts.color || "var(--c0)",
        "class": "bar", "data-label": d.label, "data-value": d.value });
      var forms = opts.role ? spellings(opts.role, d.label) : [];
      bar.appendChild(svg("title", null, d.label + ": " + opts.fmt(d.value, false) + " (" + d.n + " facts)" +
        (forms.length ? "\nwritten as: " + forms.join(", ") : "")));
      if (forms.length) bar.setAttribute("data-names", forms.join("\n"));
      if (opts.onClick) bar.addEventListener("click", function () { opts.onClick(d.label); });
      g.appendChild(bar);
      g.appendChild(svg("text", { x: labelW + w + 6, y: y + 15 }, opts.fmt(d.value, true)));
    });
    node.appendChild(g);
    if (items.length > TOP) node.appendChild(el("p", { "class": "hint" }, "+ " + (items.length - TOP) + " more (use the search or the table)"));
    if (opts.role) {
      var grouped = shown.map(function (d) { var f = spellings(opts.role, d.label); return f.length ? d.label + " ← " + f.join(", ") : null; })
        .filter(Boolean);
      if (grouped.length) node.appendChild(el("p", { "class": "hint names" }, "Grouped names: " + grouped.slice(0, 4).join("; ") +
        (grouped.length > 4 ? "; …" : "")));
    }
  }
  function timeline(idx) {
    var node = clear($("chart-timeline")), legend = clear($("legend-timeline")), field = state.series;
    // keyed by integers (month index, name code): a rate spread over two years adds 24 entries
    var per = new Map(), totals = new Map(), undated = 0, spread = 0, codes = S[field + "_group"].codes;
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k], v = amountOf(i);
      if (v == null) continue;
      var mc = S.month.codes[i];
      if (mc < 0) { undated++; continue; }
      var first = MONTH_INDEX[mc], name = codes[i], span = NUM.spread[i] || 1;
      if (span > 1) spread++;
      for (var s = 0; s < span; s++) {   // a rate with a period counts in each month of it
        var slot = per.get(first + s);
        if (!slot) { slot = new Map(); per.set(first + s, slot); }
        slot.set(name, (slot.get(name) || 0) + v);
      }
      totals.set(name, (totals.get(name) || 0) + v * span);
    }
    $("cap-timeline").textContent = currencyLabel() + ", " + basisLabel() + "; month of the period start, else of publication; " +
      "a rate with a period counts in each month of it" + (spread ? " (" + spread + " spread)" : "") +
      (undated ? "; " + undated + " undated left out" : "");
    if (!per.size) { node.appendChild(el("p", { "class": "empty" }, "No dated payments in this view.")); return; }
    var values = S[field + "_group"].values, label = function (c) { return c < 0 ? UNNAMED : values[c]; };
    var ranked = Array.from(totals.keys()).sort(function (a, b) { return totals.get(b) - totals.get(a); });
    var topCodes = ranked.slice(0, SERIES), top = topCodes.map(label), other = ranked.length > SERIES;
    var keys = Array.from(per.keys()), lo = Math.min.apply(null, keys), hi = Math.max.apply(null, keys);
    var months = [], stacks = [];
    for (var mi = lo; mi <= hi && months.length < 600; mi++) {
      var slot2 = per.get(mi) || new Map(), parts = topCodes.map(function (c) { return slot2.get(c) || 0; });
      if (other) { var rest = 0; slot2.forEach(function (x, c) { if (topCodes.indexOf(c) < 0) rest += x; }); parts.push(rest); }
      months.push(monthLabel(mi)); stacks.push(parts);
    }
    var max = stacks.reduce(function (m, p) { return Math.max(m, p.reduce(function (a, b) { return a + b; }, 0)); }, 0) || 1;
    var W = widthOf(node), H = 240, L = 64, B = 24, T = 8, plotW = W - L - 8, plotH = H - B - T;
    var g = svg("svg", { viewBox: "0 0 " + W + " " + H, height: H, role: "img", "aria-label": "Payments per month" });
    var axis = svg("g", { "class": "axis" });
    for (var t = 0; t <= 4; t++) {
      var yv = T + plotH - plotH * t / 4;
      axis.appendChild(svg("line", { x1: L, x2: W - 8, y1: yv, y2: yv, "class": "grid-line" }));
      axis.appendChild(svg("text", { x: L - 6, y: yv + 4, "text-anchor": "end" }, compact.format(max * t / 4)));
    }
    var step = plotW / months.length, bw = Math.max(2, Math.min(48, step * 0.7)), every = Math.ceil(months.length / Math.max(1, Math.floor(plotW / 60)));
    months.forEach(function (m, k) {
      if (k % every === 0) axis.appendChild(svg("text", { x: L + step * k + step / 2, y: H - 6, "text-anchor": "middle" }, m));
    });
    g.appendChild(axis);
    stacks.forEach(function (parts, k) {
      var y = T + plotH;
      parts.forEach(function (v, s) {
        if (!v) return;
        var h = plotH * v / max, name = s < top.length ? top[s] : "Other";
        y -= h;
        var r = svg("rect", { x: L + step * k + (step - bw) / 2, y: y, width: bw, height: Math.max(0.5, h),
          fill: "var(--c" + Math.min(s, 6) + ")", "class": "bar", "data-month": months[k], "data-label": name, "data-value": v });
        r.appendChild(svg("title", null, months[k] + " · " + name + ": " + money(v, currencyLabel())));
        g.appendChild(r);
      });
    });
    node.appendChild(g);
    top.concat(other ? ["Other"] : []).forEach(function (n, s) {
      var item = el("span"); item.appendChild(el("i", { style: "background:var(--c" + Math.min(s, 6) + ")" }));
      item.appendChild(document.createTextNode(n)); legend.appendChild(item);
    });
  }
  function countChart(id, idx, key, field, color) {
    var counts = new Map();
    for (var k = 0; k < idx.length; k++) { var v = key(idx[k]) || "(none)"; counts.set(v, (counts.get(v) || 0) + 1); }
    var items = Array.from(counts, function (e) { return { label: e[0], value: e[1], n: e[1] }; })
      .sort(function (a, b) { return b.value - a.value || (a.label < b.label ? -1 : 1); });
    hbars($(id), items, { label: id, empty: "No facts in this view.", color: color,
      fmt: function (v) { return whole.format(v); },
      onClick: field ? function (v) { setSelect(field, v); } : null });
  }

  /* ---------- KPIs ---------- */
  function kpis(idx) {
    var node = clear($("kpis")), pay = 0, inView = 0, total = 0, arts = new Set();
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k]; arts.add(ART_OF[i]);
      if (str("kind", i) === "payment") pay++;
      var v = amountOf(i); if (v != null) { inView++; total += v; }
    }
    [[whole.format(idx.length) + (idx.length !== N ? " / " + whole.format(N) : ""), "facts"],
     [whole.format(arts.size), "articles"],
     [whole.format(pay), "payment facts"],
     [money(total, currencyLabel(), true), basisLabel() + " (" + inView + " payments)"]].forEach(function (p) {
      var card = el("div", { "class": "kpi" }); card.appendChild(el("b", null, p[0])); card.appendChild(el("span", null, p[1]));
      node.appendChild(card);
    });
  }

  /* ---------- table ---------- */
  var COLS = [
    { key: "date", label: "Date", get: function (i) { return str("period_start", i) || art("published", i); } },
    { key: "kind", label: "Kind", get: function (i) { return str("kind", i); } },
    { key: "customer", label: "Customer / company", get: function (i) { return str("customer", i) || str("company", i); } },
    { key: "vendor", label: "Vendor", get: function (i) { return str("vendor", i); } },
    { key: "amount", label: "Amount", num: true, get: function (i) { return NUM.amount_value[i]; } },
    { key: "evidence", label: "Evidence", get: function (i) { return str("evidence", i); } },
    { key: "language", label: "Lang", get: function (i) { return art("language", i); } },
    { key: "source", label: "Source", get: function (i) { return art("source", i); } }
  ];
  function sortRows(idx) {
    var col = COLS.filter(function (c) { return c.key === state.sort.key; })[0], dir = state.sort.dir;
    var keys = new Array(N);
    for (var k = 0; k < idx.length; k++) keys[idx[k]] = col.get(idx[k]);
    var arr = Array.from(idx);
    arr.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x == null || y == null) return x == null ? (y == null ? a - b : 1) : -1;   // nulls last
      if (x < y) return -dir; if (x > y) return dir; return a - b;
    });
    return Int32Array.from(arr);
  }
  function header() {
    var tr = clear($("facts-head"));
    COLS.forEach(function (c) {
      var th = el("th", { scope: "col", "data-key": c.key }, c.label);
      if (state.sort.key === c.key) th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending");
      th.addEventListener("click", function () {
        state.sort = { key: c.key, dir: state.sort.key === c.key ? -state.sort.dir : (c.num || c.key === "date" ? -1 : 1) };
        rows = sortRows(rows); state.page = 0; header(); table();
      });
      tr.appendChild(th);
    });
  }
  function cell(text, cls) { var td = el("td", cls ? { "class": cls } : null); if (text == null) { td.appendChild(el("span", { "class": "null" }, "–")); } else td.textContent = text; return td; }
  function nameCell(i, role) {
    // the name as written; the group name it counts under, when different, below it and as a tooltip
    var name = str(role, i), group = str(role + "_group", i), td = cell(name, "name");
    if (name != null && group != null && group !== name) {
      td.setAttribute("title", "grouped as " + group);
      td.appendChild(el("small", { "class": "group" }, "→ " + group));
    }
    return td;
  }
  function amountText(i) {
    var v = NUM.amount_value[i], cur = str("amount_currency", i), rate = str("rate", i), q = str("amount_qualifier", i);
    if (v == null) {
      var lo = NUM.amount_min[i], hi = NUM.amount_max[i];
      if (lo != null || hi != null) return (cur ? cur + " " : "") + (lo != null ? compact.format(lo) : "?") + "–" + (hi != null ? compact.format(hi) : "?");
      if (NUM.percent_value[i] != null) return whole.format(NUM.percent_value[i]) + " %" + (str("direction", i) === "up" ? " ↑" : str("direction", i) === "down" ? " ↓" : "");
      if (NUM.count_value[i] != null) return whole.format(NUM.count_value[i]);
      return null;
    }
    return (q ? QUAL[q] || "" : "") + money(v, cur) + (rate ? RATE_LABEL[rate] || " /" + rate : "");
  }
  function table() {
    var body = clear($("facts-body")), pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var from = state.page * PAGE, to = Math.min(rows.length, from + PAGE);
    for (var k = from; k < to; k++) {
      var i = rows[k], tr = el("tr", { "data-row": i });
      if (i === state.selected) tr.className = "selected";
      tr.appendChild(cell(COLS[0].get(i), "date"));
      var kt = el("td"); kt.appendChild(el("span", { "class": "tag " + (str("kind", i) || "") }, str("kind", i))); tr.appendChild(kt);
      tr.appendChild(nameCell(i, str("customer", i) ? "customer" : "company"));
      tr.appendChild(nameCell(i, "vendor"));
      tr.appendChild(cell(amountText(i), "num"));
      var ev = el("td", { "class": "ev" }); ev.appendChild(el("div", null, str("evidence", i))); tr.appendChild(ev);
      tr.appendChild(cell(art("language", i)));
      var src = el("td", { "class": "src", title: art("source", i) || "" }), url = safeUrl(art("url", i)) || safeUrl(art("source", i)), label = art("source", i) || art("url", i);
      if (url) { var a = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, shortSource(label)); a.addEventListener("click", function (e) { e.stopPropagation(); }); src.appendChild(a); }
      else if (label) src.textContent = shortSource(label); else src.appendChild(el("span", { "class": "null" }, "–"));
      tr.appendChild(src);
      tr.addEventListener("click", select.bind(null, i));
      body.appendChild(tr);
    }
    if (!rows.length) { var tr0 = el("tr"); var td0 = el("td", { colspan: COLS.length, "class": "empty" }, "No facts match the filters."); tr0.appendChild(td0); body.appendChild(tr0); }
    $("count-filtered").textContent = whole.format(rows.length) + " facts" + (rows.length !== N ? " (of " + whole.format(N) + ")" : "");
    var pager = clear($("pager"));
    pager.appendChild(el("span", null, rows.length ? "rows " + whole.format(from + 1) + "–" + whole.format(to) + " of " + whole.format(rows.length) : ""));
    [["«", 0], ["‹", state.page - 1], ["›", state.page + 1], ["»", pages - 1]].forEach(function (b, k) {
      var btn = el("button", { type: "button", "data-page": b[0], "aria-label": ["first", "previous", "next", "last"][k] + " page" }, b[0]);
      btn.disabled = b[1] < 0 || b[1] >= pages || b[1] === state.page;
      btn.addEventListener("click", function () { state.page = b[1]; table(); });
      pager.appendChild(btn);
      if (k === 1) pager.appendChild(el("span", { id: "page-label" }, "page " + (state.page + 1) + " of " + pages));
    });
  }
  function shortSource(s) {
    if (!s) return s;
    var m = /^https?:\/\/([^/]+)/i.exec(s);
    if (m) return m[1].replace(/^www\./, "");
    var parts = s.split(/[\\/]/); return parts[parts.length - 1];
  }

  /* ---------- detail: the article with the evidence highlighted ---------- */
  function select(i) {
    state.selected = i;
    Array.prototype.forEach.call($("facts-body").children, function (tr) { tr.classList.toggle("selected", +tr.getAttribute("data-row") === i); });
    var node = clear($("detail")), url = safeUrl(art("url", i)) || safeUrl(art("source", i));
    var title = art("title", i) || art("source", i) || "(untitled article)";
    var h = el("h3");
    if (url) h.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title)); else h.textContent = title;
    node.appendChild(h);
    var dl = el("dl");
    function named(role) {
      var name = str(role, i), group = str(role + "_group", i);
      return name != null && group != null && group !== name ? name + " (grouped as " + group + ")" : name;
    }
    var span = NUM.spread[i] || 1, month = str("month", i);
    [["kind", str("kind", i)], ["customer", named("customer")], ["vendor", named("vendor")], ["company", named("company")],
     ["product", str("product", i)], ["amount", amountText(i)], ["period", [str("period_start", i), str("period_end", i)].filter(Boolean).join(" – ") || null],
     ["counted in", month ? (span > 1 ? month + " … " + addMonths(month, span - 1) + " (" + span + " months)" : month) : null],
     ["published", art("published", i)], ["language", art("language", i)], ["source", art("source", i)],
     ["confidence", NUM.confidence[i] == null ? null : whole.format(NUM.confidence[i])], ["fact id", PLAIN.fact_id[i]]].forEach(function (p) {
      if (p[1] == null || p[1] === "") return;
      dl.appendChild(el("dt", null, p[0])); dl.appendChild(el("dd", null, p[1]));
    });
    node.appendChild(dl);
    var text = TEXTS[art("article_id", i)], ev = str("evidence", i) || "", body = el("div", { "class": "article", id: "article-text" });
    var s = NUM.evidence_start[i], e = NUM.evidence_end[i];
    if (text != null && !(s != null && e != null && text.slice(s, e) === ev)) {
      s = ev ? text.indexOf(ev) : -1; e = s + ev.length;   // offsets that do not match: find the sentence
    }
    if (text != null && s != null && s >= 0 && e > s) {
      body.appendChild(document.createTextNode(text.slice(0, s)));
      body.appendChild(el("mark", { id: "evidence-mark" }, text.slice(s, e)));
      body.appendChild(document.createTextNode(text.slice(e)));
    } else {
      if (text == null) node.appendChild(el("p", { "class": "hint" }, "Evidence sentence (the article's text is not in this dashboard; build it with --articles to show it):"));
      body.appendChild(el("mark", { id: "evidence-mark" }, ev));
    }
    node.appendChild(body);
    var mark = $("evidence-mark");
    if (mark && text != null) node.scrollTop = Math.max(0, mark.offsetTop - node.offsetTop - 80);
  }

  /* ---------- controls ---------- */
  function options(select, items, all) {
    clear(select);
    if (all) select.appendChild(el("option", { value: "" }, all));
    items.forEach(function (it) { var o = el("option", { value: it[0] }, it[1]); select.appendChild(o); });
  }
  function countsOf(fn) {
    var m = new Map();
    for (var i = 0; i < N; i++) { var v = fn(i); if (v !== undefined) m.set(v, (m.get(v) || 0) + 1); }
    return Array.from(m).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }
  function setSelect(field, value) {
    var id = { kind: "f-kind", language: "f-language" }[field];
    state[field] = value === "(none)" ? "" : value; $(id).value = state[field]; refresh();
  }
  function setEntity(field, value) { state.entity = { field: field, value: value }; refresh(); }
  function chips() {
    var node = clear($("chips"));
    if (!state.entity) return;
    var chip = el("span", { "class": "chip" }, state.entity.field.replace("_group", "") + ": " + state.entity.value);
    var x = el("button", { type: "button", "aria-label": "remove filter" }, "×");
    x.addEventListener("click", function () { state.entity = null; refresh(); });
    chip.appendChild(x); node.appendChild(chip);
  }
  function setupControls() {
    options($("f-kind"), countsOf(function (i) { return str("kind", i) || undefined; }).map(function (e) { return [e[0], e[0] + " (" + e[1] + ")"]; }), "all kinds");
    options($("f-language"), countsOf(function (i) { return art("language", i) || "und"; }).map(function (e) { return [e[0], e[0] + " (" + e[1] + ")"]; }), "all languages");
    var curs = countsOf(function (i) { return str("kind", i) === "payment" && NUM.amount_value[i] != null ? (str("amount_currency", i) || NO_CUR) : undefined; });
    var items = curs.map(function (e) { return [e[0], (e[0] === NO_CUR ? "no currency named" : e[0]) + " (" + e[1] + " payments)"]; });
    if (META.to && Object.keys(META.fx || {}).length) {
      var rates = Object.keys(META.fx).map(function (c) { return "1 " + c + " = " + META.fx[c] + " " + META.to; }).join(", ");
      items.push(["fx:" + META.to, "all in " + META.to + ", converted (" + rates + ")"]);
    }
    if (!items.length) items.push(["", "no payment amounts"]);
    options($("f-currency"), items, null);
    state.currency = items[0][0];
    var timer = null;
    $("f-search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { state.q = $("f-search").value; refresh(); }, 120); });
    $("f-kind").addEventListener("change", function () { state.kind = this.value; refresh(); });
    $("f-language").addEventListener("change", function () { state.language = this.value; refresh(); });
    $("f-currency").addEventListener("change", function () { state.currency = this.value; refresh(); });
    $("f-basis").addEventListener("change", function () { state.basis = this.value; refresh(); });
    $("f-series").addEventListener("change", function () { state.series = this.value; draw(); });
    $("f-reset").addEventListener("click", function () {
      state.q = state.kind = state.language = ""; state.entity = null; state.basis = "month";
      $("f-search").value = $("f-kind").value = $("f-language").value = ""; $("f-basis").value = "month"; refresh();
    });
    var rt = null;
    window.addEventListener("resize", function () { clearTimeout(rt); rt = setTimeout(draw, 150); });
  }

  /* ---------- render ---------- */
  var filtered = new Int32Array(0);
  function draw() {
    var cur = currencyLabel(), fmt = function (v, short) { return money(v, cur, short); };
    var cap = cur === NO_CUR ? "amounts with no currency named, " + basisLabel() : cur + ", " + basisLabel();
    $("cap-customers").textContent = cap; $("cap-vendors").textContent = cap;
    var empty = "No payments in " + (cur === NO_CUR ? "this view" : cur) + " with " + (state.basis === "oneoff" ? "a one-off amount" : "a rate") + " here; try another currency or amount type.";
    hbars($("chart-customers"), sumBy(filtered, "customer"), { label: "Payments per customer", fmt: fmt, empty: empty, color: "var(--c0)", role: "customer", onClick: function (v) { setEntity("customer_group", v); } });
    hbars($("chart-vendors"), sumBy(filtered, "vendor"), { label: "Payments per vendor", fmt: fmt, empty: empty, color: "var(--c1)", role: "vendor", onClick: function (v) { setEntity("vendor_group", v); } });
    timeline(filtered);
    countChart("chart-language", filtered, function (i) { return art("language", i) || "und"; }, "language", "var(--c2)");
    countChart("chart-kind", filtered, function (i) { return str("kind", i); }, "kind", "var(--c4)");
    countChart("chart-source", filtered, function (i) { return shortSource(art("source", i)); }, null, "var(--c6)");
    kpis(filtered);
  }
  function refresh() {
    var t0 = performance.now();
    filtered = filterRows();
    rows = sortRows(filtered);
    state.page = 0;
    chips(); draw(); table();
    document.body.setAttribute("data-refresh-ms", Math.round(performance.now() - t0));
  }

  $("subtitle").textContent = whole.format(N) + " facts from " + whole.format(ART.length) + " articles · " +
    Object.keys(TEXTS).length + " article texts · generated " + META.generated;
  $("foot").textContent = "Inputs: " + META.files.join(", ") + (META.file_count > META.files.length ? " … (" + META.file_count + " files)" : "") +
    ". Recurring amounts are normalised to a month by the months in their rate (" +
    Object.keys(META.months_per_rate).map(function (r) { return r + " " + +META.months_per_rate[r].toFixed(3); }).join(", ") +
    "); in the time series a recurring amount with a period (start and end) counts in each month of it (at most " +
    META.max_spread_months + "), any other amount once, in the month of its period start, else of publication. " +
    "Names are grouped by their normalised form (legal forms such as AG, Inc., Ltd removed; rows without one by the name as written); " +
    "the totals per customer and vendor sum the per-month rates. Currencies are never mixed unless converted at the rates given on the command line. The table lists every fact; the charts and sums only payments in the chosen currency and amount type.";
  setupControls(); header(); refresh();
  document.body.setAttribute("data-ready", "1");
})();
