// The site's service worker: offline reading on a phone. Written by the build
// (scripts/site/service_worker.py), which fills in VERSION and SHELL.
// - install: precache the shell (both home pages, finder, search, lists, offline pages, styles, scripts, icons);
// - pages: network first (3 s), then the saved copy, then the language's offline page;
// - fingerprinted files (a content hash in the name): cache first; other files: network first;
// - every page and file the reader opens is saved, so the search index and finder data are
//   saved the first time they are used, without a download of their own;
// - activate: delete the caches of older builds. Any storage error (private browsing, quota)
//   falls back to the network: the site then works as it does without a service worker.
"use strict";
const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const SEARCH = __SEARCH__;  // both languages' search and finder data: in SHELL when they fit the budget
const CACHE = "brusano-" + VERSION;
const PAGE_TIMEOUT_MS = 3000;
const FINGERPRINTED = /\.[0-9a-f]{8,}(\.min)?\.(js|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("brusano-") && name !== CACHE).map((name) => caches.delete(name))))
    .catch(() => undefined)
    .then(() => self.clients.claim()));
});

// "Garder pour consulter hors ligne" (the search page): save every search and finder file now.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep-search") return;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SEARCH))
    .then(() => event.source.postMessage({ type: "kept-search", ok: true }))
    .catch(() => event.source.postMessage({ type: "kept-search", ok: false })));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else event.respondWith(FINGERPRINTED.test(new URL(request.url).pathname) ? cacheFirst(request) : networkFirst(request));
});

function save(request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => undefined);
  }
  return response;
}

function saved(request, options) {
  return caches.match(request, options).catch(() => undefined);
}

async function page(request) {
  const network = fetch(request).then((response) => save(request, response));
  const late = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS, "late"));
  try {
    const first = await Promise.race([network, late]);
    if (first !== "late") return first;
    return (await saved(request, { ignoreSearch: true })) || (await network);
  } catch (error) {
    return (await saved(request, { ignoreSearch: true })) || (await offline(request.url));
  }
}

// The language's offline page at the address asked for (so that a reload, once online, opens the
// page itself); its <base> keeps its links and files resolving from where the page really lives.
async function offline(url) {
  const target = offlinePage(url);
  const copy = await saved(target);
  if (!copy) return Response.error();
  const html = (await copy.text()).replace(/<head[^>]*>/, (head) => head + '<base href="' + target + '">');
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function offlinePage(url) {
  const language = url.slice(self.registration.scope.length).startsWith("nl/") ? "nl" : "fr";
  return new URL(language + "/offline.html", self.registration.scope).href;
}

async function cacheFirst(request) {
  return (await saved(request)) || fetch(request).then((response) => save(request, response));
}

async function networkFirst(request) {
  try {
    return save(request, await fetch(request));
  } catch (error) {
    const copy = await saved(request);
    if (copy) return copy;
    throw error;
  }
}
