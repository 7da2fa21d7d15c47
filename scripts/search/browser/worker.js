/* Search worker: rebuilds the lunr index from the compact data and answers queries.
 * Runs after lunr.js, lunr.stemmer.support.js, lunr.fr.js and lunr.nl.js (concatenated into
 * search/engine.js by the build), in a Worker made from a Blob so that it also runs from file://.
 * Runs after text.js (bxText). Mirrors scripts/search/pipeline.py: same labels, same word splitting, same query clauses. */
"use strict";

var PIPELINES = {
  fr: { index: ["trimmer-fr", "stopWordFilter-fr", "accentFold-fr", "stemmer-fr"], search: ["trimmer-fr", "accentFold-fr", "stemmer-fr"] },
  nl: { index: ["trimmer-nl", "stopWordFilter-nl", "accentFold-fr", "stemmer-nl"], search: ["trimmer-nl", "accentFold-fr", "stemmer-nl"] }
};
var state = { index: null, store: null, paths: null, language: null };

function registered(label) {
  var fn = lunr.Pipeline.registeredFunctions[label];
  if (!fn) throw new Error("search: pipeline function not registered: " + label);
  return fn;
}

function documentRef(position) {
  return position.toString(36);
}

/* Rebuild the lunr.Index from the compact data. The weights are computed with lunr's own BM25
 * formula and rounding (lunr.Builder#createFieldVectors and lunr.idf, operation for operation),
 * tests/test_search_parity.py checks every score against lunr.py. Up front, only two flat typed
 * arrays are filled, in two passes over the postings; the postings and document vectors that
 * lunr.Index reads by key are made from them when a query first touches them. */
var K1 = 1.2, B = 0.75;
var EMPTY_METADATA = Object.freeze(Object.create(null));

/* Call visit(field, doc, frequency) for every posting of a term; return how many there are. */
function eachPosting(entry, visit) {
  var i = 0, total = 0;
  while (i < entry.length) {
    var field = entry[i], size = entry[i + 1], doc = -1;
    i += 2;
    total += size;
    for (var k = 0; k < size; k++) {
      /* distance from the previous document; negative when a frequency other than 1 follows */
      if (entry[i] > 0) { doc += entry[i]; i += 1; if (visit) visit(field, doc, 1); }
      else { doc -= entry[i]; if (visit) visit(field, doc, entry[i + 1]); i += 2; }
    }
  }
  return total;
}

/* The index's term set, as lunr.Index#query uses it: intersect(a clause's TokenSet).toArray().
 * Our clauses are exact terms or terms with a trailing "*", which a sorted array answers by
 * binary search; lunr's TokenSet (a trie, slow to build for a large vocabulary) is built only
 * if another kind of clause ever comes. */
function SortedTermSet(terms) {
  this.terms = terms;
  this.trie = null;
}

SortedTermSet.prototype.lowerBound = function (text) {
  var low = 0, high = this.terms.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (this.terms[middle] < text) low = middle + 1; else high = middle;
  }
  return low;
};

SortedTermSet.prototype.intersect = function (clauseSet) {
  var prefix = "", node = clauseSet, trailingWildcard = false;
  for (;;) {
    var edges = Object.keys(node.edges);
    if (edges.length === 0) break;
    if (edges.length === 1 && edges[0] === "*" && node.edges["*"] === node) { trailingWildcard = true; break; }
    if (edges.length !== 1 || edges[0] === "*") {
      this.trie = this.trie || lunr.TokenSet.fromArray(this.terms);
      return this.trie.intersect(clauseSet);
    }
    prefix += edges[0];
    node = node.edges[edges[0]];
  }
  var found = [], at = this.lowerBound(prefix);
  if (trailingWildcard) {
    while (at < this.terms.length && this.terms[at].lastIndexOf(prefix, 0) === 0) found.push(this.terms[at++]);
  } else if (node.final && this.terms[at] === prefix) {
    found.push(prefix);
  }
  return { toArray: function () { return found; } };
};

