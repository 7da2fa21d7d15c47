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

/* Hand the compact data to lunr's own Builder, so lunr.js computes the weights itself. */
function buildIndex(data) {
  var builder = new lunr.Builder();
  var pipelines = PIPELINES[data.language];
  builder.pipeline.add.apply(builder.pipeline, pipelines.index.map(registered));
  builder.searchPipeline.add.apply(builder.searchPipeline, pipelines.search.map(registered));
  builder.ref("id");
  var fieldNames = data.fields.map(function (field) { builder.field(field[0], { boost: field[1] }); return field[0]; });
  var count = data.store.length, refs = [], d, f;
  for (d = 0; d < count; d++) {
    refs.push(documentRef(d));
    builder._documents[refs[d]] = {};
  }
  builder.documentCount = count;
  for (f = 0; f < fieldNames.length; f++) {
    for (d = 0; d < count; d++) {
      var fieldRef = fieldNames[f] + "/" + refs[d];
      builder.fieldLengths[fieldRef] = data.lengths[f][d];
      builder.fieldTermFrequencies[fieldRef] = Object.create(null);
    }
  }
  data.terms.forEach(function (term, termIndex) {
    var posting = Object.create(null), entry = data.postings[termIndex], i = 0;
    posting._index = termIndex;
    fieldNames.forEach(function (name) { posting[name] = Object.create(null); });
    while (i < entry.length) {
      var name = fieldNames[entry[i]], size = entry[i + 1], doc = -1, frequency;
      i += 2;
      for (var k = 0; k < size; k++) {
        /* distance from the previous document; negative when a frequency other than 1 follows */
        if (entry[i] > 0) { doc += entry[i]; frequency = 1; i += 1; } else { doc -= entry[i]; frequency = entry[i + 1]; i += 2; }
        posting[name][refs[doc]] = Object.create(null);
        builder.fieldTermFrequencies[name + "/" + refs[doc]][term] = frequency;
      }
    }
    builder.invertedIndex[term] = posting;
  });
  return builder.build();
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
      var started = Date.now();
      var data = JSON.parse(message.data);
      state.index = buildIndex(data);
      state.store = data.store;
      state.paths = data.paths;
      state.language = data.language;
      self.postMessage({ type: "ready", documents: data.store.length, milliseconds: Date.now() - started });
    } else if (message.type === "search") {
      var started = performance.now();
      var found = search(message.text, message.limit);
      found.type = "results";
      found.id = message.id;
      found.milliseconds = performance.now() - started;
      self.postMessage(found);
    }
  } catch (error) {
    self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
  }
};
