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
              chunkFirstTerms: null, chunks: [], terms: new Map(), digitRefs: null, scratch: null, plan: null };

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
}

/* Keep a chunk's terms: each chunk is a sorted run of the index's terms, looked up where it lies
 * (see chunksFrom), so that the terms loaded before are not copied again. */
function addChunk(number, chunk) {
  if (state.chunks[number]) return;
  state.chunks[number] = chunk.terms;
  chunk.terms.forEach(function (term, i) { state.terms.set(term, { index: chunk.start + i, entry: chunk.postings[i], fields: null }); });
}

/* The numbers of the chunks that may hold a term beginning with `prefix`: the one its place falls
 * in, and the next ones while they begin with it. */
function chunksFrom(prefix) {
  var first = state.chunkFirstTerms, at = chunkOf(prefix), numbers = at >= 0 ? [at] : [];
  while (at + 1 < first.length && first[at + 1].lastIndexOf(prefix, 0) === 0) numbers.push(++at);
  return numbers;
}

/* How many items of a sorted list come before `text` (with `orEqual`, also those equal to it). */
function countBefore(sorted, text, orEqual) {
  var low = 0, high = sorted.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (sorted[middle] < text || (orEqual && sorted[middle] === text)) low = middle + 1; else high = middle;
  }
  return low;
}

/* The number of the chunk that would hold a term (-1 before the first one). */
function chunkOf(term) {
  return countBefore(state.chunkFirstTerms, term, true) - 1;
}

/* The loaded terms that begin with `prefix`, sorted. */
function termsStartingWith(prefix) {
  var found = [];
  chunksFrom(prefix).forEach(function (number) {
    var terms = state.chunks[number] || [];
    for (var i = countBefore(terms, prefix, false); i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i++) found.push(terms[i]);
  });
  return found;
}

/* The loaded terms a clause term stands for, in the order lunr.Index#query takes them from
 * this.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray(): a term without "*" stands
 * for itself; "*" matches any letters, and only terms that begin with what comes before the first
 * one can match. lunr's TokenSet of those few terms gives the answer (and the order) its TokenSet
 * of the whole vocabulary would, which is slow to build; the common case, one "*" at the end,
 * needs none. */
function expandTerm(term) {
  var star = term.indexOf("*");
  if (star < 0) return state.terms.has(term) ? [term] : [];
  var candidates = termsStartingWith(term.slice(0, star));
  if (star === term.length - 1) return candidates.sort(compareInTokenSetOrder);
  return lunr.TokenSet.fromArray(candidates).intersect(lunr.TokenSet.fromString(term)).toArray();
}

/* The order of lunr.TokenSet#toArray: depth first, a term before the longer terms it begins, and
 * of two branches the one whose letter comes later first (toArray pops its stack); its letters
 * come in the order of Object.keys, where the digits, keys that are integers, come first. */
function compareInTokenSetOrder(a, b) {
  var length = Math.min(a.length, b.length), i = 0;
  while (i < length && a.charAt(i) === b.charAt(i)) i++;
  if (i === length) return a.length - b.length;
  var x = a.charAt(i), y = b.charAt(i), xDigit = x >= "0" && x <= "9", yDigit = y >= "0" && y <= "9";
  return xDigit === yDigit ? (x < y ? 1 : -1) : (xDigit ? 1 : -1);
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
 * query: a slot counts only when its stamp is the current query's number. The word masks (of
 * `maskWords` Int32 each per document) start cleared. */
function scratch(maskWords) {
  var size = state.count * state.fieldNames.length;
  if (!state.scratch) {
    state.scratch = { query: 0, fieldSeen: new Int32Array(size), dotSeen: new Int32Array(size), dot: new Float64Array(size),
                      docSeen: new Int32Array(state.count), score: new Float64Array(state.count), masks: null, maskWords: 0 };
  }
  var work = state.scratch;
  work.query += 1;
  if (maskWords && work.maskWords !== maskWords) { work.masks = new Int32Array(state.count * maskWords); work.maskWords = maskWords; }
  if (maskWords) work.masks.fill(0);
  return work;
}

