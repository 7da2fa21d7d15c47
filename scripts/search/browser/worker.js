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
var state = { language: null, pipeline: null, fieldNames: null, fieldBoosts: null, count: 0, norms: null, types: null,
              chunkFirstTerms: null, chunks: [], terms: new Map(), termSet: null, digitRefs: null, scratch: null };

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
  state.digitRefs = new Uint8Array(count);
  for (var doc = 0; doc < count; doc++) state.digitRefs[doc] = /^[0-9]+$/.test(documentRef(doc)) ? 1 : 0;
  state.types = root.types;
  state.chunkFirstTerms = root.chunks;
  state.termSet = new SortedTermSet([]);
}

function addChunk(number, chunk) {
  if (state.chunks[number]) return;
  state.chunks[number] = chunk.terms;
  chunk.terms.forEach(function (term, i) { state.terms.set(term, { index: chunk.start + i, entry: chunk.postings[i], fields: null }); });
  var terms = [];
  state.chunks.forEach(function (loaded) { if (loaded) for (var i = 0; i < loaded.length; i++) terms.push(loaded[i]); });
  state.termSet = new SortedTermSet(terms);
}

/* A term's postings by field, in the order lunr.Index#query visits them (Object.keys of a field's
 * posting: refs made of digits only first, by number, then the others in the order they were
 * added), with the term's weight in each field of each document: lunr's BM25 (lunr.idf, then
 * createFieldVectors' formula, boost and rounding, operation for operation). Computed once, the
 * first time a query touches the term, and kept. */
function termPosting(info) {
  if (info.fields) return info;
  var count = state.count, boosts = state.fieldBoosts;
  var withTerm = eachPosting(info.entry, null);  /* lunr.idf counts a document once per field holding the term */
  var x = (count - withTerm + 0.5) / (withTerm + 0.5), idf = Math.log(1 + Math.abs(x));
  var byField = state.fieldNames.map(function () { return { digits: [], others: [], digitWeights: [], otherWeights: [] }; });
  eachPosting(info.entry, function (field, doc, frequency) {
    var score = idf * ((K1 + 1) * frequency) / (state.norms[field * count + doc] + frequency);
    score *= boosts[field];
    var lists = byField[field], digits = state.digitRefs[doc] === 1;
    (digits ? lists.digits : lists.others).push(doc);
    (digits ? lists.digitWeights : lists.otherWeights).push(Math.round(score * 1000) / 1000);
  });
  info.fields = byField.map(function (lists) {
    return { docs: Int32Array.from(lists.digits.concat(lists.others)),
             weights: Float64Array.from(lists.digitWeights.concat(lists.otherWeights)) };
  });
  info.entry = null;
  return info;
}

/* Per-query work areas, one slot per field and document (or per document), reused from query to
 * query: a slot counts only when its stamp is the current query's number. */
function scratch() {
  var size = state.count * state.fieldNames.length;
  if (!state.scratch) {
    state.scratch = { query: 0, fieldSeen: new Int32Array(size), dotSeen: new Int32Array(size), dot: new Float64Array(size),
                      docSeen: new Int32Array(state.count), score: new Float64Array(state.count), masks: null, maskWords: 0 };
  }
  state.scratch.query += 1;
  return state.scratch;
}

/* lunr.Index#query over the loaded terms, for clauses that are all optional and on every field
 * (ours): the same documents, the same scores with the same floating-point operations in the same
 * order, in the same order before sorting. For each field, lunr scores a document by the dot
 * product of the query's vector with the field's vector (the shared terms: the query's, in term
 * order), divided by the query vector's magnitude, and adds up its fields in the order they first
 * matched. Also returns, for each document, which of `matchers` its matched terms satisfy. */
