/* Search worker: answers queries over the sharded index (scripts/search/shards.py).
 * Runs after lunr.js, lunr.stemmer.support.js, lunr.fr.js and lunr.nl.js (concatenated into
 * search/engine.js by the build), in a Worker made from a Blob so that it also runs from file://.
 * Runs after text.js (bxText). Mirrors scripts/search/pipeline.py: same labels, same word splitting, same query clauses.
 * It loads nothing itself: for a query whose term chunks it lacks, it answers "need" with their
 * numbers; the page loads them through <script> tags, hands them over ("chunks") and asks again. */
"use strict";

var PIPELINES = {
  fr: { index: ["trimmer-fr", "stopWordFilter-fr", "accentFold-fr", "stemmer-fr"], search: ["trimmer-fr", "accentFold-fr", "stemmer-fr"] },
  nl: { index: ["trimmer-nl", "stopWordFilter-nl", "accentFold-fr", "stemmer-nl"], search: ["trimmer-nl", "accentFold-fr", "stemmer-nl"] }
};
var K1 = 1.2, B = 0.75;
var EMPTY_METADATA = Object.freeze(Object.create(null));
var state = { language: null, pipeline: null, fieldNames: null, fieldBoosts: null, count: 0, norms: null, types: null,
              chunkFirstTerms: null, chunks: [], terms: new Map(), termSet: null };

function registered(label) {
  var fn = lunr.Pipeline.registeredFunctions[label];
  if (!fn) throw new Error("search: pipeline function not registered: " + label);
  return fn;
}

function documentRef(position) {
  return position.toString(36);
}

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

/* The loaded terms, as lunr.Index#query uses them: intersect(a clause's TokenSet).toArray().
 * Our clauses are exact terms or terms with a trailing "*", which a sorted array answers by
 * binary search; lunr's TokenSet (a trie, slow to build for a large vocabulary) is built only
 * if another kind of clause ever comes. A query runs once every chunk it needs is loaded. */
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

/* Keep from the root what scoring needs for every document: lunr's k1 * (1 - b + b * (length /
 * average)) per field and document, computed as lunr.Builder#createFieldVectors does. */
function loadRoot(root) {
  var pipelines = PIPELINES[root.language];
  state.language = root.language;
  state.pipeline = new lunr.Pipeline();
  state.pipeline.add.apply(state.pipeline, pipelines.search.map(registered));
  state.fieldNames = root.fields.map(function (field) { return field[0]; });
  state.fieldBoosts = root.fields.map(function (field) { return field[1]; });
  var count = state.count = root.documents;
  state.norms = new Float64Array(count * root.fields.length);
  root.lengths.forEach(function (lengths, field) {
    var total = 0, i;
    for (i = 0; i < count; i++) total += lengths[i];
    var average = total / count;
    for (i = 0; i < count; i++) state.norms[field * count + i] = K1 * (1 - B + B * (lengths[i] / average));
  });
  state.types = root.types;
  state.chunkFirstTerms = root.chunks;
  state.termSet = new SortedTermSet([]);
}

function addChunk(number, chunk) {
  if (state.chunks[number]) return;
  state.chunks[number] = chunk.terms;
  chunk.terms.forEach(function (term, i) { state.terms.set(term, { index: chunk.start + i, entry: chunk.postings[i], posting: null }); });
  var terms = [];
  state.chunks.forEach(function (loaded) { if (loaded) terms = terms.concat(loaded); });
  state.termSet = new SortedTermSet(terms);
}

/* A term's lunr posting, and its weight in each field of each document holding it: lunr's BM25
 * (lunr.idf, then createFieldVectors' formula, boost and rounding, operation for operation). */
function termPosting(info) {
  if (info.posting) return info;
  var count = state.count, names = state.fieldNames, boosts = state.fieldBoosts;
  var posting = { _index: info.index }, fieldRefs = [], weights = [];
  names.forEach(function (name) { posting[name] = Object.create(null); });
  var withTerm = eachPosting(info.entry, null);  /* lunr.idf counts a document once per field holding the term */
  var x = (count - withTerm + 0.5) / (withTerm + 0.5), idf = Math.log(1 + Math.abs(x));
  eachPosting(info.entry, function (field, doc, frequency) {
    var ref = documentRef(doc), score = idf * ((K1 + 1) * frequency) / (state.norms[field * count + doc] + frequency);
    score *= boosts[field];
    score *= 1;  /* document boost, as lunr applies it */
    posting[names[field]][ref] = EMPTY_METADATA;
    fieldRefs.push(names[field] + "/" + ref);
    weights.push(Math.round(score * 1000) / 1000);
  });
  info.posting = posting;
  info.fieldRefs = fieldRefs;
  info.weights = weights;
  return info;
}

/* A lunr.Index over the loaded chunks, for one query. lunr scores a document's field by the dot
 * product of the query vector with the field's vector, over the terms they share: the query's
 * terms. So each field vector holds the weights of the terms this query touched, in term order:
 * the same products, summed in the same order, as over the whole vector. */
