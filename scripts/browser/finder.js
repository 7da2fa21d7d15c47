/* Directory finder: filters by need, place, bassin, language, public, cost, how to get in,
 * wheelchair access and "open now", combined with the text search, with counts per value; first
 * line first (care level, then distance) by default; the whole state in the URL.
 * Its rows and labels come in search/<lang>-finder.js, which the finder page preloads and search.js
 * runs; the text filter asks the site search for the services it finds.
 *
 * Rows, places and communes are arrays whose field names come with the data (data.fields): the
 * code reads them by name (row[ROW.cats]). Every filter is one entry of FILTERS, which drives the
 * state, the form, the URL, the counts, the labels and the "remove" button: a new filter is an
 * entry there and, if it needs one, a row field (scripts/search/finder_rows.py). */
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
  var kilometres = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var ROW, PLACE, COMMUNE;
  var state = { sort: "level" };
  var position = null, textMatches = null, textEvery = null, textOrder = null, need = null, needs = [], renderCount = 0;
  var wordFilters = [], filterPhrases = {};

  var escapeHtml = bxText.escapeHtml;
  function fold(text) { return bxText.fold(text).trim(); }
  function label(key, values) {
    var text = ui[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.replace("{" + name + "}", values[name]); });
    return text;
  }
  function fieldIndex(names) {
    var index = {};
    names.forEach(function (name, position) { index[name] = position; });
    return index;
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
      if (fold(commune[COMMUNE.name]) === wanted || fold(commune[COMMUNE.otherName]) === wanted) return { nis: commune[COMMUNE.nis] };
    }
    return { nis: null, unknown: true };
  }
  function communeName(nis) {
    for (var i = 0; i < data.communes.length; i++) if (data.communes[i][COMMUNE.nis] === nis) return data.communes[i][COMMUNE.name];
    return String(nis);
  }
  function communePoint(nis) {
    for (var i = 0; i < data.communes.length; i++) if (data.communes[i][COMMUNE.nis] === nis) return [data.communes[i][COMMUNE.lat], data.communes[i][COMMUNE.lon]];
    return null;
  }
  function distanceKm(a, b) {
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  /* ---- Needs: the words of the text that name a category (its name or a synonym, content/taxonomy.yaml)
   * become a need filter; the other words only rank the services within it. One slip (a letter
   * missing, added, wrong, or two swapped) is forgiven in words of SLIP_MIN letters or more. ---- */
  var SLIP_MIN = 5;
  function words(text) {
    return bxText.splitWords(fold(text)).map(function (word) { return word.replace(/[^a-z0-9]/g, ""); }).filter(Boolean);
  }
  function sameWord(typed, word) {
    return typed === word || (typed.length >= SLIP_MIN && word.length >= SLIP_MIN && bxText.oneSlip(typed, word));
  }
  /* The editing distance of two words, counted up to `cap` (the closest needs to words that match nothing). */
  function distance(a, b, cap) {
    if (Math.abs(a.length - b.length) > cap) return cap + 1;
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return Math.min(previous[b.length], cap + 1);
  }
  /* The need the text names: the longest phrase found, then the one its category lists first (its
   * name, then its synonyms in order), then the category first in the taxonomy; with the words left. */
  function phraseAt(typed, phrase, start) {
    return phrase.length > 0 && start + phrase.length <= typed.length && phrase.every(function (word, k) { return sameWord(typed[start + k], word); });
  }
  function recogniseNeed(text) {
    var typed = words(text), best = null;
    needs.forEach(function (candidate) {
      candidate.phrases.forEach(function (phrase, rank) {
        for (var start = 0; start + phrase.length <= typed.length; start++) {
          if (!phraseAt(typed, phrase, start)) continue;
          if (!best || phrase.length > best.length || (phrase.length === best.length && rank < best.rank)) {
            best = { index: candidate.index, id: candidate.id, name: candidate.name, start: start, length: phrase.length, rank: rank };
          }
        }
      });
    });
    if (best) best.rest = typed.slice(0, best.start).concat(typed.slice(best.start + best.length)).join(" ");
    return best;
  }
  /* The finder's filters that everyday words ask for ("sans papiers", "gratuit": content/taxonomy.yaml's
   * filter_words), among the words that no need took; not those the reader already set. */
  function recogniseFilters(typed) {
    return Object.keys(filterPhrases).filter(function (name) {
      var set = name === "free" ? state.cost !== "" : state[name];
      return !set && filterPhrases[name].some(function (phrase) {
        for (var start = 0; start + phrase.length <= typed.length; start++) if (phraseAt(typed, phrase, start)) return true;
        return false;
      });
    });
  }
  function filterWordLabel(name) {
    if (name === "free") return data.costs.filter(function (cost) { return cost[0] === "free"; })[0][1];
    return label(FILTER_BY_NAME[name].label);
  }

  /* Up to three needs whose words are closest to words that found nothing. */
  function closestNeeds(text) {
    var typed = words(text).filter(function (word) { return word.length >= 4; });
    return needs.map(function (candidate) {
      var best = 3;
      candidate.phrases.forEach(function (phrase) {
        phrase.forEach(function (word) { typed.forEach(function (t) { best = Math.min(best, distance(t, word, 2)); }); });
      });
      return { need: candidate, distance: best };
    }).filter(function (found) { return found.distance <= 2; })
      .sort(function (a, b) { return a.distance - b.distance || a.need.index - b.need.index; })
      .slice(0, 3).map(function (found) { return found.need; });
  }

  /* ---- Filters ----
   * One entry per filter. kind: "select" (state "" means any), "check" (a box, state true/false),
   * or "place" and "text" (their own fields). label: the ui key naming it. test(now) returns the
   * test of a row for the filter's current state. A select lists choices() as [value, label, key],
   * and keys(row) gives the keys a row counts under (a choice's count is counts[key]); a check
   * counts the rows its test passes. */
  function anyPlace(test) { return function (row) { return row[ROW.places].some(test); }; }
  function indexOf(table, value) { return table.findIndex(function (entry) { return entry[0] === value; }); }
  var FILTERS = [
    { name: "text", kind: "text", param: "q", label: "finder_text_label", reruns: true,
      test: function () { return function (row, index) { return textMatches.has(index); }; },
      /* with a need or a filter recognised in them, the words rank and do not filter */
      active: function () { return textMatches !== null && need === null && !wordFilters.length; },
      clear: function () { state.q = ""; state.literal = false; } },
    { name: "need", kind: "need", label: "finder_need", reruns: true,
      test: function () { var wanted = need.index; return function (row) { return row[ROW.cats].indexOf(wanted) >= 0; }; },
      active: function () { return need !== null; },
      clear: function () { state.literal = true; } },  // the words' filters (wordFilters) go with it
    { name: "place", kind: "place", param: "commune", label: "finder_place_label",
      test: function () {
        if (state.mode === "located") return anyPlace(function (p) { return p[PLACE.nis] === state.place; });
        return function (row) {
          return row[ROW.area] === 0 || row[ROW.area].indexOf(state.place) >= 0 || row[ROW.places].some(function (p) { return p[PLACE.nis] === state.place; });
        };
      },
      active: function () { return state.place !== null; },
      clear: function () { state.place = null; } },
    { name: "cat", kind: "select", label: "finder_category",
      choices: function () {
        var cats = [];
        data.groups.forEach(function (group) {
          data.categories.forEach(function (c, index) { if (c.group === group.id && c.shown) cats.push([c.id, c.name, index]); });
        });
        return cats;
      },
      keys: function (row) { return row[ROW.cats]; },
      test: function () { var cat = data.categories.findIndex(function (c) { return c.id === state.cat; }); return function (row) { return row[ROW.cats].indexOf(cat) >= 0; }; } },
    { name: "bassin", kind: "select", label: "finder_bassin",
      choices: function () {
        return data.bassins.map(function (b, index) { return [b[0], b[1], index]; }).concat([["several", label("finder_several_bassins"), -1]]);
      },
      keys: function (row) {
        var seen = [];
        row[ROW.places].forEach(function (p) { if (seen.indexOf(p[PLACE.bassin]) < 0) seen.push(p[PLACE.bassin]); });
        return seen;
      },
      test: function () {
        var wanted = state.bassin === "several" ? -1 : indexOf(data.bassins, state.bassin);
        return anyPlace(function (p) { return p[PLACE.bassin] === wanted; });
      } },
    { name: "lang", kind: "select", label: "finder_language",
      choices: function () { return data.languages.map(function (l) { return [l[0], l[1], l[0]]; }); },
      keys: function (row) { return row[ROW.langs]; },
      test: function () { return function (row) { return row[ROW.langs].indexOf(state.lang) >= 0; }; } },
    { name: "public", kind: "select", label: "finder_public",
      choices: function () { return data.audiences.map(function (a, index) { return [a[0], a[1], index]; }); },
      /* A service for everyone (no public named) counts for every public. */
      keys: function (row) { return row[ROW.publics].length ? row[ROW.publics] : ["*"]; },
      count: function (counts, key) { return (counts[key] || 0) + (counts["*"] || 0); },
      test: function () {
        var wanted = indexOf(data.audiences, state.public);
        return function (row) { return !row[ROW.publics].length || row[ROW.publics].indexOf(wanted) >= 0; };
      } },
    { name: "cost", kind: "select", label: "finder_cost",
      choices: function () { return data.costs.map(function (c) { return [c[0], c[1], c[0]]; }); },
      keys: function (row) { return row[ROW.cost] ? [row[ROW.cost]] : []; },
      test: function () { return function (row) { return row[ROW.cost] === state.cost; }; } },
    { name: "access", kind: "check", label: "finder_access",
      test: function () { return anyPlace(function (p) { return p[PLACE.accessible] === 1; }); } },
    { name: "open", kind: "check", label: "finder_open_now",
      test: function (now) { return anyPlace(function (p) { return openAt(p[PLACE.hours], now); }); } },
    { name: "walkin", kind: "check", label: "finder_walkin", test: accessBitTest("walk-in") },
    { name: "papers", kind: "check", label: "finder_papers", test: accessBitTest("papers") },
    { name: "interp", kind: "check", label: "finder_interpreting", test: accessBitTest("interpreting") }
  ];
  var FILTER_BY_NAME = {};
  FILTERS.forEach(function (filter) { FILTER_BY_NAME[filter.name] = filter; });
  function accessBitTest(name) {
    return function () { var bit = data.accessBits[name]; return function (row) { return (row[ROW.accessBits] & bit) !== 0; }; };
  }
  function isActive(filter) {
    if (filter.active) return filter.active();
    return filter.kind === "check" ? state[filter.name] : state[filter.name] !== "";
  }
  function clearFilter(filter) {
    if (filter.clear) filter.clear(); else state[filter.name] = filter.kind === "check" ? false : "";
  }

  function tests(now) {
    var active = {};
    FILTERS.forEach(function (filter) { if (isActive(filter)) active[filter.name] = filter.test(now); });
    wordFilters.forEach(function (name) {
      active[name === "free" ? "cost" : name] = name === "free" ? function (row) { return row[ROW.cost] === "free"; } : FILTER_BY_NAME[name].test(now);
    });
    return active;
  }
  function passes(active, row, index, except) {
    for (var name in active) if (name !== except && !active[name](row, index)) return false;
    return true;
  }

  /* One pass over the rows: a row failing no active filter counts for every facet; a row failing
   * exactly one counts only for that filter's facet (what choosing another value would give). */
  function countFacets(active, now) {
    var counts = {}, facets = FILTERS.filter(function (f) { return f.kind === "select" || f.kind === "check"; });
    var facetTests = {};
    facets.forEach(function (filter) {
      counts[filter.name] = filter.kind === "check" ? 0 : {};
      if (filter.kind === "check") facetTests[filter.name] = active[filter.name] || filter.test(now);
    });
    var names = Object.keys(active);
    for (var index = 0; index < data.rows.length; index++) {
      var row = data.rows[index], failed = null, failures = 0;
      for (var n = 0; n < names.length && failures < 2; n++) if (!active[names[n]](row, index)) { failures += 1; failed = names[n]; }
      if (failures > 1) continue;
      for (var f = 0; f < facets.length; f++) {
        var filter = facets[f];
        if (failures && failed !== filter.name) continue;
        if (filter.kind === "check") { if (facetTests[filter.name](row, index)) counts[filter.name] += 1; continue; }
        var keys = filter.keys(row), table = counts[filter.name];
        for (var k = 0; k < keys.length; k++) table[keys[k]] = (table[keys[k]] || 0) + 1;
      }
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
    var category = data.categories.filter(function (c) { return c.id === state.cat; })[0];
    var group = category && data.groups.filter(function (g) { return g.id === category.group; })[0];
    if (!group || !group.difference) { box.hidden = true; box.innerHTML = ""; return; }
    box.hidden = false;
    box.innerHTML = "<strong>" + escapeHtml(label("finder_difference", { group: group.name })) + "</strong> " + escapeHtml(group.difference) +
      ' <a href="' + escapeHtml(data.categoryBase + category.id + ".html") + '">' + escapeHtml(label("finder_difference_sources")) + "</a>";
  }

  function renderFilters(counts) {
    FILTERS.forEach(function (filter) {
      if (filter.kind === "select") {
        var table = counts[filter.name];
        var choices = filter.choices().map(function (choice) {
          return [choice[0], choice[1], filter.count ? filter.count(table, choice[2]) : table[choice[2]] || 0];
        });
        fillSelect(form.elements[filter.name], [["", label("finder_any")]].concat(choices), state[filter.name]);
      } else if (filter.kind === "check") {
        root.querySelector('[data-count="' + filter.name + '"]').textContent = "(" + counts[filter.name] + ")";
      }
    });
  }

  /* How the list is ordered. Example entries (not real organisations) always come after the real ones.
   * "level" (the default): how well a service answers the words (every word, some words, none: with a
   * need recognised, the other words only rank), then whether the need is the service's main one, then
   * the care level (first line first), then the distance, then the search's score, then the name.
   * "distance": services with a place first, nearest first. */
  function relevanceTier(index) {
    if (!textMatches) return 0;
    return textEvery.has(index) ? 0 : textMatches.has(index) ? 1 : 2;
  }
  /* With a need (recognised or chosen), a service whose main category (its first) is that need comes
   * before one that offers it beside another main activity (a general listening line before a disease's line). */
  function mainNeedTier(wanted, index) {
    return wanted < 0 || data.rows[index][ROW.cats][0] === wanted ? 0 : 1;
  }
  function wantedNeed() {
    return need !== null ? need.index : state.cat ? data.categories.findIndex(function (c) { return c.id === state.cat; }) : -1;
  }
  /* The search's own order (its score): "douche" puts DoucheFLUX before the other services for homeless people. */
  function searchRank(a, b) {
    if (!textOrder) return 0;
    var ra = textOrder.has(a) ? textOrder.get(a) : Infinity, rb = textOrder.has(b) ? textOrder.get(b) : Infinity;
    return ra === rb ? 0 : ra < rb ? -1 : 1;
  }
  function byName(a, b) { return collator.compare(data.rows[a][ROW.orgName], data.rows[b][ROW.orgName]) || a - b; }
  function examplesLast(a, b) { return data.rows[a][ROW.example] - data.rows[b][ROW.example]; }
  function byDistance(distances) {
    return function (a, b) {
      var da = a in distances ? distances[a] : Infinity, db = b in distances ? distances[b] : Infinity;
      return da === db ? 0 : da < db ? -1 : 1;
    };
  }
  var ORDERS = {
    level: function (distances, located) {
      var near = byDistance(distances), wanted = wantedNeed();
      return function (a, b) {
        return examplesLast(a, b) || relevanceTier(a) - relevanceTier(b) || mainNeedTier(wanted, a) - mainNeedTier(wanted, b) ||
          data.rows[a][ROW.level] - data.rows[b][ROW.level] ||
          (located ? near(a, b) : 0) || searchRank(a, b) || byName(a, b);
      };
    },
    distance: function (distances) { var near = byDistance(distances); return function (a, b) { return examplesLast(a, b) || near(a, b) || byName(a, b); }; },
    relevance: function () { return function (a, b) { return examplesLast(a, b) || textOrder.get(a) - textOrder.get(b); }; },
    name: function () { return function (a, b) { return examplesLast(a, b) || byName(a, b); }; }
  };

  /* The need recognised in the text, shown with a button that takes the words as they are. */
  function renderNeed() {
    var box = document.getElementById("bx-finder-need");
    if (!need && !wordFilters.length) { box.hidden = true; box.innerHTML = ""; return; }
    box.hidden = false;
    var parts = [];
    if (need) parts.push(escapeHtml(label("finder_need_recognised")) + " <strong>" + escapeHtml(need.name) + "</strong>");
    if (wordFilters.length) parts.push(escapeHtml(label("finder_filters_recognised")) + " <strong>" + escapeHtml(wordFilters.map(filterWordLabel).join(", ")) + "</strong>");
    box.innerHTML = parts.join(" · ") + ' <button type="button" class="md-button" data-remove="need">' + escapeHtml(label("finder_need_remove")) + "</button>";
  }

  function render() {
    var now = brusselsNow();
    var active = tests(now);
    var shown = [];
    data.rows.forEach(function (row, index) { if (passes(active, row, index)) shown.push(index); });
    renderFilters(countFacets(active, now));
    renderDifference();
    var origin = position || (state.place !== null ? communePoint(state.place) : null);
    var distances = {};  // only for services with a place: the others have no distance
    if (origin) shown.forEach(function (index) {
      var places = data.rows[index][ROW.places];
      if (places.length) distances[index] = Math.min.apply(null, places.map(function (p) { return distanceKm(origin, [p[PLACE.lat], p[PLACE.lon]]); }));
    });
    shown.sort(ORDERS[state.sort] && (state.sort !== "distance" || origin) && (state.sort !== "relevance" || textOrder)
      ? ORDERS[state.sort](distances, Boolean(origin)) : ORDERS.name(distances));
    /* One result per organisation, in the order of its first service; its other matching services join it. */
    var groups = [], groupOf = Object.create(null);
    shown.forEach(function (index) {
      var org = data.rows[index][ROW.org];
      if (!(org in groupOf)) { groupOf[org] = groups.length; groups.push([]); }
      groups[groupOf[org]].push(index);
    });
    showGroups(groups, function (indices) { return resultHtml(indices, now, distances); });
    var count = shown.length === 1 ? label("finder_one_result") : label("finder_results", { n: shown.length }), order = "";
    if (groups.length > 1 && groups.length < shown.length) count += " " + label("finder_organisations", { m: groups.length });
    if (state.sort === "distance" && !origin) order = label("finder_distance_needs_place");
    if (state.sort === "level" && shown.length > 1) {
      order = label((textMatches ? "finder_relevance_order" : "finder_level_order") + (origin ? "_distance" : ""));
    }
    status.innerHTML = '<span class="bx-finder__count">' + escapeHtml(count) + "</span>" +
      (order ? ' <span class="bx-finder__order">' + escapeHtml(order) + "</span>" : "");
    renderNeed();
    countFiltersInUse();
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
    var open = row[ROW.places].some(function (p) { return openAt(p[PLACE.hours], now); });
    var hasHours = row[ROW.places].some(function (p) { return p[PLACE.hours][0].length; });
    var places = row[ROW.places].map(function (p) { return communeName(p[PLACE.nis]); }).filter(function (name, i, all) { return all.indexOf(name) === i; });
    var where = places.length ? places.join(", ") : [label("finder_no_address")].concat(row[ROW.area] === 0 ? [label("finder_whole_region")] : []).join(" · ");
    var phone = row[ROW.phone] ? '<a class="bx-finder__phone" href="tel:' + escapeHtml(row[ROW.phone][1]) + '">' + escapeHtml(row[ROW.phone][0]) + "</a>" : "";
    var located = indices.filter(function (index) { return index in distances; });
    var distance = located.length ? Math.min.apply(null, located.map(function (index) { return distances[index]; })) : undefined;
    var services = indices.map(function (index) {
      var service = data.rows[index];
      return '<li><span class="bx-finder__service">' + escapeHtml(service[ROW.name]) + "</span>" +
        '<span class="bx-finder__level">' + escapeHtml(label("finder_level_" + service[ROW.level])) +
        (service[ROW.frontDoor] ? " · " + escapeHtml(label("finder_front_door")) : "") + "</span>" +
        (window.bxList ? " " + window.bxList.button(service[ROW.id], service[ROW.name]) : "") + "</li>";
    }).join("");
    return '<li class="bx-finder__result"><a class="bx-finder__name" href="' + escapeHtml(data.entryBase + row[ROW.org] + ".html") + '">' +
      escapeHtml(row[ROW.orgName]) + "</a>" + (row[ROW.example] ? ' <span class="bx-finder__example">(' + escapeHtml(label("finder_example")) + ")</span>" : "") +
      '<ul class="bx-finder__services">' + services + "</ul>" +
      '<span class="bx-finder__meta">' + escapeHtml(where) +
      (distance !== undefined ? " · " + escapeHtml(label("finder_km", { d: kilometres.format(distance) })) : "") +
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
    if (textMatches && textMatches.size === 0 && !need) { suggestNeeds(); return; }
    if (best) {
      var named = label(FILTER_BY_NAME[best.name].label);
      status.textContent += " " + label("finder_loosen", { filter: named, n: best.n });
      list.innerHTML = '<li class="bx-finder__loosen"><button type="button" class="md-button" data-remove="' + best.name + '">' +
        escapeHtml(label("finder_remove")) + " : " + escapeHtml(named) + "</button></li>";
    }
  }

  /* Words that found no service: say so, and offer the needs whose words are closest. */
  function suggestNeeds() {
    status.textContent = label("finder_no_words", { q: state.q });
    var close = closestNeeds(state.q);
    if (close.length) status.textContent += " " + label("finder_closest_needs");
    list.innerHTML = close.map(function (candidate) {
      return '<li class="bx-finder__loosen"><button type="button" class="md-button" data-need="' + escapeHtml(candidate.id) + '">' +
        escapeHtml(candidate.name) + "</button></li>";
    }).join("");
  }

  /* ---- State <-> form <-> URL ---- */
  function readForm() {
    state.q = form.elements.q.value;
    state.mode = form.elements.mode.value;
    FILTERS.forEach(function (filter) {
      if (filter.kind === "select") state[filter.name] = form.elements[filter.name].value;
      else if (filter.kind === "check") state[filter.name] = form.elements[filter.name].checked;
    });
    state.sort = form.elements.sort.value;
    var place = resolvePlace(placeInput.value);
    state.place = place.nis;
    placeHint.textContent = place.unknown ? label("finder_unknown_place")
      : place.others && place.others.length ? label("finder_place_choice", { other: place.others.map(communeName).join(", ") }) : "";
  }
  function writeForm() {
    form.elements.q.value = state.q;
    form.elements.mode.value = state.mode;
    FILTERS.forEach(function (filter) { if (filter.kind === "check") form.elements[filter.name].checked = state[filter.name]; });
    form.elements.sort.value = state.sort;
    placeInput.value = state.place !== null ? communeName(state.place) : "";
  }
  function saveState() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (filter) {
      if (filter.kind === "text") { if (state.q) params.set("q", state.q); }
      else if (filter.kind === "place") {
        if (state.place !== null) params.set("commune", String(state.place));
        if (state.place !== null && state.mode !== "serves") params.set("mode", state.mode);
      } else if (filter.kind === "check") { if (state[filter.name]) params.set(filter.name, "1"); }
      else if (state[filter.name]) params.set(filter.name, state[filter.name]);
    });
    if (state.sort !== "level") params.set("sort", state.sort);
    if (state.literal && state.q) params.set("literal", "1");
    var query = params.toString();
    if ((query ? "?" + query : "") === location.search && !location.hash) return;  // already there (a replaceState costs a few ms)
    try { history.replaceState(null, "", query ? "?" + query : location.pathname.split("/").pop()); } catch (e) { /* some file:// set-ups */ }
  }
  function loadState() {
    var params = new URLSearchParams(location.search);
    state.q = params.get("q") || "";
    state.place = params.get("commune") ? parseInt(params.get("commune"), 10) : null;
    state.mode = params.get("mode") === "located" ? "located" : "serves";
    FILTERS.forEach(function (filter) {
      if (filter.kind === "select") state[filter.name] = params.get(filter.name) || "";
      else if (filter.kind === "check") state[filter.name] = params.get(filter.name) === "1";
    });
    state.sort = params.get("sort") || "level";
    state.literal = params.get("literal") === "1";
  }

  /* Read the text: a need it names (unless a category is chosen or the reader asked for the words as
   * they are), then the services its words find, and how well (every word or some): with a need, they
   * only rank the services within it ("hébergement d'urgence" puts first, among the services for
   * homeless people, those whose texts say it). */
  function runText() {
    var recognising = !state.literal && state.q.trim() !== "";
    need = recognising && state.cat === "" ? recogniseNeed(state.q) : null;
    wordFilters = recognising ? recogniseFilters(words(need ? need.rest : state.q)) : [];
    var asked = state.q, text = state.q;
    if (!text.trim()) { textMatches = null; textEvery = null; textOrder = null; render(); return Promise.resolve(); }
    return window.bxSearch.query(text, 100000, { shown: 0 }).then(function (found) {
      if (asked !== state.q) return;
      textMatches = new Set(); textEvery = new Set(); textOrder = new Map();
      found.results.forEach(function (result) {
        if (result.type !== data.serviceType || textMatches.has(result.position)) return;
        textMatches.add(result.position);
        if (result.every) textEvery.add(result.position);
        textOrder.set(result.position, textOrder.size);
      });
      render();
    });
  }

  /* A bug in rendering is shown to the reader as such and logged with its stack; it is not taken
   * for a failure to load. */
  function reportRenderError(error) {
    console.error("finder:", error);
    status.textContent = root.getAttribute("data-render-error");
  }
  function guarded(action) {
    return function () { try { var done = action.apply(null, arguments); if (done && done.catch) done.catch(reportRenderError); } catch (error) { reportRenderError(error); } };
  }

  function onChange(event) {
    readForm();
    if (event && event.target === form.elements.q && !state.q.trim()) state.literal = false;
    /* the text and the category both decide whether the text names a need */
    if (event && (event.target === form.elements.q || event.target === form.elements.cat)) return runText();
    render();
  }

  /* ---- The filters' disclosure: closed on a narrow screen (the list comes first), open and without
   * its summary on a wide one; on a narrow screen a choice made in it closes it again and the focus
   * goes back to its summary, which counts the filters in use. ---- */
  var more = document.getElementById("bx-finder-more"), narrow = window.matchMedia("(max-width: 59.99em)");
  function fitDisclosure() { more.open = !narrow.matches; }
  function countFiltersInUse() {
    var n = FILTERS.filter(function (filter) { return (filter.kind === "select" || filter.kind === "check") && isActive(filter); }).length;
    if (state.place !== null && state.mode !== "serves") n += 1;
    document.getElementById("bx-finder-active").textContent = n ? "(" + n + ")" : "";
  }
  function closeAfterChoice(event) {
    if (!narrow.matches || !more.contains(event.target)) return;
    more.open = false;
    more.querySelector("summary").focus();
  }

  function start(loaded) {
    data = loaded;
    ui = data.ui;
    ROW = fieldIndex(data.fields.row); PLACE = fieldIndex(data.fields.place); COMMUNE = fieldIndex(data.fields.commune);
    needs = data.categories.map(function (c, index) { return { index: index, id: c.id, name: c.name, phrases: c.words.map(words), shown: c.shown }; })
      .filter(function (need) { return need.shown; });
    Object.keys(data.filterWords).forEach(function (name) { filterPhrases[name] = data.filterWords[name].map(words); });
    document.getElementById("bx-finder-places").innerHTML = data.communes.map(function (c) {
      return '<option value="' + escapeHtml(c[COMMUNE.name]) + '">' +
        escapeHtml(c[COMMUNE.name] + " · " + c[COMMUNE.otherName] + " · " + c[COMMUNE.postcodes].join(", ")) + "</option>";
    }).join("");
    loadState();
    writeForm();
    form.addEventListener("input", guarded(onChange));  // every control fires it (selects, boxes too): "change" would render twice
    form.addEventListener("change", closeAfterChoice);
    fitDisclosure();
    if (narrow.addEventListener) narrow.addEventListener("change", fitDisclosure);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.addEventListener("click", guarded(function (event) {  // the list's buttons and the recognised need's
      var suggested = event.target.closest("[data-need]");
      if (suggested) { state.cat = suggested.getAttribute("data-need"); state.q = ""; writeForm(); return runText(); }
      var button = event.target.closest("[data-remove]");
      if (!button) return;
      var filter = FILTER_BY_NAME[button.getAttribute("data-remove")];
      clearFilter(filter);
      writeForm();
      if (filter.reruns) return runText();
      render();
    }));
    document.getElementById("bx-finder-locate").addEventListener("click", function () {
      if (!navigator.geolocation) { placeHint.textContent = label("finder_position_denied"); return; }
      navigator.geolocation.getCurrentPosition(guarded(function (found) {
        position = [found.coords.latitude, found.coords.longitude];
        state.sort = "distance";
        form.elements.sort.value = "distance";
        placeHint.textContent = label("finder_position_used");
        render();
      }), function () { placeHint.textContent = label("finder_position_denied"); });
    });
    document.getElementById("bx-finder-print").addEventListener("click", function () { window.print(); });
    return runText();
  }

  window.bxSearch.loadFinder().then(function (loaded) {
    return Promise.resolve().then(function () { return start(loaded); }).catch(reportRenderError);
  }, function (error) {
    console.error("finder: its data did not load:", error);
    status.textContent = root.getAttribute("data-load-error");
  });
})();
