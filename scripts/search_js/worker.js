/* Search worker: rebuilds the lunr index from the compact data and answers queries.
 * Runs after lunr.js, lunr.stemmer.support.js, lunr.fr.js and lunr.nl.js (concatenated into
 * search/engine.js by the build), in a Worker made from a Blob so that it also runs from file://.
 * Mirrors scripts/search_pipeline.py: same labels, same word splitting, same query clauses. */
"use strict";

var WORD_SEPARATOR = /[\s\-'’‘ʼ`´\/]+/;
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
 * but in one pass over sorted postings: lunr's Builder inserts into vectors one by one and takes
 * about ten times longer. tests/test_search_parity.py checks every score against lunr.py. */
var K1 = 1.2, B = 0.75;
var EMPTY_METADATA = Object.freeze(Object.create(null));

function buildIndex(data) {
  var pipelines = PIPELINES[data.language];
  var searchPipeline = new lunr.Pipeline();
  searchPipeline.add.apply(searchPipeline, pipelines.search.map(registered));
  var fieldNames = data.fields.map(function (field) { return field[0]; });
  var fieldBoosts = data.fields.map(function (field) { return field[1]; });
  var count = data.store.length, refs = new Array(count), d, f;
  for (d = 0; d < count; d++) refs[d] = documentRef(d);
  var averageLength = data.lengths.map(function (lengths) {
    var total = 0;
    for (var i = 0; i < lengths.length; i++) total += lengths[i];
    return total / lengths.length;
  });
  var elements = fieldNames.map(function () { var perDoc = new Array(count); for (var i = 0; i < count; i++) perDoc[i] = []; return perDoc; });
  var invertedIndex = Object.create(null);
  data.terms.forEach(function (term, termIndex) {
    var entry = data.postings[termIndex], i = 0, withTerm = 0;
    while (i < entry.length) {  /* lunr.idf counts a document once per field holding the term */
      withTerm += entry[i + 1];
      i += 2;
      for (var k = entry[i - 1]; k > 0; k--) i += entry[i] > 0 ? 1 : 2;
    }
    var x = (count - withTerm + 0.5) / (withTerm + 0.5);
    var idf = Math.log(1 + Math.abs(x));
    var posting = { _index: termIndex };
    fieldNames.forEach(function (name) { posting[name] = Object.create(null); });
    i = 0;
    while (i < entry.length) {
      f = entry[i];
      var size = entry[i + 1], doc = -1, frequency, fieldPosting = posting[fieldNames[f]];
      var lengths = data.lengths[f], average = averageLength[f], boost = fieldBoosts[f], target = elements[f];
      i += 2;
      for (var k2 = 0; k2 < size; k2++) {
        /* distance from the previous document; negative when a frequency other than 1 follows */
        if (entry[i] > 0) { doc += entry[i]; frequency = 1; i += 1; } else { doc -= entry[i]; frequency = entry[i + 1]; i += 2; }
        fieldPosting[refs[doc]] = EMPTY_METADATA;
        var score = idf * ((K1 + 1) * frequency) / (K1 * (1 - B + B * (lengths[doc] / average)) + frequency);
        score *= boost;
        score *= 1;  /* document boost, as lunr applies it */
        target[doc].push(termIndex, Math.round(score * 1000) / 1000);
      }
    }
    invertedIndex[term] = posting;
  });
  var fieldVectors = Object.create(null);
  for (f = 0; f < fieldNames.length; f++) {
    for (d = 0; d < count; d++) fieldVectors[fieldNames[f] + "/" + refs[d]] = new lunr.Vector(elements[f][d]);
  }
  return new lunr.Index({
    invertedIndex: invertedIndex,
    fieldVectors: fieldVectors,
    tokenSet: lunr.TokenSet.fromArray(data.terms),
    fields: fieldNames,
    pipeline: searchPipeline
  });
}

function splitWords(text) {
  return text.toLowerCase().split(WORD_SEPARATOR).filter(Boolean);
}

/* The same clauses as build_query() in scripts/search_pipeline.py. */
function buildQuery(query, text, language) {
  var trimmer = registered("trimmer-" + language), fold = registered("accentFold-fr");
  var stopWordFilter = registered("stopWordFilter-" + language);
  var words = splitWords(text).map(function (word) { return [word, fold(trimmer(word))]; })
    .filter(function (pair) { return pair[1]; });
  var meaningful = words.filter(function (pair) { return stopWordFilter(trimmer(pair[0])) !== undefined; });
  if (meaningful.length) words = meaningful;
  var typingLastWord = text.length > 0 && !WORD_SEPARATOR.test(text.charAt(text.length - 1));
  words.forEach(function (pair, position) {
    query.term(pair[0], { usePipeline: true, boost: 10 });
    if (typingLastWord && position === words.length - 1 && pair[1].length >= 2) {
      query.term(pair[1], { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    }
  });
}

function search(text, limit) {
  var results = state.index.query(function (query) { buildQuery(query, text, state.language); });
  return {
    total: results.length,
    results: results.slice(0, limit).map(function (result) {
      var position = parseInt(result.ref, 36), entry = state.store[position];
      return { ref: result.ref, position: position, score: result.score, type: entry[0], title: entry[1],
               url: state.paths[entry[0]] + entry[2] + ".html", place: entry[3] };
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
