/// The files every site ships: its one stylesheet, the search script and the icon. Kept in
/// the binary, so that a publish needs nothing beside `mulu`, and nothing from another host.
enum Assets {
  static let favicon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#9b1c1c"/><path d="M9 7h14v18H9z" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M9 13h14M9 19h14" stroke="#fff" stroke-width="2.5"/></svg>
"""#

  static let stylesheet = #"""
/* mulu publish: the one stylesheet of the site. No web fonts: the system's Chinese fonts. */
:root {
  --ink: #1f2329; --muted: #5c6570; --line: #d9dde3; --soft: #f4f6f8; --brand: #9b1c1c;
  --link: #1f4e8c; --s1: #1e6b3a; --s2: #8a5a00; --s3: #9b1c1c;
}
* { box-sizing: border-box; }
html { font-size: 15px; }
body {
  margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
}
a { color: var(--link); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code, .code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.93em; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
.bar { background: var(--brand); color: #fff; border-bottom: 3px solid #c9a227; }
.bar .wrap { display: flex; align-items: center; justify-content: space-between; min-height: 56px; flex-wrap: wrap; }
.bar a { color: #fff; }
.brand { font-size: 1.2rem; font-weight: 600; letter-spacing: 0.05em; display: flex; align-items: center; gap: 10px; }
.mark { display: inline-block; width: 30px; height: 30px; line-height: 30px; text-align: center; background: #fff; color: var(--brand); border-radius: 3px; font-weight: 700; }
.bar nav a { margin-left: 22px; opacity: 0.92; }
main { padding-top: 18px; padding-bottom: 36px; min-height: 60vh; }
footer { color: var(--muted); font-size: 0.87rem; border-top: 1px solid var(--line); padding-top: 12px; padding-bottom: 24px; }
h1 { font-size: 1.6rem; margin: 6px 0 8px; font-weight: 600; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; padding-left: 10px; border-left: 4px solid var(--brand); font-weight: 600; }
.title { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.muted { color: var(--muted); }
.crumbs { font-size: 0.9rem; color: var(--muted); margin-bottom: 6px; }
.crumbs .sep { margin: 0 8px; }
.tag { display: inline-block; padding: 0 8px; border-radius: 3px; font-size: 0.85rem; line-height: 1.6; border: 1px solid var(--line); background: var(--soft); white-space: nowrap; }
.tag.active, .tag.s1 { color: var(--s1); border-color: #b5d6c0; background: #eef7f1; }
.tag.s2 { color: var(--s2); border-color: #e6cf9f; background: #fdf6e7; }
.tag.s3, .tag.breaking, .tag.retired { color: var(--s3); border-color: #e8b4b4; background: #fbeeee; }
.notice { border: 1px solid #e8b4b4; background: #fbeeee; padding: 10px 14px; border-radius: 3px; margin: 12px 0; }
.figures { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0; }
.figure { border: 1px solid var(--line); border-top: 3px solid var(--muted); padding: 8px 16px; min-width: 130px; background: #fff; }
.figure .value { font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .label { color: var(--muted); font-size: 0.9rem; }
.figure.s1 { border-top-color: var(--s1); } .figure.s2 { border-top-color: var(--s2); } .figure.s3 { border-top-color: var(--s3); }
.figure.muted { border-top-color: var(--line); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
table.list tbody tr:nth-child(even) { background: #fafbfc; }
table.list tbody tr:hover { background: #f0f4fa; }
tr.is-retired td { color: var(--muted); }
table.fields th { width: 11em; background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.changes li { font-size: 0.92rem; }
.links { margin-top: 20px; color: var(--muted); }
.search { background: var(--soft); border: 1px solid var(--line); padding: 4px 18px 14px; margin: 18px 0; }
.search h2 { margin-top: 14px; }
.query { display: flex; gap: 8px; }
.query input { flex: 1; font-size: 1.05rem; padding: 8px 10px; border: 1px solid #aeb5bf; border-radius: 3px; font-family: inherit; }
.query button { font-size: 1rem; padding: 8px 22px; background: var(--brand); color: #fff; border: 0; border-radius: 3px; cursor: pointer; font-family: inherit; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 10px; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
.filters select { font-size: 0.95rem; padding: 3px 4px; min-width: 9em; max-width: 18em; font-family: inherit; }
.hidden { position: absolute; left: -10000px; }
#results { margin-top: 12px; }
#results .count { color: var(--muted); margin: 6px 0; }
#results .more { margin: 6px 0 0; padding: 6px 18px; font-family: inherit; }
@media print { .bar nav, .search { display: none; } }
"""#

  static let script = #"""
// mulu publish: the catalog's search, in the browser, from the static files of api/v1/search/
// (their layout: docs/publish.md). The pages work without it; only searching needs it.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var out = document.getElementById("results");
  if (!form || !out || !window.fetch || !window.TextEncoder) return;
  var base = "api/v1/search/";
  var PAGE = 50, VERIFY_ALL = 200;
  var files = {};
  var meta = null;
  var encoder = new TextEncoder();
  var run = 0;

  function get(url, binary) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return binary ? response.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : response.json();
      });
    }
    return files[url];
  }

  // Shown as the pages show it: control and direction characters as visible marks.
  function visible(text) {
    return String(text).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g, function (c) {
      var hex = c.charCodeAt(0).toString(16).toUpperCase();
      while (hex.length < 4) hex = "0" + hex;
      return "\u27E8U+" + hex + "\u27E9";
    });
  }

  // As SearchKeys.fold: null separates runs; ASCII letters lower-cased.
  function fold(cp) {
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200F) ||
        (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xFEFF) return null;
    if (cp >= 0x41 && cp <= 0x5A) return cp + 0x20;
    return cp;
  }

  function runs(text) {
    var result = [], current = [];
    for (var ch of String(text)) {
      var f = fold(ch.codePointAt(0));
      if (f === null) { if (current.length) result.push(current); current = []; } else current.push(f);
    }
    if (current.length) result.push(current);
    return result;
  }

  function folded(text) {
    return runs(text).map(function (r) { return String.fromCodePoint.apply(null, r); }).join(" ");
  }

  function fnv(text) {
    var bytes = encoder.encode(text), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 0x01000193) >>> 0; }
    return hash >>> 0;
  }

  function varints(bytes, start, end) {
    var values = [], value = 0, shift = 0;
    for (var i = start; i < end; i++) {
      var b = bytes[i];
      value += (b & 0x7F) * Math.pow(2, shift);
      if (b & 0x80) { shift += 7; } else { values.push(value); value = 0; shift = 0; }
    }
    return values;
  }

  // A posting list: runs of (gap since the previous run's end, length - 1).
  function decode(bytes, start, end, count) {
    var pairs = varints(bytes, start, end), ids = new Int32Array(count), n = 0, next = 0;
    for (var i = 0; i + 1 < pairs.length; i += 2) {
      var first = next + pairs[i], last = first + pairs[i + 1];
      for (var id = first; id <= last; id++) ids[n++] = id;
      next = last + 1;
    }
    return n === count ? ids : ids.subarray(0, n);
  }

  function readVarint(bytes, pos) {
    var value = 0, shift = 0, b;
    do { b = bytes[pos++]; value += (b & 0x7F) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return [value, pos];
  }

  // Lists once decoded are kept: a query on loaded data decodes nothing again.
  var decoded = {};
  function cached(name, make) {
    if (!decoded[name]) decoded[name] = make();
    return decoded[name];
  }

  // The list of one key in one field ("n": names, "t": all text), from its shard.
  function list(field, key) {
    return cached(field + "\u0000" + key, function () { return shardList(field, key); });
  }

  function shardList(field, key) {
    var shard = fnv(key) & (meta.shards[field] - 1);
    return get(base + field + "/" + shard + ".bin", true).then(function (bytes) {
      var want = encoder.encode(key), pos = 0;
      while (pos < bytes.length) {
        var r = readVarint(bytes, pos), length = r[0]; pos = r[1];
        var same = length === want.length;
        for (var i = 0; same && i < length; i++) same = bytes[pos + i] === want[i];
        pos += length;
        r = readVarint(bytes, pos); var count = r[0]; pos = r[1];
        r = readVarint(bytes, pos); var size = r[0]; pos = r[1];
        if (same) return decode(bytes, pos, pos + size, count);
        pos += size;
      }
      return new Int32Array(0);
    });
  }

  function facet(name, value) {
    var index = meta.facets[name].indexOf(value);
    if (index < 0) return Promise.resolve(new Int32Array(0));
    return cached("f\u0000" + name + "\u0000" + index, function () {
      return get(base + "f/" + name + "/" + index + ".bin", true).then(function (bytes) {
        return decode(bytes, 0, bytes.length, meta.count);
      });
    });
  }

  function intersect(a, b) {
    var out = new Int32Array(Math.min(a.length, b.length)), i = 0, j = 0, n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out[n++] = a[i]; i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out.subarray(0, n);
  }

  function union(a, b) {
    var out = new Int32Array(a.length + b.length), i = 0, j = 0, n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out[n++] = a[i++];
      else if (i >= a.length || b[j] < a[i]) out[n++] = b[j++];
      else { out[n++] = a[i++]; j++; }
    }
    return out.subarray(0, n);
  }

  function range(first, end) {
    var out = new Int32Array(Math.max(0, end - first));
    for (var i = 0; i < out.length; i++) out[i] = first + i;
    return out;
  }

  function keys(tokenRun) {
    if (tokenRun.length === 1) return [String.fromCodePoint(tokenRun[0])];
    var result = [];
    for (var i = 0; i + 1 < tokenRun.length; i++) result.push(String.fromCodePoint(tokenRun[i], tokenRun[i + 1]));
    return result;
  }

  function all(promises, combine) {
    return Promise.all(promises).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      return lists.reduce(function (acc, l) { return acc === null ? l : combine(acc, l); }, null);
    });
  }

  // The candidates of one token: in names, and anywhere (text or the department's name).
  function token(tokenRun) {
    var text = String.fromCodePoint.apply(null, tokenRun);
    var ks = keys(tokenRun);
    var names = all(ks.map(function (k) { return list("n", k); }), intersect);
    var texts = all(ks.map(function (k) { return list("t", k); }), intersect).then(function (ids) {
      meta.departments.forEach(function (d, index) {
        if (meta.foldedDepartments[index].indexOf(text) >= 0) ids = union(ids, range(d[2], d[3]));
      });
      return ids;
    });
    return Promise.all([names, texts]);
  }

  function chunk(id) { return get(base + "r/" + Math.floor(id / meta.chunk) + ".json", false); }

  function record(id) {
    return chunk(id).then(function (records) { return records[id % meta.chunk]; });
  }

  function resourceJSON(code) {
    var parts = code.split("/");
    return get("api/v1/resources/" + parts[0] + "/" + parts[1] + ".json", false);
  }

  // Whether a candidate holds every token as a substring (the bigram lists only say it may).
  function verify(id, tokens, exact) {
    return record(id).then(function (r) {
      var name = folded(r[1]);
      var dept = r[2] >= 0 ? meta.foldedDepartments[r[2]] : "";
      var inName = tokens.every(function (t) { return name.indexOf(t) >= 0; });
      if (exact || inName) return { record: r, match: true, inName: inName };
      var rest = tokens.filter(function (t) { return name.indexOf(t) < 0 && dept.indexOf(t) < 0; });
      if (!rest.length) return { record: r, match: true, inName: false };
      return resourceJSON(r[0]).then(function (doc) {
        var texts = [folded(doc.summary || "")].concat((doc.items || []).map(function (item) { return folded(item && item.name || ""); }));
        var ok = rest.every(function (t) { return texts.some(function (x) { return x.indexOf(t) >= 0; }); });
        return { record: r, match: ok, inName: false };
      });
    });
  }

  function values() {
    var data = new FormData(form), v = {};
    ["q", "sharing", "class", "department", "format", "cycle", "open", "status"].forEach(function (k) { v[k] = String(data.get(k) || ""); });
    return v;
  }

  function search(v) {
    var tokenRuns = runs(v.q);
    var tokens = tokenRuns.map(function (r) { return String.fromCodePoint.apply(null, r); });
    var filters = ["sharing", "class", "format", "cycle", "open"].filter(function (k) { return v[k]; });
    if (!tokens.length && !filters.length && !v.department && v.status !== "retired") return Promise.resolve(null);
    var lists = [];
    var nameLists = [];
    var tokenWork = Promise.all(tokenRuns.map(token)).then(function (pairs) {
      pairs.forEach(function (p) { nameLists.push(p[0]); lists.push(p[1]); });
    });
    var filterWork = Promise.all(filters.map(function (k) { return facet(k, v[k]); })).then(function (fs) { lists = lists.concat(fs); });
    var statusWork = v.status === "all" ? Promise.resolve(null) : facet("status", "retired");
    return Promise.all([tokenWork, filterWork, statusWork]).then(function (done) {
      var retired = done[2];
      if (v.department) {
        var d = meta.departments.filter(function (x) { return x[0] === v.department; })[0];
        lists.push(d ? range(d[2], d[3]) : new Int32Array(0));
      }
      if (v.status === "retired") lists.push(retired);
      if (!lists.length) lists.push(range(0, meta.count));
      lists.sort(function (a, b) { return a.length - b.length; });
      var ids = lists.reduce(function (acc, l) { return acc === null ? l : intersect(acc, l); }, null);
      if (v.status === "active" && retired.length) {
        var mark = new Uint8Array(meta.count);
        for (var i = 0; i < retired.length; i++) mark[retired[i]] = 1;
        ids = ids.filter(function (id) { return !mark[id]; });
      }
      var inNames = nameLists.length ? nameLists.reduce(function (acc, l) { return intersect(acc, l); }) : new Int32Array(0);
      var first = intersect(ids, inNames);
      var mark2 = new Uint8Array(meta.count);
      for (var j = 0; j < first.length; j++) mark2[first[j]] = 1;
      var rest = ids.filter(function (id) { return !mark2[id]; });
      var ordered = Array.prototype.slice.call(first).concat(Array.prototype.slice.call(rest));
      var exact = tokenRuns.every(function (r) { return r.length <= 2; });
      return { ids: ordered, tokens: tokens, exact: exact, cursor: 0, verified: 0, shown: 0 };
    });
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = visible(value);
    return node;
  }

  function item(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    var parts = r[0].split("/");
    a.href = "resources/" + parts[0] + "/" + parts[1] + ".html";
    a.appendChild(text("code", r[0]));
    a.appendChild(document.createTextNode(" " + visible(r[1])));
    li.appendChild(a);
    var sharing = r[3] >= 0 ? meta.facets.sharing[r[3]] : "";
    var style = { "无条件共享": "tag s1", "有条件共享": "tag s2", "不予共享": "tag s3" }[sharing] || "tag";
    li.appendChild(document.createTextNode(" "));
    li.appendChild(text("span", sharing || "—", style));
    if (r[2] >= 0) li.appendChild(text("span", " " + meta.departments[r[2]][1], "muted"));
    if (r[4]) { li.appendChild(document.createTextNode(" ")); li.appendChild(text("span", meta.words.retired, "tag retired")); }
    return li;
  }

  // Verifies candidates from the cursor on until `want` more are shown (or none are left).
  function more(state, list, want, mine) {
    var found = 0;
    function step() {
      if (mine !== run) return Promise.resolve();
      if (found >= want || state.cursor >= state.ids.length) return Promise.resolve();
      var batch = state.ids.slice(state.cursor, state.cursor + Math.max(want - found, 1));
      state.cursor += batch.length;
      return Promise.all(batch.map(function (id) { return verify(id, state.tokens, state.exact); })).then(function (checked) {
        if (mine !== run) return;
        state.verified += batch.length;
        checked.forEach(function (c) {
          if (!c.match) { state.rejected = (state.rejected || 0) + 1; return; }
          found++;
          state.shown++;
          list.appendChild(item(c.record));
        });
        return step();
      });
    }
    return step();
  }

  function render(state, mine) {
    out.textContent = "";
    out.setAttribute("data-state", "busy");
    if (!state) { out.setAttribute("data-state", "done"); return Promise.resolve(); }
    var count = text("p", "", "count");
    var list = document.createElement("ol");
    list.className = "results";
    out.appendChild(count);
    out.appendChild(list);
    var button = text("button", meta.words.more, "more");
    button.type = "button";
    function summary() {
      var left = state.ids.length - state.cursor;
      var n = state.exact || left === 0 ? state.ids.length - (state.rejected || 0) : state.ids.length;
      var words = state.exact || left === 0 ? meta.words.found : meta.words.about;
      count.textContent = n === 0 ? meta.words.none : words.replace("{n}", n).replace("{m}", state.verified);
      if (left > 0 && !button.parentNode) out.appendChild(button);
      if (left === 0 && button.parentNode) button.parentNode.removeChild(button);
      out.setAttribute("data-count", String(n));
      out.setAttribute("data-state", "done");
    }
    button.addEventListener("click", function () {
      out.setAttribute("data-state", "busy");
      more(state, list, PAGE, mine).then(summary);
    });
    var first = !state.exact && state.ids.length <= VERIFY_ALL ? state.ids.length : PAGE;
    return more(state, list, first, mine).then(summary);
  }

  function go(pushState) {
    var v = values();
    var mine = ++run;
    var started = performance.now();
    out.setAttribute("data-state", "busy");
    if (pushState && window.history && history.replaceState) {
      var params = new URLSearchParams();
      Object.keys(v).forEach(function (k) { if (v[k] && !(k === "status" && v[k] === "active")) params.set(k, v[k]); });
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
    return load().then(function () { return search(v); }).then(function (state) {
      if (mine !== run) return;
      return render(state, mine).then(function () { out.setAttribute("data-ms", String(Math.round(performance.now() - started))); });
    }).catch(function (error) {
      out.textContent = "";
      out.appendChild(text("p", meta && meta.words ? meta.words.failed + error.message : String(error), "notice"));
      out.setAttribute("data-state", "failed");
    });
  }

  function load() {
    if (meta) return Promise.resolve(meta);
    return get(base + "meta.json", false).then(function (m) {
      m.foldedDepartments = m.departments.map(function (d) { return folded(d[1]); });
      meta = m;
      return m;
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); go(true); });
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
    select.addEventListener("change", function () { go(true); });
  });
  var params = new URLSearchParams(location.search);
  var any = false;
  params.forEach(function (value, key) {
    var field = form.elements.namedItem(key);
    if (field) { field.value = value; any = true; }
  });
  if (any) go(false);
})();
"""#
}