/* lunr.Index#query over the loaded terms, for a query plan (its clauses are all optional and on
 * every field): the same documents, the same scores with the same floating-point operations in the
 * same order, in the same order before sorting. For each field, lunr scores a document by the dot
 * product of the query's vector with the field's vector (the shared terms: the query's, in term
 * order), divided by the query vector's magnitude, and adds up its fields in the order they first
 * matched. One difference: lunr numbers terms in the order its builder met them, the sharded index
 * in sorted order, so a query of several terms adds them up in another order (the last bit of a
 * score can differ). With `words` (more than one), also returns for each document which of the
 * plan's words its matched terms stand for. */
function scoreQuery(plan, words) {
  var maskWords = Math.ceil(words / 31), work = scratch(maskWords);
  var matches = planMatches(plan), boosts = termBoosts(matches);
  var slots = matchedSlots(work, boosts, maskWords ? wordMasks(matches, maskWords) : null, maskWords);
  var magnitude = addDotProducts(work, boosts);
  return { documents: addFieldScores(work, slots, magnitude), score: work.score, masks: maskWords ? work.masks : null, maskWords: maskWords };
}

/* The loaded terms a query plan finds, in the order lunr.Index#query meets them (clause by clause,
 * each clause term's expansion in turn), each with its posting, its clause's boost and the number
 * of the word it stands for; a term found twice is there twice. */
function planMatches(plan) {
  var matches = [];
  plan.clauses.forEach(function (clause) {
    clause.terms.forEach(function (term) {
      expandTerm(term).forEach(function (expanded) {
        matches.push({ info: termPosting(state.terms.get(expanded)), boost: clause.boost, word: clause.word });
      });
    });
  });
  return matches;
}

/* Each matched term's value in the query vector: the boosts of the clauses that found it, added
 * up; the terms come in the order they were first met. */
function termBoosts(matches) {
  var boosts = new Map();
  matches.forEach(function (match) { boosts.set(match.info, (boosts.get(match.info) || 0) + match.boost); });
  return boosts;
}

/* For each matched term, the words of the plan it stands for, as bits (31 to an Int32): a term
 * found by both a word's stem and the prefix of another stands for both. */
function wordMasks(matches, maskWords) {
  var masks = new Map();
  matches.forEach(function (match) {
    var mask = masks.get(match.info);
    if (!mask) masks.set(match.info, mask = new Int32Array(maskWords));
    mask[Math.floor(match.word / 31)] |= 1 << (match.word % 31);
  });
  return masks;
}

/* The field-and-document slots the matched terms hold, in the order they first match: each term's
 * documents are visited once (lunr's termFieldCache), in the order the terms were first met; with
 * `termMasks`, each document also gets the bits of the words its terms stand for. */
function matchedSlots(work, boosts, termMasks, maskWords) {
  var stamp = work.query, count = state.count, slots = [];
  boosts.forEach(function (_boost, info) {
    var mask = termMasks ? termMasks.get(info) : null;
    info.fields.forEach(function (posting, field) {
      var docs = posting.docs, offset = field * count;
      for (var i = 0; i < docs.length; i++) {
        var slot = offset + docs[i];
        if (work.fieldSeen[slot] !== stamp) { work.fieldSeen[slot] = stamp; slots.push(slot); }
        if (mask) for (var w = 0; w < maskWords; w++) work.masks[docs[i] * maskWords + w] |= mask[w];
      }
    });
  });
  return slots;
}

/* The dot products, term by term in term order, as lunr.Vector#dot adds them; returns the query
 * vector's magnitude. */
function addDotProducts(work, boosts) {
  var stamp = work.query, count = state.count, sumOfSquares = 0;
  var ordered = Array.from(boosts.keys()).sort(function (a, b) { return a.index - b.index; });
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
  return Math.sqrt(sumOfSquares);
}

/* Each matched document's score, its fields' dot products over the magnitude added up in the order
 * the fields first matched; returns the documents in the order they first matched. */
