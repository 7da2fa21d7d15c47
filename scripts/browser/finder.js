/* Directory finder: filters by need, place, bassin, language, public, cost, how to get in,
 * wheelchair access and "open now", combined with the text search, with counts per value; first
 * line first (care level, then distance) by default; the whole state in the URL.
 * Its rows and labels come in search/<lang>-finder.js, which the finder page preloads and search.js
 * runs; the text filter asks the site search for the services it finds. */
(function () {
  "use strict";

  var root = document.getElementById("bx-finder");
  if (!root || !window.bxSearch) return;
  var form = root.querySelector("form");
  var status = document.getElementById("bx-finder-status");
  var list = document.getElementById("bx-finder-results");
  var placeInput = document.getElementById("bx-finder-place");
  var placeHint = document.getElementById("bx-finder-place-hint");
  var language = root.getAttribute("data-language");
  var data, ui = {}, collator = new Intl.Collator(language, { sensitivity: "base" });
  var CHECKS = ["access", "open", "walkin", "papers", "interp"];
  var state = { q: "", place: null, mode: "serves", cat: "", bassin: "", lang: "", public: "", cost: "", access: false, open: false,
                walkin: false, papers: false, interp: false, sort: "level" };
  var position = null, textMatches = null, textOrder = null, renderCount = 0;

  var escapeHtml = bxText.escapeHtml;
  function fold(text) { return bxText.fold(text).trim(); }
  function label(key, values) {
    var text = ui[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.replace("{" + name + "}", values[name]); });
    return text;
  }

  /* ---- Time in Brussels: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October
   * at 01:00 UTC (the EU's summer time rule, as Europe/Brussels has kept it since 1996). Computed here:
   * Intl.DateTimeFormat loads its data in 15-30 ms on a cold page, before the first list. ---- */
  var HOUR_MS = 3600000;
  function summerTimeSwitch(year, month) {
    var lastDay = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  }
  function twoDigits(number) { return (number < 10 ? "0" : "") + number; }
  function brusselsNow() {
    var utc = Date.now(), year = new Date(utc).getUTCFullYear();
    var summer = utc >= summerTimeSwitch(year, 2) && utc < summerTimeSwitch(year, 9);
    var local = new Date(utc + (summer ? 2 : 1) * HOUR_MS);
    return { date: local.getUTCFullYear() + "-" + twoDigits(local.getUTCMonth() + 1) + "-" + twoDigits(local.getUTCDate()),
             weekday: (local.getUTCDay() + 6) % 7, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
  }
  function openAt(hours, now) {
    var exceptions = hours[1];
    for (var i = 0; i < exceptions.length; i++) {
      if (exceptions[i][0] === now.date) return exceptions[i][1] >= 0 && exceptions[i][1] <= now.minutes && now.minutes < exceptions[i][2];
    }
    return hours[0].some(function (period) { return (period[0] >> now.weekday) & 1 && period[1] <= now.minutes && now.minutes < period[2]; });
  }

  /* ---- Places: a commune by either name or a postcode ---- */
  function resolvePlace(text) {
    var wanted = fold(text).replace(/\s*\(.*\)$/, "");
    if (!wanted) return { nis: null };
    var postcode = wanted.match(/^(1\d{3})\b/);
    if (postcode && data.postcodes[postcode[1]]) {
      var communes = data.postcodes[postcode[1]];
      return { nis: communes[0], others: communes.slice(1) };
    }
    for (var i = 0; i < data.communes.length; i++) {
      var commune = data.communes[i];
      if (fold(commune[1]) === wanted || fold(commune[5]) === wanted) return { nis: commune[0] };
    }
    return { nis: null, unknown: true };
  }
  function communeName(nis) {
    for (var i = 0; i < data.communes.length; i++) if (data.communes[i][0] === nis) return data.communes[i][1];
    return String(nis);
  }
  function communePoint(nis) {
    for (var i = 0; i < data.communes.length; i++) if (data.communes[i][0] === nis) return [data.communes[i][2], data.communes[i][3]];
    return null;
  }
  function distanceKm(a, b) {
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  /* ---- Filters: each one is a test on a row; counts run every filter but the one counted ---- */
  var ROW = { org: 0, orgName: 1, name: 2, cats: 3, publics: 4, langs: 5, cost: 6, area: 7, phone: 8, example: 9, places: 10,
              level: 11, frontDoor: 12, accessBits: 13 };
  var PLACE_BASSIN = 5;
  function bassinTest(wanted) {
    return function (row) { return row[ROW.places].some(function (p) { return p[PLACE_BASSIN] === wanted; }); };
  }
  function checkTests() {
    var bits = data.accessBits;
    return {
      access: function (row) { return row[ROW.places].some(function (p) { return p[3] === "full" || p[3] === "partial"; }); },
      walkin: function (row) { return (row[ROW.accessBits] & bits["walk-in"]) !== 0; },
      papers: function (row) { return (row[ROW.accessBits] & bits.papers) !== 0; },
      interp: function (row) { return (row[ROW.accessBits] & bits.interpreting) !== 0; }
    };
  }
  function tests(now) {
    var active = {};
    if (state.cat !== "") { var cat = data.categories.findIndex(function (c) { return c[0] === state.cat; }); active.cat = function (row) { return row[ROW.cats].indexOf(cat) >= 0; }; }
    if (state.lang) active.lang = function (row) { return row[ROW.langs].indexOf(state.lang) >= 0; };
    if (state.public) { var pub = data.audiences.findIndex(function (a) { return a[0] === state.public; }); active.public = function (row) { return !row[ROW.publics].length || row[ROW.publics].indexOf(pub) >= 0; }; }
    if (state.cost) active.cost = function (row) { return row[ROW.cost] === state.cost; };
    if (state.bassin !== "") active.bassin = bassinTest(state.bassin === "several" ? -1 : data.bassins.findIndex(function (b) { return b[0] === state.bassin; }));
    var checks = checkTests();
    Object.keys(checks).forEach(function (name) { if (state[name]) active[name] = checks[name]; });
    if (state.open) active.open = function (row) { return row[ROW.places].some(function (p) { return openAt(p[4], now); }); };
    if (state.place !== null) {
      active.place = state.mode === "located"
        ? function (row) { return row[ROW.places].some(function (p) { return p[0] === state.place; }); }
        : function (row) { return row[ROW.area] === 0 || row[ROW.area].indexOf(state.place) >= 0 || row[ROW.places].some(function (p) { return p[0] === state.place; }); };
    }
    if (textMatches) active.text = function (row, index) { return textMatches.has(index); };
    return active;
  }
  function passes(active, row, index, except) {
    for (var name in active) if (name !== except && !active[name](row, index)) return false;
    return true;
  }

  /* One pass over the rows: a row failing no active filter counts for every facet; a row failing
   * exactly one counts only for that filter's facet (what choosing another value would give). */
  function countFacets(active, now) {
    var counts = { cat: {}, bassin: {}, lang: {}, public: {}, cost: {}, access: 0, open: 0, walkin: 0, papers: 0, interp: 0 };
    var checks = checkTests();
    var names = Object.keys(active);
    function add(table, key) { table[key] = (table[key] || 0) + 1; }
    for (var index = 0; index < data.rows.length; index++) {
      var row = data.rows[index], failed = null, failures = 0;
      for (var n = 0; n < names.length && failures < 2; n++) if (!active[names[n]](row, index)) { failures += 1; failed = names[n]; }
      if (failures > 1) continue;
      var all = failures === 0, i;
      if (all || failed === "cat") for (i = 0; i < row[ROW.cats].length; i++) add(counts.cat, row[ROW.cats][i]);
      if (all || failed === "lang") for (i = 0; i < row[ROW.langs].length; i++) add(counts.lang, row[ROW.langs][i]);
      if (all || failed === "public") {
        if (!row[ROW.publics].length) add(counts.public, "*");
        for (i = 0; i < row[ROW.publics].length; i++) add(counts.public, row[ROW.publics][i]);
      }
      if ((all || failed === "cost") && row[ROW.cost]) add(counts.cost, row[ROW.cost]);
      if (all || failed === "bassin") {
        var places = row[ROW.places], seen = [];
        for (i = 0; i < places.length; i++) if (seen.indexOf(places[i][PLACE_BASSIN]) < 0) { seen.push(places[i][PLACE_BASSIN]); add(counts.bassin, places[i][PLACE_BASSIN]); }
      }
      for (var check in checks) if ((all || failed === check) && checks[check](row)) counts[check] += 1;
      if ((all || failed === "open") && row[ROW.places].some(function (p) { return openAt(p[4], now); })) counts.open += 1;
    }
    return counts;
  }

  function fillSelect(select, choices, current) {
    select.innerHTML = choices.map(function (choice) {
      var disabled = choice[2] === 0 && choice[0] !== current && choice[0] !== "";
      return '<option value="' + escapeHtml(choice[0]) + '"' + (choice[0] === current ? " selected" : "") + (disabled ? " disabled" : "") + ">" +
        escapeHtml(choice[1]) + (choice[2] === undefined ? "" : " (" + choice[2] + ")") + "</option>";
    }).join("");
  }

  /* The chosen category's group: "what is the difference between ...?" (a sourced text), and a link
   * to the category page that cites its sources. */
  function renderDifference() {
    var box = document.getElementById("bx-finder-difference");
    var category = data.categories.filter(function (c) { return c[0] === state.cat; })[0];
    var group = category && data.groups.filter(function (g) { return g[0] === category[2]; })[0];
    if (!group || !group[2]) { box.hidden = true; box.innerHTML = ""; return; }
    box.hidden = false;
    box.innerHTML = "<strong>" + escapeHtml(label("finder_difference", { group: group[1] })) + "</strong> " + escapeHtml(group[2]) +
      ' <a href="' + escapeHtml(data.categoryBase + category[0] + ".html") + '">' + escapeHtml(label("finder_difference_sources")) + "</a>";
  }

  function renderFilters(counts) {
    var any = [["", label("finder_any")]];
    var cats = [];
    data.groups.forEach(function (group) {
      data.categories.forEach(function (c, index) { if (c[2] === group[0]) cats.push([c[0], c[1], counts.cat[index] || 0]); });
    });
    fillSelect(form.elements.cat, any.concat(cats), state.cat);
    fillSelect(form.elements.bassin, any.concat(data.bassins.map(function (b, index) { return [b[0], b[1], counts.bassin[index] || 0]; }))
      .concat([["several", label("finder_several_bassins"), counts.bassin[-1] || 0]]), state.bassin);
    fillSelect(form.elements.lang, any.concat(data.languages.map(function (l) { return [l[0], l[1], counts.lang[l[0]] || 0]; })), state.lang);
    fillSelect(form.elements.public, any.concat(data.audiences.map(function (a, index) { return [a[0], a[1], (counts.public[index] || 0) + (counts.public["*"] || 0)]; })), state.public);
    fillSelect(form.elements.cost, any.concat(["free", "reduced", "fee", "reimbursed", "variable"].map(function (k) { return [k, label("cost_" + k), counts.cost[k] || 0]; })), state.cost);
    CHECKS.forEach(function (name) { root.querySelector('[data-count="' + name + '"]').textContent = "(" + counts[name] + ")"; });
  }

  var FILTER_LABELS = { cat: "finder_category", bassin: "finder_bassin", lang: "finder_language", public: "finder_public", cost: "finder_cost",
                        access: "finder_access", open: "finder_open_now", walkin: "finder_walkin", papers: "finder_papers",
                        interp: "finder_interpreting", place: "finder_place_label", text: "finder_text_label" };

  function render() {
    var now = brusselsNow();
    var active = tests(now);
    var shown = [];
    data.rows.forEach(function (row, index) { if (passes(active, row, index)) shown.push(index); });
    renderFilters(countFacets(active, now));
    renderDifference();
    var origin = position || (state.place !== null ? communePoint(state.place) : null);
    var distances = {};
    if (origin) shown.forEach(function (index) {
      distances[index] = Math.min.apply(null, data.rows[index][ROW.places].map(function (p) { return distanceKm(origin, [p[1], p[2]]); }));
    });
    var byName = function (a, b) { return collator.compare(data.rows[a][ROW.orgName], data.rows[b][ROW.orgName]) || a - b; };
    var byDistance = function (a, b) { return origin ? distances[a] - distances[b] : 0; };
    if (state.sort === "level") shown.sort(function (a, b) { return data.rows[a][ROW.level] - data.rows[b][ROW.level] || byDistance(a, b) || byName(a, b); });
    else if (state.sort === "distance" && origin) shown.sort(function (a, b) { return distances[a] - distances[b] || byName(a, b); });
    else if (state.sort === "relevance" && textOrder) shown.sort(function (a, b) { return textOrder.get(a) - textOrder.get(b); });
    else shown.sort(byName);
    /* One result per organisation, in the order of its first service; its other matching services join it. */
    var groups = [], groupOf = Object.create(null);
    shown.forEach(function (index) {
      var org = data.rows[index][ROW.org];
      if (!(org in groupOf)) { groupOf[org] = groups.length; groups.push([]); }
      groups[groupOf[org]].push(index);
    });
    showGroups(groups, function (indices) { return resultHtml(indices, now, distances); });
    var message = shown.length === 1 ? label("finder_one_result") : label("finder_results", { n: shown.length });
    if (groups.length > 1 && groups.length < shown.length) message += " " + label("finder_organisations", { m: groups.length });
    if (state.sort === "distance" && !origin) message += " " + label("finder_distance_needs_place");
    if (state.sort === "level" && shown.length > 1) message += " " + label(origin ? "finder_level_order_distance" : "finder_level_order");
    status.textContent = message;
    if (!shown.length) explainEmpty(active);
    root.setAttribute("data-renders", String(++renderCount));
    saveState();
  }

  /* The first screenful of results is shown at once, the others (up to MAX_GROUPS) MORE_GROUPS at a
   * time, each batch once the one before is painted: the list appears without waiting for the layout
   * of hundreds of entries, and no long task keeps the page from answering meanwhile. */
  var FIRST_GROUPS = 20, MORE_GROUPS = 40, MAX_GROUPS = 300, listsStarted = 0;
  function showGroups(groups, html) {
    var thisList = ++listsStarted, total = Math.min(groups.length, MAX_GROUPS), groupsShown = 0;
    function step(count) {
      if (thisList !== listsStarted) return;  // a newer render has replaced the list
      var end = Math.min(total, groupsShown + count);
      list.insertAdjacentHTML("beforeend", groups.slice(groupsShown, end).map(html).join(""));
      groupsShown = end;
      if (groupsShown < total) { list.setAttribute("aria-busy", "true"); afterPaint(function () { step(MORE_GROUPS); }); }
      else list.removeAttribute("aria-busy");
    }
    list.innerHTML = "";
    step(FIRST_GROUPS);
  }
  function afterPaint(callback) { requestAnimationFrame(function () { setTimeout(callback, 0); }); }

  function resultHtml(indices, now, distances) {
    var row = data.rows[indices[0]];
    var open = row[ROW.places].some(function (p) { return openAt(p[4], now); });
    var hasHours = row[ROW.places].some(function (p) { return p[4][0].length; });
    var places = row[ROW.places].map(function (p) { return communeName(p[0]); }).filter(function (name, i, all) { return all.indexOf(name) === i; });
    var phone = row[ROW.phone] ? '<a class="bx-finder__phone" href="tel:' + escapeHtml(row[ROW.phone][1]) + '">' + escapeHtml(row[ROW.phone][0]) + "</a>" : "";
    var distance = indices[0] in distances ? Math.min.apply(null, indices.map(function (index) { return distances[index]; })) : undefined;
    var services = indices.map(function (index) {
      var service = data.rows[index];
      return '<li><span class="bx-finder__service">' + escapeHtml(service[ROW.name]) + "</span>" +
        '<span class="bx-finder__level">' + escapeHtml(label("finder_level_" + service[ROW.level])) +
        (service[ROW.frontDoor] ? " · " + escapeHtml(label("finder_front_door")) : "") + "</span></li>";
    }).join("");
    return '<li class="bx-finder__result"><a class="bx-finder__name" href="' + escapeHtml(data.entryBase + row[ROW.org] + ".html") + '">' +
      escapeHtml(row[ROW.orgName]) + "</a>" + (row[ROW.example] ? ' <span class="bx-finder__example">(' + escapeHtml(label("finder_example")) + ")</span>" : "") +
      '<ul class="bx-finder__services">' + services + "</ul>" +
      '<span class="bx-finder__meta">' + escapeHtml(places.join(", ")) +
      (distance !== undefined ? " · " + escapeHtml(label("finder_km", { d: distance.toFixed(1).replace(".", language === "fr" || language === "nl" ? "," : ".") })) : "") +
      (hasHours ? ' · <span class="bx-finder__open bx-finder__open--' + (open ? "yes" : "no") + '">' + escapeHtml(open ? label("finder_open") : label("finder_closed")) + "</span>" : "") +
      (phone ? " · " + phone : "") + "</span></li>";
  }

  function explainEmpty(active) {
    var best = null;
    Object.keys(active).forEach(function (name) {
      var n = 0;
      data.rows.forEach(function (row, index) { if (passes(active, row, index, name)) n += 1; });
      if (n && (!best || n > best.n)) best = { name: name, n: n };
    });
    status.textContent = label("finder_no_result");
    if (best) {
      status.textContent += " " + label("finder_loosen", { filter: label(FILTER_LABELS[best.name]), n: best.n });
      list.innerHTML = '<li class="bx-finder__loosen"><button type="button" class="md-button" data-remove="' + best.name + '">' +
        escapeHtml(label("finder_remove")) + " : " + escapeHtml(label(FILTER_LABELS[best.name])) + "</button></li>";
    }
  }

  /* ---- State <-> form <-> URL ---- */
  function readForm() {
    state.q = form.elements.q.value;
    state.mode = form.elements.mode.value;
    state.cat = form.elements.cat.value;
    state.bassin = form.elements.bassin.value;
    state.lang = form.elements.lang.value;
    state.public = form.elements.public.value;
    state.cost = form.elements.cost.value;
    CHECKS.forEach(function (name) { state[name] = form.elements[name].checked; });
    state.sort = form.elements.sort.value;
    var place = resolvePlace(placeInput.value);
    state.place = place.nis;
    placeHint.textContent = place.unknown ? label("finder_unknown_place")
      : place.others && place.others.length ? label("finder_place_choice", { other: place.others.map(communeName).join(", ") }) : "";
  }
  function writeForm() {
    form.elements.q.value = state.q;
    form.elements.mode.value = state.mode;
    CHECKS.forEach(function (name) { form.elements[name].checked = state[name]; });
    form.elements.sort.value = state.sort;
    placeInput.value = state.place !== null ? communeName(state.place) : "";
  }
  function saveState() {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.place !== null) params.set("commune", String(state.place));
    if (state.place !== null && state.mode !== "serves") params.set("mode", state.mode);
    ["cat", "bassin", "lang", "public", "cost"].forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    CHECKS.forEach(function (name) { if (state[name]) params.set(name, "1"); });
    if (state.sort !== "level") params.set("sort", state.sort);
    var query = params.toString();
    if ((query ? "?" + query : "") === location.search && !location.hash) return;  // already there (a replaceState costs a few ms)
    try { history.replaceState(null, "", query ? "?" + query : location.pathname.split("/").pop()); } catch (e) { /* some file:// set-ups */ }
  }
  function loadState() {
    var params = new URLSearchParams(location.search);
    state.q = params.get("q") || "";
    state.place = params.get("commune") ? parseInt(params.get("commune"), 10) : null;
    state.mode = params.get("mode") === "located" ? "located" : "serves";
    ["cat", "bassin", "lang", "public", "cost"].forEach(function (name) { state[name] = params.get(name) || ""; });
    CHECKS.forEach(function (name) { state[name] = params.get(name) === "1"; });
    state.sort = params.get("sort") || "level";
  }

  function runText() {
    if (!state.q.trim()) { textMatches = null; textOrder = null; render(); return; }
    var asked = state.q;
    window.bxSearch.query(asked, 100000, { shown: 0 }).then(function (found) {
      if (asked !== state.q) return;
      textMatches = new Set(); textOrder = new Map();
      found.results.forEach(function (result) {
        if (result.type === "s" && !textMatches.has(result.position)) { textMatches.add(result.position); textOrder.set(result.position, textOrder.size); }
      });
      render();
    });
  }

  function onChange(event) {
    readForm();
    if (event && event.target === form.elements.q) runText(); else render();
  }

  window.bxSearch.loadFinder().then(function (loaded) {
    data = loaded;
    ui = data.ui;
    document.getElementById("bx-finder-places").innerHTML = data.communes.map(function (c) {
      return '<option value="' + escapeHtml(c[1]) + '">' + escapeHtml(c[1] + " · " + c[5] + " · " + c[4].join(", ")) + "</option>";
    }).join("");
    loadState();
    writeForm();
    runText();
    form.addEventListener("input", onChange);  // every control fires it (selects, boxes too): "change" would render twice
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove]");
      if (!button) return;
      var name = button.getAttribute("data-remove");
      if (name === "place") { state.place = null; placeInput.value = ""; }
      else if (name === "text") { state.q = ""; form.elements.q.value = ""; textMatches = null; }
      else if (CHECKS.indexOf(name) >= 0) state[name] = false;
      else state[name] = "";
      writeForm();
      render();
    });
    document.getElementById("bx-finder-locate").addEventListener("click", function () {
      if (!navigator.geolocation) { placeHint.textContent = label("finder_position_denied"); return; }
      navigator.geolocation.getCurrentPosition(function (found) {
        position = [found.coords.latitude, found.coords.longitude];
        state.sort = "distance";
        form.elements.sort.value = "distance";
        placeHint.textContent = label("finder_position_used");
        render();
      }, function () { placeHint.textContent = label("finder_position_denied"); });
    });
    document.getElementById("bx-finder-print").addEventListener("click", function () { window.print(); });
  }).catch(function () { status.textContent = label("search_error"); });
})();
