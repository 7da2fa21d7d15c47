// The language chooser at the site's root: remember the choice, go straight to it next time.
(function () {
  var key = "brusano-language";
  var links = document.querySelectorAll("a[data-language]");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", function (event) {
      try { localStorage.setItem(key, event.currentTarget.getAttribute("data-language")); } catch (e) {}
    });
  }
  if (location.search.indexOf("choose") !== -1) return;
  var saved = null;
  try { saved = localStorage.getItem(key); } catch (e) {}
  if (saved === "fr" || saved === "nl") location.replace(saved + "/index.html");
})();