function addFieldScores(work, slots, magnitude) {
  var stamp = work.query, count = state.count, documents = [];
  for (var i = 0; i < slots.length; i++) {
    var slot = slots[i], doc = slot % count, score = work.dot[slot] / magnitude || 0;
    if (work.docSeen[doc] !== stamp) { work.docSeen[doc] = stamp; work.score[doc] = score; documents.push(doc); }
    else work.score[doc] += score;
  }
  return documents;
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

/* A typed text's query, planned once: buildQuery's clauses, each with the terms lunr.Index#query
 * would look up for it (a word's stems, through the search pipeline; the typed prefix and its "*")
 * and the number of the word it stands for among those kept (stop words are left out, as the
 * index left them out). The page asks again for the same text once the chunks it needs are
 * loaded: the last plan is kept for it. */
function planQuery(text) {
  if (state.plan && state.plan.text === text) return state.plan;
  var query = new lunr.Query(state.fieldNames), fieldCount = state.fieldNames.length, words = 0;
  buildQuery(query, text, state.language);
  var clauses = query.clauses.map(function (clause) {
    if (clause.presence !== lunr.Query.presence.OPTIONAL || clause.fields.length !== fieldCount) throw new Error("search: unsupported clause");
    /* buildQuery gives each word it keeps a clause through the pipeline, the word being typed then a wildcard one */
    if (clause.usePipeline) words += 1;
    return { boost: clause.boost, word: words - 1, usePipeline: clause.usePipeline, typed: clause.term,
             terms: clause.usePipeline ? state.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term] };
  });
  state.plan = { text: text, clauses: clauses, words: words };
  return state.plan;
}

/* The chunks a query plan needs that are not loaded: each exact term's, and for a term with a "*",
 * every chunk that may hold a term beginning with what comes before it. */
function missingChunks(plan) {
  var wanted = [];
  plan.clauses.forEach(function (clause) {
    clause.terms.forEach(function (term) {
      var star = term.indexOf("*"), at = star < 0 ? chunkOf(term) : -1;
      if (at >= 0) wanted.push(at);
      if (star >= 0) wanted = wanted.concat(chunksFrom(term.slice(0, star)));
    });
  });
  return wanted.filter(function (number, i) { return !state.chunks[number] && wanted.indexOf(number) === i; });
}

/* ---- Typing slips. A word of SLIP_MIN letters or more that finds no term at all (neither itself nor,
 * being typed, a longer one) is looked up again with one slip forgiven: a letter missing, added or
 * wrong, or two letters swapped, after its first two letters (the chunks of the terms that begin
 * with them are the only ones loaded for it). The terms found join the query as a clause of their
 * own, with the boost of a typed prefix, so that exact matches rank above corrected ones. ---- */
var SLIP_MIN = 5, SLIP_KEEP = 2, SLIP_BOOST = 1;

/* The words of a plan that found no term, each with the stem to correct: [{word, term}]. */
function wordsFoundNowhere(plan) {
  var found = [], lost = [];
  plan.clauses.forEach(function (clause) {
    if (clause.terms.some(function (term) { return expandTerm(term).length; })) found[clause.word] = true;
  });
  plan.clauses.forEach(function (clause) {
    var term = clause.terms[0];
    if (!clause.usePipeline || found[clause.word] || !term || clause.typed.length < SLIP_MIN) return;
    lost.push({ word: clause.word, typed: clause.typed, term: term });
  });
  return lost;
}

/* The chunks that the correction of a plan's lost words needs and that are not loaded. */
function slipChunks(plan) {
  if (plan.corrected) return [];
  var wanted = [];
  wordsFoundNowhere(plan).forEach(function (lost) { wanted = wanted.concat(chunksFrom(lost.term.slice(0, SLIP_KEEP))); });
  return wanted.filter(function (number, i) { return !state.chunks[number] && wanted.indexOf(number) === i; });
}

/* The words one slip away from `word` that keep its first SLIP_KEEP letters. */
var LETTERS = "abcdefghijklmnopqrstuvwxyz";
function slipVariants(word) {
  var variants = [], i, k;
  for (i = SLIP_KEEP; i <= word.length; i++) {
    if (i < word.length) variants.push(word.slice(0, i) + word.slice(i + 1));  // a letter added
    if (i + 1 < word.length) variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));  // two swapped
    for (k = 0; k < LETTERS.length; k++) {
      variants.push(word.slice(0, i) + LETTERS[k] + word.slice(i));  // a letter missing
      if (i < word.length) variants.push(word.slice(0, i) + LETTERS[k] + word.slice(i + 1));  // a letter wrong
    }
  }
  return variants;
}

