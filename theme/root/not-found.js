// The server shows this page at any missing address: find the site's root from the address
// (the part before /fr/ or /nl/) so that the links work at a root, under a sub-path or on disk.
(function () {
  var match = location.pathname.match(/^(.*\/)(fr|nl)\//);
  var root = match ? match[1] : null;
  if (root === null) return;
  var links = document.querySelectorAll("a.home");
  for (var i = 0; i < links.length; i++) {
    links[i].setAttribute("href", root + links[i].getAttribute("data-language") + "/index.html");
  }
})();