function buildIndex(data) {
  var pipelines = PIPELINES[data.language];
  var searchPipeline = new lunr.Pipeline();
  searchPipeline.add.apply(searchPipeline, pipelines.search.map(registered));
  var fieldNames = data.fields.map(function (field) { return field[0]; });
  var fieldBoosts = data.fields.map(function (field) { return field[1]; });
  var fieldPositions = Object.create(null);
  fieldNames.forEach(function (name, position) { fieldPositions[name] = position; });
  var count = data.store.length, fields = fieldNames.length, slots = fields * count;
  var averageLength = data.lengths.map(function (lengths) {
    var total = 0;
    for (var i = 0; i < lengths.length; i++) total += lengths[i];
    return total / lengths.length;
  });
  /* pass 1: terms per (field, document) slot, and each term's idf (loops written out: this runs
     once, cold, while the reader waits for a first result) */
  var postingsList = data.postings, termCount = postingsList.length, lengthsList = data.lengths;
  var sizes = new Int32Array(slots + 1), idf = new Float64Array(termCount);
  var termIndex, entry, i, field, size, doc, k, withTerm;
  for (termIndex = 0; termIndex < termCount; termIndex++) {
    entry = postingsList[termIndex];
    i = 0;
    withTerm = 0;  /* lunr.idf counts a document once per field holding the term */
    while (i < entry.length) {
      field = entry[i]; size = entry[i + 1]; doc = -1; i += 2; withTerm += size;
      for (k = 0; k < size; k++) {
        if (entry[i] > 0) { doc += entry[i]; i += 1; } else { doc -= entry[i]; i += 2; }
        sizes[field * count + doc + 1] += 1;
      }
    }
    var x = (count - withTerm + 0.5) / (withTerm + 0.5);
    idf[termIndex] = Math.log(1 + Math.abs(x));
  }
  for (var slot = 1; slot <= slots; slot++) sizes[slot] += sizes[slot - 1];
  /* k1 * (1 - b + b * (length / average)) per slot: the same operations lunr does per posting */
  var norms = new Float64Array(slots);
  for (field = 0; field < fields; field++) {
    for (doc = 0; doc < count; doc++) norms[field * count + doc] = K1 * (1 - B + B * (lengthsList[field][doc] / averageLength[field]));
  }
  /* pass 2: [termIndex, weight] pairs, sorted by term within each slot since terms come in order */
  var elements = new Float64Array(sizes[slots] * 2), filled = new Int32Array(slots);
  var frequency, slotIndex, at, score;
  for (termIndex = 0; termIndex < termCount; termIndex++) {
    entry = postingsList[termIndex];
    i = 0;
    while (i < entry.length) {
      field = entry[i]; size = entry[i + 1]; doc = -1; i += 2;
      var boost = fieldBoosts[field];
      for (k = 0; k < size; k++) {
        /* distance from the previous document; negative when a frequency other than 1 follows */
        if (entry[i] > 0) { doc += entry[i]; frequency = 1; i += 1; } else { doc -= entry[i]; frequency = entry[i + 1]; i += 2; }
        slotIndex = field * count + doc;
        at = (sizes[slotIndex] + filled[slotIndex]++) * 2;
        score = idf[termIndex] * ((K1 + 1) * frequency) / (norms[slotIndex] + frequency);
        score *= boost;
        score *= 1;  /* document boost, as lunr applies it */
        elements[at] = termIndex;
        elements[at + 1] = Math.round(score * 1000) / 1000;
      }
    }
  }
  var termPositions = new Map();
  data.terms.forEach(function (term, termIndex) { termPositions.set(term, termIndex); });
  var postings = Object.create(null), vectors = Object.create(null);
  var invertedIndex = new Proxy(postings, {
    get: function (cache, term) {
      if (term in cache || typeof term !== "string" || !termPositions.has(term)) return cache[term];
      var termIndex = termPositions.get(term), posting = { _index: termIndex };
      fieldNames.forEach(function (name) { posting[name] = Object.create(null); });
      eachPosting(data.postings[termIndex], function (field, doc) { posting[fieldNames[field]][documentRef(doc)] = EMPTY_METADATA; });
      return (cache[term] = posting);
    }
  });
  var fieldVectors = new Proxy(vectors, {
    get: function (cache, fieldRef) {
      if (fieldRef in cache || typeof fieldRef !== "string") return cache[fieldRef];
      var cut = fieldRef.indexOf("/"), field = fieldPositions[fieldRef.slice(0, cut)];
      var slotIndex = field * count + parseInt(fieldRef.slice(cut + 1), 36);
      return (cache[fieldRef] = new lunr.Vector(elements.subarray(sizes[slotIndex] * 2, sizes[slotIndex + 1] * 2)));
    }
  });
  return new lunr.Index({
    invertedIndex: invertedIndex,
    fieldVectors: fieldVectors,
    tokenSet: new SortedTermSet(data.terms),
    fields: fieldNames,
    pipeline: searchPipeline
  });
}

