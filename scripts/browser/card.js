/* "Print for the patient": prints an entry's card alone, on an A5 page, with the print stylesheet.
 * The button stays hidden without JavaScript (printing then gives the whole entry). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-bx-print-card]");
  if (!buttons.length) return;
  var root = document.documentElement;
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      root.classList.add("bx-printing-card");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () { root.classList.remove("bx-printing-card"); });
})();