function scoreQuery(text, matchers) {
  var query = new lunr.Query(state.fieldNames), work = scratch(), stamp = work.query, count = state.count;
  var fieldCount = state.fieldNames.length, boosts = new Map(), fieldRefs = [], seenTermFields = new Set();
  var maskWords = Math.ceil(matchers.length / 31);
  if (maskWords && (work.maskWords !== maskWords)) { work.masks = new Int32Array(count * maskWords); work.maskWords = maskWords; }
  if (maskWords) work.masks.fill(0);
  buildQuery(query, text, state.language);
  query.clauses.forEach(function (clause) {
    if (clause.presence !== lunr.Query.presence.OPTIONAL || clause.fields.length !== fieldCount) throw new Error("search: unsupported clause");
    var terms = clause.usePipeline ? state.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
    terms.forEach(function (term) {
      clause.term = term;
      state.termSet.intersect(lunr.TokenSet.fromClause(clause)).toArray().forEach(function (expanded) {
        var info = termPosting(state.terms.get(expanded));
        boosts.set(info, (boosts.get(info) || 0) + clause.boost);
        if (seenTermFields.has(info)) return;  /* lunr's termFieldCache: a term's documents are visited once */
        seenTermFields.add(info);
        var mask = maskWords ? matcherMask(expanded, matchers) : null;
        info.fields.forEach(function (posting, field) {
          var docs = posting.docs, offset = field * count;
          for (var i = 0; i < docs.length; i++) {
            var slot = offset + docs[i];
            if (work.fieldSeen[slot] !== stamp) { work.fieldSeen[slot] = stamp; fieldRefs.push(slot); }
            if (mask) for (var w = 0; w < maskWords; w++) work.masks[docs[i] * maskWords + w] |= mask[w];
          }
        });
      });
    });
  });
  /* The dot products, term by term in term order, as lunr.Vector#dot adds them. */
  var ordered = Array.from(boosts.keys()).sort(function (a, b) { return a.index - b.index; }), sumOfSquares = 0;
  ordered.forEach(function (info) {
    var boost = boosts.get(info);
    sumOfSquares += boost * boost;
    info.fields.forEach(function (posting, field) {
      var docs = posting.docs, weights = posting.weights, offset = field * count;
      for (var i = 0; i < docs.length; i++) {
        var slot = offset + docs[i];
        if (work.dotSeen[slot] !== stamp) { work.dotSeen[slot] = stamp; work.dot[slot] = 0; }
        work.dot[slot] += boost * weights[i];
      }
    });
  });
  var magnitude = Math.sqrt(sumOfSquares), documents = [];
  for (var i = 0; i < fieldRefs.length; i++) {
    var slot = fieldRefs[i], doc = slot % count, score = work.dot[slot] / magnitude || 0;
    if (work.docSeen[doc] !== stamp) { work.docSeen[doc] = stamp; work.score[doc] = score; documents.push(doc); }
    else work.score[doc] += score;
  }
  return { documents: documents, score: work.score, masks: maskWords ? work.masks : null, maskWords: maskWords };
}

/* Which matchers a term satisfies, as bits (31 matchers a word). */
function matcherMask(term, matchers) {
  var mask = new Int32Array(Math.ceil(matchers.length / 31));
  matchers.forEach(function (matcher, m) { if (matcher(term)) mask[Math.floor(m / 31)] |= 1 << (m % 31); });
  return mask;
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

/* True when a document's matched terms satisfy every matcher. */
function matchesEveryWord(scored, doc, matchers) {
  for (var m = 0; m < matchers.length; m++) {
    if (!(scored.masks[doc * scored.maskWords + Math.floor(m / 31)] & (1 << (m % 31)))) return false;
  }
  return true;
}

/* The first `limit` documents as a stable sort by score (highest first) would order them: a full
 * sort when many are wanted, else one pass keeping the best. */
function bestDocuments(documents, score, limit) {
  if (limit * 16 >= documents.length) {
    return documents.slice().sort(function (a, b) { return score[b] - score[a]; }).slice(0, limit);
  }
  var best = [];
  for (var i = 0; i < documents.length; i++) {
    var doc = documents[i], value = score[doc];
    if (best.length === limit && !(value > score[best[limit - 1]])) continue;
    var at = best.length;
    while (at > 0 && score[best[at - 1]] < value) at--;
    best.splice(at, 0, doc);
    if (best.length > limit) best.pop();
  }
  return best;
}

/* A document's type: documents come grouped by type, the root gives where each group starts. */
function typeOf(position) {
  var type = state.types[0][0];
  for (var i = 0; i < state.types.length && state.types[i][1] <= position; i++) type = state.types[i][0];
  return type;
}

function search(text, limit) {
  var matchers = wordMatchers(text), scored = scoreQuery(text, matchers.length > 1 ? matchers : []);
  var top, documents = scored.documents;
  if (matchers.length > 1) {
    var complete = [], partial = [];
    documents.forEach(function (doc) { (matchesEveryWord(scored, doc, matchers) ? complete : partial).push(doc); });
    top = bestDocuments(complete, scored.score, limit);
    if (top.length < limit) top = top.concat(bestDocuments(partial, scored.score, limit - top.length));
  } else {
    top = bestDocuments(documents, scored.score, limit);
  }
  return {
    total: documents.length,
    results: top.map(function (position) {
      return { ref: documentRef(position), position: position, score: scored.score[position], type: typeOf(position) };
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
