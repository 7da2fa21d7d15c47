/* The patient's list: services a reader keeps on this device (localStorage, never sent anywhere),
 * added from the finder and the entry pages, shown with their next steps on list.html, printed on
 * one A4 page in either language, and shared by a link that carries only the services' ids. */
(function () {
  "use strict";
  var KEY = "bx-list";
  var meta = document.querySelector('meta[name="bx-list"]');
  if (!meta) return;

  var stored = null;  // the list as last read or written: the finder asks for every row it draws
  function read() {
    if (stored === null) {
      try {
        var items = JSON.parse(window.localStorage.getItem(KEY) || "[]");
        stored = Array.isArray(items) ? items.filter(function (item) { return item && typeof item.id === "string"; }) : [];
      } catch (error) { stored = []; }  // storage refused (private mode, file:// in some browsers): an empty list
    }
    return stored.map(function (item) { return { id: item.id, note: item.note || "" }; });
  }
  function save(items) {
    stored = items;
    try { window.localStorage.setItem(KEY, JSON.stringify(items)); } catch (error) { /* kept for this page only */ }
  }
  function write(items) {
    save(items);
    refresh();
  }
  function has(id) { return read().some(function (item) { return item.id === id; }); }
  function toggle(id) {
    var items = read();
    var kept = items.filter(function (item) { return item.id !== id; });
    write(kept.length === items.length ? items.concat([{ id: id, note: "" }]) : kept);
  }
  function escapeHtml(text) { return window.bxText.escapeHtml(String(text)); }

  /* A button that adds a service or takes it out (the finder writes it into its results). */
  function button(id, name) {
    var kept = has(id);
    return '<button type="button" class="bx-list-add" data-bx-add="' + escapeHtml(id) + '" aria-pressed="' + kept + '"' +
      (name ? ' aria-label="' + escapeHtml((kept ? meta.dataset.added : meta.dataset.add) + " : " + name) + '"' : "") + ">" +
      escapeHtml(kept ? meta.dataset.added : meta.dataset.add) + "</button>";
  }

  var link = null;
  function headerLink() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    link = document.createElement("a");
    link.className = "md-header__button bx-list-link";
    link.href = meta.content;
    header.insertBefore(link, header.querySelector(".md-search") || null);
  }
  /* "Ma liste (n)"; on a phone "Liste (n)", and nothing while the list is empty (the header keeps its room for the search). */
  function refresh() {
    var count = read().length;
    if (link) {
      link.innerHTML = '<span class="bx-list-link__full">' + escapeHtml(meta.dataset.label) + '</span><span class="bx-list-link__short">' +
        escapeHtml(meta.dataset.short) + "</span> (" + count + ")";
      link.setAttribute("data-count", String(count));
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-bx-add]"), function (element) {
      var kept = has(element.getAttribute("data-bx-add"));
      element.setAttribute("aria-pressed", String(kept));
      element.textContent = kept ? meta.dataset.added : meta.dataset.add;
    });
    if (page) page.render();
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-bx-add]");
    if (target) toggle(target.getAttribute("data-bx-add"));
  });
  window.addEventListener("storage", function (event) { if (event.key === KEY) { stored = null; refresh(); } });

  /* list.html: the services with their next steps, the note of each, print and share. */
  function ListPage(root) {
    var language = root.dataset.language, shown = language, datasets = {};
    var shared = /^#s=/.test(location.hash) ? decodeURIComponent(location.hash.slice(3)).split(",").filter(Boolean) : null;
    var printNotes = false;

    function dataset(code) {
      if (!datasets[code] && window.__bxListData && window.__bxListData[code]) datasets[code] = JSON.parse(window.__bxListData[code]);
      return datasets[code];
    }
    function loadOther(then) {
      if (dataset(root.dataset.other)) { then(); return; }
      var script = document.createElement("script");
      script.src = root.dataset.otherData;
      script.onload = then;
      document.head.appendChild(script);
    }
    function items() { return shared ? shared.map(function (id) { return { id: id, note: "" }; }) : read(); }
    function shareLink(ids, code) {
      var here = location.href.split("#")[0];
      var target = code === language ? here : new URL(root.dataset.otherPage, here).href;
      return target + "#s=" + ids.map(encodeURIComponent).join(",");
    }
    function qrSvg(text) {
      var code = window.qrcode(0, "M");
      code.addData(text);
      code.make();
      var size = code.getModuleCount(), path = "";
      for (var row = 0; row < size; row += 1) {
        for (var column = 0; column < size; column += 1) {
          if (code.isDark(row, column)) path += "M" + (column + 4) + " " + (row + 4) + "h1v1h-1z";
        }
      }
      return '<svg class="bx-list__qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + (size + 8) + " " + (size + 8) +
        '" role="img"><rect width="100%" height="100%" fill="#fff"/><path d="' + path + '" fill="#000"/></svg>';
    }
    function steps(service, labels) {
      var rows = [];
      if (service.how) rows.push([labels.access_how, escapeHtml(service.how)]);
      if (service.bring) rows.push([labels.access_documents, escapeHtml(service.bring)]);
      if (service.phones.length) {
        rows.push([labels.phone, service.phones.map(function (phone) {
          return '<a href="tel:' + escapeHtml(phone[1]) + '">' + escapeHtml(phone[0]) + "</a>" + (phone[2] ? " (" + escapeHtml(phone[2]) + ")" : "");
        }).join(" · ")]);
      }
      if (service.addresses.length) rows.push([labels.address, service.addresses.map(escapeHtml).join(" · ")]);
      if (service.hours.length) {
        rows.push([labels.opening_hours, service.hours.map(function (day) { return escapeHtml(day[0] + " " + day[1]); }).join(" · ")]);
      }
      return "<dl>" + rows.map(function (row) { return "<dt>" + escapeHtml(row[0]) + "</dt><dd>" + row[1] + "</dd>"; }).join("") + "</dl>";
    }

    this.render = function () {
      var data = dataset(shown), screen = dataset(language);
      if (!data || !screen) return;
      var labels = data.labels, words = screen.labels, list = items();
      var known = list.filter(function (item) { return data.services[item.id]; });
      var html = "";
      if (shared) {
        html += '<p class="bx-list__shared">' + escapeHtml(words.list_from_link) +
          ' <button type="button" class="md-button" data-list-keep>' + escapeHtml(words.list_keep) + "</button></p>";
      }
      if (!known.length) {
        root.innerHTML = html + '<p class="bx-list__empty">' + escapeHtml(words.list_empty) + "</p>";
        return;
      }
      html += '<div class="bx-list__controls">' +
        '<button type="button" class="md-button md-button--primary" data-list-print>' + escapeHtml(words.list_print) + "</button> " +
        '<label>' + escapeHtml(words.list_print_other) + ' <select data-list-language>' +
        [language, root.dataset.other].map(function (code) {
          return '<option value="' + code + '"' + (code === shown ? " selected" : "") + ">" + escapeHtml(screen.languages[code]) + "</option>";
        }).join("") + "</select></label> " +
        (shared ? "" : '<label><input type="checkbox" data-list-notes' + (printNotes ? " checked" : "") + "> " + escapeHtml(words.list_print_notes) + "</label> " +
          '<button type="button" class="md-button" data-list-clear>' + escapeHtml(words.list_clear) + "</button>") +
        "</div>";
      html += '<h2 class="bx-list__heading" lang="' + shown + '">' + escapeHtml(labels.list_title) + " · " +
        escapeHtml(labels.list_count.replace("{n}", known.length)) + "</h2>";
      if (known.length < list.length) html += '<p class="bx-list__missing">' + escapeHtml(words.list_missing) + "</p>";
      html += '<ol class="bx-list__items" lang="' + shown + '">' + known.map(function (item, position) {
        var service = data.services[item.id];
        return '<li class="bx-list__item" data-id="' + escapeHtml(item.id) + '"><h3>' + escapeHtml(service.name) + " — " + escapeHtml(service.org) + "</h3>" +
          steps(service, labels) +
          '<p class="bx-list__entry"><a href="' + escapeHtml(root.dataset.siteRoot + shown + "/" + service.page) + '">' + escapeHtml(labels.list_entry) + "</a></p>" +
          (item.note && printNotes ? '<p class="bx-list__note-print">' + escapeHtml(item.note) + "</p>" : "") +
          (shared ? "" : '<div class="bx-list__item-controls">' +
            '<button type="button" data-list-up' + (position === 0 ? " disabled" : "") + ">" + escapeHtml(words.list_up) + "</button> " +
            '<button type="button" data-list-down' + (position === known.length - 1 ? " disabled" : "") + ">" + escapeHtml(words.list_down) + "</button> " +
            '<button type="button" data-list-remove>' + escapeHtml(words.list_remove) + "</button> " +
            '<label class="bx-list__note">' + escapeHtml(words.list_note_label) + '<textarea rows="2" data-list-note>' + escapeHtml(item.note || "") + "</textarea></label></div>") +
          "</li>";
      }).join("") + "</ol>";
      var url = shareLink(known.map(function (item) { return item.id; }), shown);
      html += '<div class="bx-list__share" lang="' + shown + '"><p><strong>' + escapeHtml(labels.list_share) + "</strong> " +
        '<input type="text" readonly class="bx-list__url" value="' + escapeHtml(url) + '" aria-label="' + escapeHtml(labels.list_share) + '"></p>' +
        '<p class="bx-list__hint">' + escapeHtml(labels.list_share_hint) + "</p>" +
        (window.qrcode ? '<figure aria-label="' + escapeHtml(labels.list_qr) + '">' + qrSvg(url) + "</figure>" : "") + "</div>";
      html += '<footer class="bx-list__foot" lang="' + shown + '"><strong>' + escapeHtml(labels.helplines_title) + "</strong>: " +
        data.helplines.slice(0, 4).map(function (line) { return escapeHtml(line[0] + " " + line[1] + " (" + line[2] + ")"); }).join(" · ") +
        "<br>" + escapeHtml(labels.list_printed_on.replace("{date}", new Date().toLocaleDateString(shown + "-BE"))) + " " + escapeHtml(root.dataset.siteName) + "</footer>";
      root.innerHTML = html;
      root.querySelector(".bx-list__qr") && root.querySelector(".bx-list__qr").setAttribute("aria-label", labels.list_qr);
    };

    function move(id, step) {
      var list = read(), at = list.findIndex(function (item) { return item.id === id; });
      if (at < 0 || at + step < 0 || at + step >= list.length) return;
      var moved = list.splice(at, 1)[0];
      list.splice(at + step, 0, moved);
      write(list);
    }
    root.addEventListener("click", function (event) {
      var target = event.target, item = target.closest(".bx-list__item"), id = item && item.getAttribute("data-id");
      if (target.hasAttribute("data-list-print")) window.print();
      else if (target.hasAttribute("data-list-clear")) write([]);
      else if (target.hasAttribute("data-list-up")) move(id, -1);
      else if (target.hasAttribute("data-list-down")) move(id, 1);
      else if (target.hasAttribute("data-list-remove")) write(read().filter(function (kept) { return kept.id !== id; }));
      else if (target.hasAttribute("data-list-keep")) {
        var list = read(), ids = list.map(function (kept) { return kept.id; });
        shared.forEach(function (sharedId) { if (ids.indexOf(sharedId) < 0) list.push({ id: sharedId, note: "" }); });
        shared = null;
        history.replaceState(null, "", location.href.split("#")[0]);
        write(list);
      }
    });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-list-notes")) { printNotes = target.checked; page.render(); }
      else if (target.hasAttribute("data-list-language")) {
        shown = target.value;
        loadOther(function () { page.render(); });
      }
    });
    root.addEventListener("input", function (event) {
      if (!event.target.hasAttribute("data-list-note")) return;
      var id = event.target.closest(".bx-list__item").getAttribute("data-id");
      save(read().map(function (kept) { return kept.id === id ? { id: id, note: event.target.value } : kept; }));
    });
  }

  var listRoot = document.getElementById("bx-list");
  var page = null;
  headerLink();
  if (listRoot) page = new ListPage(listRoot);
  window.bxList = { has: has, toggle: toggle, button: button, read: read };
  /* the list page's data scripts come after this bundle: render once they have run */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
