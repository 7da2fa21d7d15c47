/* Site search: a combobox in the header and a full results page, over the prebuilt lunr index.
 * Loads lazily on first focus: search/engine.js (lunr + lunr-languages + worker code, as a
 * string) and search/<lang>.js (the index's root); then, as words are typed, the term chunks
 * the worker asks for, and the blocks of titles and snippets of the results shown. Every file
 * arrives through a <script> tag, so that it works from file:// as well as from any server or
 * sub-path. Queries run in a Blob worker, so typing never waits for them. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-bx-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var panel = form.querySelector(".bx-search__panel");
  var listbox = form.querySelector("[role=listbox]");
  var status = form.querySelector("[role=status]");
  var config = JSON.parse(form.getAttribute("data-bx-search"));
  var labels = config.labels;
  var typeLabels = {};
  config.types.forEach(function (type) { typeLabels[type[0]] = type[1]; });
  var DROPDOWN_LIMIT = 8, PAGE_LIMIT = 200;
  var loading = null, worker = null, root = null, pending = {}, nextId = 1, latestShown = 0, active = -1;
  var sentChunks = {}, blocks = {}, snippets = {}, finderLoading = null, rerender = null;
  var SUPERSEDED = new Error("search: superseded by a newer query");
  var fold = bxText.fold, escapeHtml = bxText.escapeHtml;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* A file of the sharded index (search/<lang>/terms-<n>.js, docs-<n>.js, snippets-<n>.js), once:
   * resolves with its JSON text. */
  var parts = {};
  function loadPart(name) {
    if (!parts[name]) {
      parts[name] = loadScript(config.folder + name + ".js").then(function () {
        var text = window.__bxSearchParts[name];
        delete window.__bxSearchParts[name];
        return text;
      });
      parts[name].catch(function () { delete parts[name]; });  // offline: try again next time
    }
    return parts[name];
  }

  /* Start the worker as soon as the engine arrives, so that it boots while the root downloads. */
  function load() {
    if (loading) return loading;
    var ready = {};
    var readyPromise = new Promise(function (resolve, reject) { ready.resolve = resolve; ready.reject = reject; });
    var engine = loadScript(config.engine).then(function () {
      worker = new Worker(URL.createObjectURL(new Blob([window.__bxSearchEngine], { type: "text/javascript" })));
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === "ready") { ready.resolve(message); return; }
        var callback = pending[message.id];
        delete pending[message.id];
        if (!callback) return;
        if (message.type === "error") callback.reject(new Error(message.message)); else callback.resolve(message);
      };
      worker.onerror = function (error) { ready.reject(error); };
    });
    loading = Promise.all([engine, loadScript(config.index)]).then(function () {
      worker.postMessage({ type: "load", data: window.__bxSearchData[config.language] });
      return readyPromise;
    }).then(function (message) { root = message; return message; });
    loading.catch(function () { loading = null; });
    return loading;
  }

  function ask(message) {
    return new Promise(function (resolve, reject) {
      message.id = nextId++;
      pending[message.id] = { resolve: resolve, reject: reject };
      worker.postMessage(message);
    });
  }

  /* Load term chunks and hand the new ones (if any) to the worker. */
  function loadChunks(numbers) {
    return Promise.all(numbers.map(function (number) { return loadPart(config.language + "/terms-" + number); })).then(function (texts) {
      var chunks = {};
      numbers.forEach(function (number, i) { if (!sentChunks[number]) chunks[number] = sentChunks[number] = texts[i]; });
      if (Object.keys(chunks).length) worker.postMessage({ type: "chunks", chunks: chunks });
    });
  }

  /* Ask the worker; when it needs term chunks, load them, hand them over and ask again. A query no
   * longer wanted (the reader typed on) still loads its chunks when they are few: the word being
   * typed is most often in them, and they are there by the time it is complete. */
  var PREFETCH_CHUNKS = 2;
  function search(text, limit, current) {
    return ask({ type: "search", text: text, limit: limit }).then(function (reply) {
      if (reply.type !== "need") return reply;
      if (!current()) {
        if (reply.chunks.length <= PREFETCH_CHUNKS) loadChunks(reply.chunks).catch(function () { /* offline: loaded when asked */ });
        throw SUPERSEDED;
      }
      return loadChunks(reply.chunks).then(function () { return search(text, limit, current); });
    });
  }

  /* A block of entries (`kind`: "docs" or "snippets") by its number, loaded and parsed once:
   * resolves with its entries. */
  function loadBlock(kind, number) {
    var key = kind + number;
    if (!blocks[key]) {
      blocks[key] = loadPart(config.language + "/" + kind + "-" + number).then(JSON.parse);
      blocks[key].catch(function () { delete blocks[key]; });  // offline: try again next time
    }
    return blocks[key];
  }

  /* The number of the block of `kind` that holds a result's entry. */
  function blockOf(kind, result) {
    return Math.floor(result.position / root.blocks[kind]);
  }

  /* The numbers of the blocks of `kind` holding the given results, each once, in the results' order. */
  function blockNumbers(kind, results) {
    var numbers = [];
    results.forEach(function (result) {
      var number = blockOf(kind, result);
      if (numbers.indexOf(number) < 0) numbers.push(number);
    });
    return numbers;
  }

  /* A result's entry in its block of `kind`, taken from the blocks loaded (by number). */
  function entryOf(kind, loaded, result) {
    return loaded[blockOf(kind, result)][result.position % root.blocks[kind]];
  }

  /* Fill in what a result line shows (title, address, commune) from its docs block. */
  function describeResult(result, entry) {
    var cut = entry[1].indexOf("#");
    var page = cut < 0 ? entry[1] : entry[1].slice(0, cut), anchor = cut < 0 ? "" : entry[1].slice(cut);
    result.title = entry[0];
    result.url = root.paths[result.type] + page + ".html" + anchor;
    result.place = entry[2];
    result.id = entry[3] || "";  // a service's id
  }

  /* What a result line shows, for the first `shown` results: each docs block loads once, and the
   * results are described in order as their blocks arrive; `early(found, count)` (when given) hears
   * of the first `count` being described while blocks for later ones are still on their way. */
  function describe(found, shown, current, early) {
    var described = found.results.slice(0, shown);
    if (!described.length) return found;
    if (!current()) throw SUPERSEDED;
    var loaded = {}, ready = 0;
    return new Promise(function (resolve, reject) {
      blockNumbers("docs", described).forEach(function (number) {
        loadBlock("docs", number).then(function (entries) {
          loaded[number] = entries;
          var before = ready;
          while (ready < described.length && loaded[blockOf("docs", described[ready])]) {
            describeResult(described[ready], entryOf("docs", loaded, described[ready]));
            ready += 1;
          }
          if (ready === described.length) resolve(found);
          else if (ready > before && early && current()) early(found, ready);
        }).catch(reject);
      });
    });
  }

  /* Snippets are not needed for the first results: they load once those are shown, and fill in. */
  function loadSnippets(results) {
    var numbers = blockNumbers("snippets", results), loaded = {};
    var fresh = numbers.some(function (number) { return !blocks["snippets" + number]; });
    Promise.all(numbers.map(function (number) {
      return loadBlock("snippets", number).then(function (entries) { loaded[number] = entries; });
    })).then(function () {
      results.forEach(function (result) { snippets[result.position] = entryOf("snippets", loaded, result); });
      if (fresh && rerender) rerender();
    }).catch(function () { /* offline: results stay without snippets */ });
  }

  /* Public for the results page, the finder and the tests: resolves with {total, results,
   * milliseconds}; each result has ref, position, score and type, and the first options.shown
   * (default: all) also title, url and place. A query for which options.current() turns false
   * before its files are loaded is dropped (rejected with bxSearch.SUPERSEDED). While titles
   * arrive, options.early(found, count) (when given) is called each time more of the first results
   * are described, with how many are: the first `count` of found.results. */
  function query(text, limit, options) {
    var shown = options && options.shown !== undefined ? options.shown : limit;
    var current = options && options.current || function () { return true; };
    return load().then(function () { return search(text, limit, current); })
      .then(function (found) { return describe(found, shown, current, options && options.early); });
  }
  function loadFinder() {
    finderLoading = finderLoading || loadScript(config.finder).then(function () { return JSON.parse(window.__bxFinderData[config.language]); });
    finderLoading.catch(function () { finderLoading = null; });
    return finderLoading;
  }
  window.bxSearch = { query: query, load: load, loadFinder: loadFinder, SUPERSEDED: SUPERSEDED };

  /* Mark the words of a text that start like a typed word (accents and case ignored). */
  function highlight(text, typed) {
    var words = bxText.splitWords(fold(typed)).filter(function (w) { return w.length >= 2; });
    return text.split(/([\s\-'’‘ʼ`´\/.,;:!?()«»"]+)/).map(function (part) {
      var folded = fold(part);
      var hit = words.some(function (word) { return folded.indexOf(word) === 0 || word.indexOf(folded) === 0 && folded.length >= 4; });
      return hit ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }

  /* About 160 characters of a text, around the first word that starts like a typed word. */
  var SNIPPET_LENGTH = 160;
  function snippetAround(text, typed) {
    var words = bxText.splitWords(fold(typed)).filter(function (w) { return w.length >= 2; });
    var folded = fold(text), at = -1;
    words.forEach(function (word) {
      var found = folded.search(new RegExp("(^|[^a-z0-9])" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      if (found >= 0 && (at < 0 || found < at)) at = found;
    });
    var start = at > SNIPPET_LENGTH / 2 ? text.lastIndexOf(" ", at - SNIPPET_LENGTH / 3) + 1 : 0;
    var end = start + SNIPPET_LENGTH >= text.length ? text.length : text.lastIndexOf(" ", start + SNIPPET_LENGTH);
    if (end <= start) end = Math.min(text.length, start + SNIPPET_LENGTH);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length && text.slice(end).trim() !== "…" ? "…" : "");
  }

  function resultHtml(result, typed, idPrefix, position) {
    var place = result.place ? '<span class="bx-result__place">' + escapeHtml(result.place) + "</span>" : "";
    return '<span class="bx-result__type bx-result__type--' + result.type + '">' + escapeHtml(typeLabels[result.type]) + "</span>" +
      '<span class="bx-result__title">' + highlight(result.title, typed) + "</span>" + place +
      (result.position in snippets ? '<span class="bx-result__snippet">' + highlight(snippetAround(snippets[result.position], typed), typed) + "</span>" : "");
  }

  /* The text as it was searched when words found nothing and nearby words were used instead: each such
   * word replaced by the first word of the results' titles that begins with a term it was corrected to
   * (else that term); null when every word was found as typed. */
  function searchedText(found, text) {
    if (!found.corrections || !found.corrections.length) return null;
    var titleWords = found.results.map(function (result) { return result.title || ""; }).join(" ").split(/[^\p{L}\p{N}]+/u);
    return found.corrections.reduce(function (searched, correction) {
      var shown = titleWords.filter(function (word) {
        return correction.terms.some(function (term) { return fold(word).lastIndexOf(term, 0) === 0; });
      })[0] || correction.terms[0];
      return searched.replace(new RegExp(correction.typed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), shown.toLowerCase());
    }, text);
  }
  /* The status of a list of `total` results: what was searched, when words were corrected, and the count. */
  function countFor(searched, total) {
    return (searched ? labels.searched_for.replace("{q}", searched) + " · " : "") + countText(total);
  }

  function setStatus(element, text) {
    element.textContent = text;
  }

  function countText(total) {
    return total === 1 ? labels.one_result : labels.results.replace("{n}", total);
  }

  /* ---- Header combobox (WAI-ARIA 1.2 combobox with listbox popup) ---- */
  function options() { return listbox.querySelectorAll("[role=option]"); }

  function setActive(position) {
    var all = options();
    active = position;
    for (var i = 0; i < all.length; i++) all[i].setAttribute("aria-selected", i === position ? "true" : "false");
    if (position >= 0 && all[position]) {
      input.setAttribute("aria-activedescendant", all[position].id);
      all[position].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open() { panel.hidden = false; input.setAttribute("aria-expanded", "true"); }
  function close() { panel.hidden = true; input.setAttribute("aria-expanded", "false"); setActive(-1); }

  /* Show the first `count` results; the status (the count, announced) comes with the whole list,
   * and so does the list's data-query (the text whose whole list it is). */
  function renderDropdown(found, count, text) {
    var searched = searchedText(found, text);
    listbox.innerHTML = found.results.slice(0, count).map(function (result, position) {
      // An option holds no link (a focusable element inside an option is invalid): it carries its address.
      return '<li role="option" id="bx-option-' + position + '" aria-selected="false" data-href="' +
        escapeHtml(config.base + result.url) + '"><span class="bx-option">' + resultHtml(result, searched || text) + "</span></li>";
    }).join("");
    setActive(-1);
    if (count < found.results.length) { setStatus(status, ""); delete listbox.dataset.query; return; }
    listbox.dataset.query = text;
    setStatus(status, found.total ? countFor(searched, found.total) : labels.no_result.replace("{q}", text));
    setTimeout(function () { loadSnippets(found.results); }, 0);
    if (found.total > found.results.length) {
      listbox.insertAdjacentHTML("beforeend", '<li role="option" id="bx-option-all" aria-selected="false" class="bx-result--all" data-href="' +
        escapeHtml(config.page + "?q=" + encodeURIComponent(text)) + '"><span class="bx-option">' + escapeHtml(labels.all_results.replace("{n}", found.total)) + "</span></li>");
    }
  }

  /* The first results show as soon as their titles are there, the others as their blocks arrive. */
  function showDropdown(text) {
    var id = nextId;
    rerender = function () { showDropdown(input.value); };
    if (!text.trim()) { listbox.innerHTML = ""; delete listbox.dataset.query; close(); return; }
    open();
    if (!worker) setStatus(status, labels.loading);
    function current() { return input.value === text; }
    function early(found, count) {
      if (id < latestShown || !current()) return;
      latestShown = id;
      renderDropdown(found, count, text);
    }
    query(text, DROPDOWN_LIMIT, { current: current, early: early }).then(function (found) {
      if (id < latestShown || !current()) return;
      latestShown = id;
      renderDropdown(found, found.results.length, text);
    }).catch(function (error) { if (error !== SUPERSEDED) setStatus(status, labels.error); });
  }

  input.addEventListener("focus", function () { load().catch(function () { setStatus(status, labels.error); }); });
  input.addEventListener("input", function () { showDropdown(input.value); });
  input.addEventListener("keydown", function (event) {
    var count = options().length;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (panel.hidden && input.value.trim()) showDropdown(input.value);
      if (count) setActive(active < count - 1 ? active + 1 : 0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (count) setActive(active > 0 ? active - 1 : count - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].getAttribute("data-href");
    } else if (event.key === "Escape") {
      if (!panel.hidden) close(); else input.value = "";
    }
  });
  listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
  listbox.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option]");
    if (option) window.location.href = option.getAttribute("data-href");
  });
  document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });

  /* ---- Full results page (search.html?q=...&type=...) ---- */
  var page = document.getElementById("bx-search-page");
  if (!page) return;
  var pageInput = page.querySelector("input[name=q]");
  var pageStatus = page.querySelector("[role=status]");
  var pageList = page.querySelector("ol");
  var filters = page.querySelector(".bx-search-page__filters");
  var params = new URLSearchParams(window.location.search);
  pageInput.value = params.get("q") || "";
  var chosenType = params.get("type") || "";

  function renderPage() {
    var text = pageInput.value;
    rerender = renderPage;
    var url = new URL(window.location.href);
    url.searchParams.set("q", text);
    if (chosenType) url.searchParams.set("type", chosenType); else url.searchParams.delete("type");
    try { history.replaceState(null, "", url.protocol === "file:" ? url.search : url); } catch (e) { /* file:// */ }
    if (!text.trim()) { pageList.innerHTML = ""; setStatus(pageStatus, ""); return; }
    if (!worker) setStatus(pageStatus, labels.loading);
    query(text, PAGE_LIMIT, { current: function () { return pageInput.value === text; } }).then(function (found) {
      if (pageInput.value !== text) return;
      var counts = {};
      config.types.forEach(function (type) { counts[type[0]] = 0; });
      found.results.forEach(function (result) { counts[result.type] += 1; });
      filters.querySelectorAll("input").forEach(function (radio) {
        var type = radio.value, n = type ? counts[type] : found.results.length;
        radio.checked = type === chosenType;
        radio.parentNode.querySelector(".bx-count").textContent = "(" + n + ")";
      });
      var shown = found.results.filter(function (result) { return !chosenType || result.type === chosenType; });
      var searched = searchedText(found, text);
      pageList.innerHTML = shown.map(function (result) {
        return '<li class="bx-result"><a href="' + escapeHtml(config.base + result.url) + '">' + resultHtml(result, searched || text) + "</a>" +
          (result.id && window.bxList ? " " + window.bxList.button(result.id, result.title) : "") + "</li>";
      }).join("");
      setStatus(pageStatus, shown.length ? countFor(searched, shown.length) : labels.no_result.replace("{q}", text));
      setTimeout(function () { loadSnippets(shown); }, 0);
    }).catch(function (error) { if (error !== SUPERSEDED) setStatus(pageStatus, labels.error); });
  }

  filters.innerHTML = [["", labels.all_types]].concat(config.types).map(function (choice) {
    return '<label><input type="radio" name="type" value="' + choice[0] + '"> ' + escapeHtml(choice[1]) + ' <span class="bx-count"></span></label>';
  }).join("");
  filters.addEventListener("change", function (event) { chosenType = event.target.value; renderPage(); });
  pageInput.addEventListener("input", renderPage);
  page.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); renderPage(); });
  if (pageInput.value) renderPage();
})();