function queryIndex() {
  var touched = Object.create(null);
  var invertedIndex = new Proxy(Object.create(null), {
    get: function (cache, term) {
      if (typeof term !== "string" || term in cache) return cache[term];
      var info = state.terms.get(term);
      if (!info) return undefined;
      termPosting(info);
      for (var i = 0; i < info.fieldRefs.length; i++) {
        (touched[info.fieldRefs[i]] || (touched[info.fieldRefs[i]] = [])).push(info.index, info.weights[i]);
      }
      return (cache[term] = info.posting);
    }
  });
  var fieldVectors = new Proxy(Object.create(null), {
    get: function (cache, fieldRef) {
      if (typeof fieldRef !== "string" || fieldRef in cache) return cache[fieldRef];
      var pairs = touched[fieldRef] || [], order = [], elements = [];
      for (var i = 0; i < pairs.length; i += 2) order.push(i);
      order.sort(function (a, b) { return pairs[a] - pairs[b]; });
      order.forEach(function (i) { elements.push(pairs[i], pairs[i + 1]); });
      return (cache[fieldRef] = new lunr.Vector(elements));
    }
  });
  return new lunr.Index({ invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: state.termSet,
                          fields: state.fieldNames, pipeline: state.pipeline });
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

/* The number of the chunk that would hold a term (-1 before the first one). */
function chunkOf(term) {
  var first = state.chunkFirstTerms, low = 0, high = first.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (first[middle] <= term) low = middle + 1; else high = middle;
  }
  return low - 1;
}

/* The chunks a query needs that are not loaded: each exact term's, and every chunk holding a term
 * that a trailing-wildcard clause begins. */
function missingChunks(text) {
  var query = new lunr.Query(state.fieldNames), wanted = [];
  buildQuery(query, text, state.language);
  query.clauses.forEach(function (clause) {
    var terms = clause.usePipeline ? state.pipeline.runString(clause.term) : [clause.term];
    terms.forEach(function (term) {
      var prefix = term.slice(-1) === "*" ? term.slice(0, -1) : null, at = chunkOf(prefix === null ? term : prefix);
      if (at >= 0) wanted.push(at);
      if (prefix === null) return;
      var first = state.chunkFirstTerms;
      while (at + 1 < first.length && first[at + 1].lastIndexOf(prefix, 0) === 0) wanted.push(++at);
    });
  });
  return wanted.filter(function (number, i) { return !state.chunks[number] && wanted.indexOf(number) === i; });
}

/* The index terms that stand for each typed word: its stems, and for the word being typed, any
 * term it begins. A result that matched a term of every word ranks before those that did not. */
function wordMatchers(text) {
  var words = bxText.splitWords(text).filter(function (word) { return word; });
  var typingLastWord = bxText.endsInWord(text), fold = registered("accentFold-fr"), trimmer = registered("trimmer-" + state.language);
  var matchers = [];
  words.forEach(function (word, position) {
    var stems = state.pipeline.runString(word);
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

/* A document's type: documents come grouped by type, the root gives where each group starts. */
function typeOf(position) {
  var type = state.types[0][0];
  for (var i = 0; i < state.types.length && state.types[i][1] <= position; i++) type = state.types[i][0];
  return type;
}

function search(text, limit) {
  var results = queryIndex().query(function (query) { buildQuery(query, text, state.language); });
  var matchers = wordMatchers(text);
  if (matchers.length > 1) {
    var complete = [], partial = [];
    results.forEach(function (result) { (matchesEveryWord(result, matchers) ? complete : partial).push(result); });
    results = complete.concat(partial);
  }
  return {
    total: results.length,
    results: results.slice(0, limit).map(function (result) {
      var position = parseInt(result.ref, 36);
      return { ref: result.ref, position: position, score: result.score, type: typeOf(position) };
    })
  };
}

self.onmessage = function (event) {
  var message = event.data;
  try {
    if (message.type === "load") {
      var started = performance.now();
      var root = JSON.parse(message.data);
      var parsed = performance.now();
      loadRoot(root);
      /* One query plan now compiles lunr's query and stemmer code before the reader's first one. */
      missingChunks(root.chunks[Math.floor(root.chunks.length / 2)] || "");
      self.postMessage({ type: "ready", documents: root.documents, paths: root.paths, blocks: root.blocks,
                         parseMilliseconds: parsed - started, buildMilliseconds: performance.now() - parsed,
                         startedAt: performance.timeOrigin + started });
    } else if (message.type === "chunks") {
      Object.keys(message.chunks).forEach(function (number) { addChunk(Number(number), JSON.parse(message.chunks[number])); });
    } else if (message.type === "search") {
      var searchStarted = performance.now();
      var missing = missingChunks(message.text);
      if (missing.length) { self.postMessage({ type: "need", id: message.id, chunks: missing }); return; }
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
