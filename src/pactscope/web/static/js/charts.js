// Render every Vega-Lite spec on the page with the locally served vega-embed.
(function () {
  "use strict";
  function render(container) {
    var source = document.getElementById(container.getAttribute("data-spec"));
    if (!source || typeof vegaEmbed !== "function") return;
    var spec;
    try { spec = JSON.parse(source.textContent); } catch (e) { return; }
    vegaEmbed(container, spec, { actions: false, renderer: "svg" })
      .then(function () { container.classList.add("rendered"); })
      .catch(function (err) {
        container.setAttribute("data-error", String(err && err.message || err));
      });
  }
  function start() {
    var charts = document.querySelectorAll(".chart[data-spec]");
    for (var i = 0; i < charts.length; i++) render(charts[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
