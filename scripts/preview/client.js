// The preview's script (make serve only; never in a built site): asks the preview four times a
// second whether this page was rebuilt, and shows content problems over the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var page = script.getAttribute("data-page");
  var version = script.getAttribute("data-version");
  var hadProblems = false;
  var dismissed = "";
  var overlay = null;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function problemItem(problem) {
    var item = element("li");
    item.appendChild(element("code", problem.path + ":" + problem.line + ":" + problem.column));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(element("strong", problem.field));
    item.appendChild(document.createTextNode(": " + problem.message));
    item.appendChild(element("span", "fix: " + problem.fix, "bx-preview-fix"));
    return item;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(problems) {
    var key = JSON.stringify(problems);
    if (key === dismissed || (overlay && overlay.getAttribute("data-key") === key)) return;
    hide();
    overlay = element("section", "", "bx-preview-problems");
    overlay.id = "bx-preview-problems";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("lang", "en");
    overlay.setAttribute("data-key", key);
    overlay.setAttribute("aria-labelledby", "bx-preview-problems-title");
    var title = element("h2", problems.length + " content problem(s): the preview shows the last good build");
    title.id = "bx-preview-problems-title";
    overlay.appendChild(title);
    var list = element("ul");
    problems.forEach(function (problem) { list.appendChild(problemItem(problem)); });
    overlay.appendChild(list);
    overlay.appendChild(element("p", "Save the fixed file: this message goes and the page reloads."));
    var close = element("button", "Close");
    close.type = "button";
    close.addEventListener("click", function () { dismissed = key; hide(); });
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function check(status) {
    if (status.problems.length) {
      hadProblems = true;
      show(status.problems);
      return true;
    }
    if (hadProblems || status.version !== version) {
      location.reload();
      return false;
    }
    return true;
  }

  function poll() {
    fetch("/__preview/status?page=" + encodeURIComponent(page), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) { if (check(status)) setTimeout(poll, 250); })
      .catch(function () { setTimeout(poll, 1000); });
  }

  var style = element("link");
  style.rel = "stylesheet";
  style.href = "/__preview/client.css";  // a file, not a style element: the pages' CSP allows only the site's own
  document.head.appendChild(style);
  poll();
})();