/* The same clauses as build_query() in scripts/search/pipeline.py. */
function buildQuery(query, text, language) {
  var trimmer = registered("trimmer-" + language), fold = registered("accentFold-fr");
  var stopWordFilter = registered("stopWordFilter-" + language);
  var words = bxText.splitWords(text).map(function (word) { return [word, fold(trimmer(word))]; })
    .filter(function (pair) { return pair[1]; });
  var meaningful = words.filter(function (pair) { return stopWordFilter(trimmer(pair[0])) !== undefined; });
  if (meaningful.length) words = meaningful;
  var typingLastWord = bxText.endsInWord(text);
  words.forEach(function (pair, position) {
    query.term(pair[0], { usePipeline: true, boost: 10 });
    if (typingLastWord && position === words.length - 1 && pair[1].length >= 2) {
      query.term(pair[1], { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    }
  });
}

/* The index terms that stand for each typed word: its stems, and for the word being typed, any
 * term it begins. A result that matched a term of every word ranks before those that did not. */
function wordMatchers(text) {
  var words = bxText.splitWords(text).filter(function (word) { return word; });
  var typingLastWord = bxText.endsInWord(text), fold = registered("accentFold-fr"), trimmer = registered("trimmer-" + state.language);
  var matchers = [];
  words.forEach(function (word, position) {
    var stems = state.index.pipeline.runString(word);
    var prefix = typingLastWord && position === words.length - 1 ? fold(trimmer(word)) : "";
    if (!stems.length && prefix.length < 2) return;  // a stop word: not required
    matchers.push(function (term) { return stems.indexOf(term) >= 0 || (prefix.length >= 2 && term.indexOf(prefix) === 0); });
  });
  return matchers;
}

function matchesEveryWord(result, matchers) {
  var terms = Object.keys(result.matchData.metadata);
  return matchers.every(function (matcher) { return terms.some(matcher); });
}

function search(text, limit) {
  var results = state.index.query(function (query) { buildQuery(query, text, state.language); });
  var matchers = wordMatchers(text);
  if (matchers.length > 1) {
    var complete = [], partial = [];
    results.forEach(function (result) { (matchesEveryWord(result, matchers) ? complete : partial).push(result); });
    results = complete.concat(partial);
  }
  return {
    total: results.length,
    results: results.slice(0, limit).map(function (result) {
      var position = parseInt(result.ref, 36), entry = state.store[position], cut = entry[2].indexOf("#");
      var page = cut < 0 ? entry[2] : entry[2].slice(0, cut), anchor = cut < 0 ? "" : entry[2].slice(cut);
      return { ref: result.ref, position: position, score: result.score, type: entry[0], title: entry[1],
               url: state.paths[entry[0]] + page + ".html" + anchor, place: entry[3] };
    })
  };
}

self.onmessage = function (event) {
  var message = event.data;
  try {
    if (message.type === "load") {
      var started = performance.now();
      var data = JSON.parse(message.data);
      var parsed = performance.now();
      state.index = buildIndex(data);
      state.store = data.store;
      state.paths = data.paths;
      state.language = data.language;
      /* One small query now compiles lunr's query code before the reader's first one. */
      search(data.terms[Math.floor(data.terms.length / 2)] || "", 1);
      self.postMessage({ type: "ready", documents: data.store.length, parseMilliseconds: parsed - started,
                         buildMilliseconds: performance.now() - parsed, startedAt: performance.timeOrigin + started });
    } else if (message.type === "search") {
      var searchStarted = performance.now();
      var found = search(message.text, message.limit);
      found.type = "results";
      found.id = message.id;
      found.milliseconds = performance.now() - searchStarted;
      self.postMessage(found);
    }
  } catch (error) {
    self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
  }
};
