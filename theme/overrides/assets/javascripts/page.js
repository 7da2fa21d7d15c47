// Loaded before Material's bundle on every page (no inline script: see the Content-Security-Policy).
(function () {
  var root = document.currentScript && document.currentScript.getAttribute("data-site-root");

  // Material's bundle fetches "sitemap.xml" next to every <link rel=alternate> to build its own
  // language menu, which we do not use: it would cost a request per link and fail from file://.
  // The links stay in the HTML that crawlers read; only the live page drops them.
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) { link.remove(); });

  // Remember the language a reader switches to, for the language chooser at the site's root.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.bx-language__link");
    if (!link) return;
    try { localStorage.setItem("brusano-language", link.getAttribute("data-language")); } catch (e) {}
  });

  // Offline reading (sw.js at the site's root), over HTTP only, once the page has loaded so that it
  // never delays the page or its first search. Where service workers are blocked, nothing changes.
  if (root && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(new URL(root + "sw.js", document.baseURI).href).catch(function () {});
    });
  }

  // The search page offers to keep every search and finder file for offline use (sw.js saves them
  // at install only when they fit its budget); shown only where a service worker runs the page.
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-bx-keep-offline]");
    if (!button || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function () {
      button.parentNode.hidden = false;
      var status = button.parentNode.querySelector("[role=status]");
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "kept-search") status.textContent = button.getAttribute(event.data.ok ? "data-done" : "data-failed");
      });
      button.addEventListener("click", function () {
        if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: "keep-search" });
      });
    });
  });

  // The offline page lists the pages of its language that this device has saved.
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("bx-offline");
    if (!box || !root || !window.caches) return;
    var language = document.documentElement.lang;
    var prefix = new URL(root + language + "/", document.baseURI).href;
    listSaved(prefix).then(function (pages) {
      if (!pages.length) return;
      var list = box.querySelector(".bx-offline__list");
      box.querySelector(".bx-offline__status").textContent = "";
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        item.appendChild(link);
        list.appendChild(item);
      });
    }).catch(function () {});
  });

  function listSaved(prefix) {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf("brusano-") === 0; }).map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(function (request) {
            return request.url.indexOf(prefix) === 0 && /\.html$/.test(new URL(request.url).pathname) && !/\/(offline|404)\.html$/.test(request.url);
          }).map(function (request) {
            return cache.match(request).then(function (response) { return response.text(); }).then(function (html) {
              var title = new DOMParser().parseFromString(html, "text/html").title || request.url;
              return { url: request.url, title: title };
            });
          }));
        }); });
      }));
    }).then(function (lists) {
      var seen = {};
      return [].concat.apply([], lists).filter(function (page) {
        if (seen[page.url]) return false;
        seen[page.url] = true;
        return true;
      }).sort(function (a, b) { return a.title.localeCompare(b.title); });
    });
  }
})();