/* The loaded terms a lost word may stand for: terms one slip from its stem, and the stems of the
 * words one slip from what was typed (a stemmer can take a slip further: ixlles gives ixlle, ixelles ixel). */
function nearTerms(lost) {
  var near = termsStartingWith(lost.term.slice(0, SLIP_KEEP)).filter(function (term) { return bxText.oneSlip(lost.term, term); });
  var typed = registered("accentFold-fr")(lost.typed);
  slipVariants(typed).forEach(function (variant) {
    state.pipeline.runString(variant).forEach(function (term) { if (state.terms.has(term) && near.indexOf(term) < 0) near.push(term); });
  });
  return near;
}

/* Add to the plan, once its chunks are loaded, a clause for each lost word's corrections. */
function correctSlips(plan) {
  if (plan.corrected) return;
  plan.corrected = [];
  wordsFoundNowhere(plan).forEach(function (lost) {
    var near = nearTerms(lost);
    if (!near.length) return;
    plan.clauses.push({ boost: SLIP_BOOST, word: lost.word, terms: near.sort(compareInTokenSetOrder), usePipeline: false, typed: lost.typed });
    plan.corrected.push({ typed: lost.typed, terms: near });
  });
}

/* True when a document's matched terms stand for each of the query's `words`. */
function matchesEveryWord(scored, doc, words) {
  for (var m = 0; m < words; m++) {
    if (!(scored.masks[doc * scored.maskWords + Math.floor(m / 31)] & (1 << (m % 31)))) return false;
  }
  return true;
}

/* The first `limit` documents as a stable sort by score (highest first) would order them: a full
 * sort when many are wanted, else one pass keeping the best. */
function bestDocuments(documents, score, limit) {
  /* the pass may shift up to `limit` kept documents for each one it keeps: below 16 documents per place, a sort costs no more */
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

/* A query's best `limit` results: those whose matched terms stand for every word kept first, then the others. */
function search(plan, limit) {
  var words = plan.words > 1 ? plan.words : 0, scored = scoreQuery(plan, words);
  var top, documents = scored.documents, completeCount;
  if (words) {
    var complete = [], partial = [];
    documents.forEach(function (doc) { (matchesEveryWord(scored, doc, words) ? complete : partial).push(doc); });
    top = bestDocuments(complete, scored.score, limit);
    completeCount = top.length;
    if (top.length < limit) top = top.concat(bestDocuments(partial, scored.score, limit - top.length));
  } else {
    top = bestDocuments(documents, scored.score, limit);
    completeCount = top.length;
  }
  return {
    total: documents.length,
    results: top.map(function (position, rank) {
      /* every: the document's matched terms stand for each word of the query (a one-word query: always) */
      return { ref: documentRef(position), position: position, score: scored.score[position], type: typeOf(position), every: rank < completeCount };
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
      missingChunks(planQuery(root.chunks[Math.floor(root.chunks.length / 2)] || ""));
      self.postMessage({ type: "ready", documents: root.documents, paths: root.paths, blocks: root.blocks,
                         parseMilliseconds: parsed - started, buildMilliseconds: performance.now() - parsed,
                         startedAt: performance.timeOrigin + started });
    } else if (message.type === "chunks") {
      Object.keys(message.chunks).forEach(function (number) { addChunk(Number(number), JSON.parse(message.chunks[number])); });
    } else if (message.type === "search") {
      var searchStarted = performance.now();
      var plan = planQuery(message.text), missing = missingChunks(plan);
      if (!missing.length) missing = slipChunks(plan);
      if (missing.length) { self.postMessage({ type: "need", id: message.id, chunks: missing }); return; }
      correctSlips(plan);
      var found = search(plan, message.limit);
      found.corrections = plan.corrected;
      found.type = "results";
      found.id = message.id;
      found.milliseconds = performance.now() - searchStarted;
      self.postMessage(found);
    }
  } catch (error) {
    self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
  }
};
