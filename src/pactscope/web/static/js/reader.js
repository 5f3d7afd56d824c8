// "Fill in an example" for the reader form.
(function () {
  "use strict";
  var button = document.getElementById("example");
  var area = document.getElementById("text");
  if (!button || !area) return;
  button.addEventListener("click", function () {
    area.value = button.getAttribute("data-example");
    area.focus();
  });
})();
