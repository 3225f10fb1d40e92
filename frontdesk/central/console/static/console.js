// Progressive enhancement only: every page works without this script.
// Forms marked data-confirm ask once more before a change that cannot be undone.
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
