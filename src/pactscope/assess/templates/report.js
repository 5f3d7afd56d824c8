/* Renders each chart of the report from the inlined specs; the world map reads the inlined TopoJSON. */
(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("chart-specs").textContent);
  var world = JSON.parse(document.getElementById("world-topology").textContent);

  function inlineWorld(node) {
    if (Array.isArray(node)) { node.forEach(inlineWorld); return; }
    if (!node || typeof node !== "object") { return; }
    if (node.data && node.data.url === window.PACTSCOPE_WORLD_URL) {
      node.data = { values: world, format: node.data.format };
    }
    Object.keys(node).forEach(function (k) { if (k !== "data" && k !== "datasets") { inlineWorld(node[k]); } });
  }

  document.querySelectorAll("div.vega[data-chart]").forEach(function (el) {
    var spec = specs[el.getAttribute("data-chart")];
    if (!spec) { return; }
    inlineWorld(spec);
    vegaEmbed(el, spec, { actions: false, renderer: "svg" }).catch(function (err) {
      el.textContent = "This chart could not be drawn: " + err.message;
      el.classList.add("chart-error");
      console.error(err);
    });
  });
})();
