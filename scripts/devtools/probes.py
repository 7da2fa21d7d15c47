"""Scripts that the bench and the browser tests add to the finder's page to time and record it."""

from __future__ import annotations

FINDER_FIRST_LIST = """
new MutationObserver((records, observer) => {
  const finder = document.getElementById('bx-finder');
  if (!finder || !finder.hasAttribute('data-renders')) return;
  observer.disconnect();
  const list = document.getElementById('bx-finder-results');
  const firstList = window.__finderFirstList = {
    names: Array.from(list.querySelectorAll('.bx-finder__result .bx-finder__name'), (link) => link.textContent),
    busy: list.getAttribute('aria-busy'),
    laidOutMs: null,
  };
  new ResizeObserver((entries, resized) => {
    resized.disconnect();
    firstList.laidOutMs = performance.now();
  }).observe(list);
}).observe(document, {attributes: true, childList: true, subtree: true});
"""
"""Record, in window.__finderFirstList, the finder's first list as it is when the finder first says it
has rendered (its names, its aria-busy) and, on the page's clock, when that frame is laid out (a
ResizeObserver is called after layout, just before paint). Used by the bench and the browser tests."""

FINDER_FILTER_SHOWN = """
window.__benchFilter = null;
const laidOut = (probe, key) => new ResizeObserver((entries, resized) => {
  resized.disconnect();
  probe[key] = performance.now();
}).observe(document.getElementById('bx-finder-results'));
document.addEventListener('input', (event) => {
  if (event.target.closest('#bx-finder')) window.__benchFilter = {askedMs: performance.now(), screenfulMs: null, wholeMs: null};
}, true);
new MutationObserver(() => {
  const probe = window.__benchFilter, list = document.getElementById('bx-finder-results');
  if (!probe) return;
  if (!probe.screenfulAsked) { probe.screenfulAsked = true; laidOut(probe, 'screenfulMs'); }
  if (!probe.wholeAsked && !list.hasAttribute('aria-busy')) { probe.wholeAsked = true; laidOut(probe, 'wholeMs'); }
}).observe(document, {attributes: true, attributeFilter: ['data-renders', 'aria-busy'], subtree: true});
"""
"""Note, on the page's clock, a filter's input event, the layout of the first frame of the list it
asked for (its first screenful) and of the first frame in which that list is whole
(#bx-finder-results not aria-busy: the finder adds a long list's rest in batches, one a frame)."""
