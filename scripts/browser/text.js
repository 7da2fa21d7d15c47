/* Text helpers shared by every script of ours that runs in the browser: the page's search box and
 * results page, the finder, and the search worker. The build puts this file before search.js in
 * the page's assets/javascripts/search.js, and before worker.js in search/engine.js.
 * splitWords splits as split_words() in scripts/search/pipeline.py does; the worker folds accents
 * with lunr-languages' accentFold (as the index was built), fold() is for what the page compares. */
var bxText = (function () {
  "use strict";

  var WORD_SEPARATOR = /[\s\-'’‘ʼ`´\/]+/;

  /* The lowercase words of a text, split on spaces, hyphens, apostrophes and slashes. */
  function splitWords(text) {
    return String(text).toLowerCase().split(WORD_SEPARATOR).filter(Boolean);
  }

  /* True when the text ends inside a word (the reader is still typing it). */
  function endsInWord(text) {
    return text.length > 0 && !WORD_SEPARATOR.test(text.charAt(text.length - 1));
  }

  /* Lowercase, without accents or ligatures: "Œuvre Élan" -> "oeuvre elan". */
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
  }

  /* True when two words are one typing slip apart: a letter missing, added or wrong, or two letters
   * swapped (the finder's need words and the search worker's corrections). */
  function oneSlip(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (a === b || Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Text made safe to put between tags or in an attribute value. */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  return { splitWords: splitWords, endsInWord: endsInWord, fold: fold, oneSlip: oneSlip, escapeHtml: escapeHtml };
})();
