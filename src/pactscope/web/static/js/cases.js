// Client-side filter of the case table by member, response, obligation and free text.
(function () {
  "use strict";
  var form = document.getElementById("case-filters");
  var table = document.getElementById("case-table");
  if (!form || !table) return;
  var rows = table.tBodies[0].rows;
  var count = document.getElementById("case-count");

  function apply() {
    var member = form.elements.member.value;
    var response = form.elements.response.value;
    var obligation = form.elements.obligation.value;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (!member || (" " + row.getAttribute("data-states") + " ").indexOf(" " + member + " ") >= 0) &&
        (!response || row.getAttribute("data-response") === response) &&
        (!obligation || row.getAttribute("data-obligation") === obligation);
      var text = row.getAttribute("data-text") || "";
      for (var j = 0; ok && j < words.length; j++) ok = text.indexOf(words[j]) >= 0;
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = "Showing " + shown + " of " + rows.length + " cases.";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
})();
