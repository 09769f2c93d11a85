/* Draws the statistics page's charts with the vendored Chart.js (vendor/chartjs).
 *
 * Each <canvas data-chart="ID"> finds its figures in the JSON block with that id, written by
 * Django's json_script (no inline script: the CSP allows only files from this site):
 *   {type: "bar"|"doughnut", horizontal, percent, title, labels: [...],
 *    datasets: [{label, data: [...]}]}
 * The previous year is the first dataset (light), the chosen year the second (strong).
 */
(function () {
  "use strict";

  var YEAR_COLOURS = ["#c7a05a", "#9b1c1c"];
  var SLICE_COLOURS = [["#9fb8d9", "#e8a7a7"], ["#1d4f91", "#9b1c1c"]];
  var numbers = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 1});

  function formatted(value, percent) {
    if (value === null || value === undefined) { return "—"; }
    return numbers.format(value) + (percent ? " %" : "");
  }

  function datasets(data) {
    var sets = data.datasets.map(function (set, index) {
      var colour = data.type === "doughnut" ? SLICE_COLOURS[index % 2]
                                             : YEAR_COLOURS[index % 2];
      return {label: set.label, data: set.data, backgroundColor: colour,
              borderColor: data.type === "doughnut" ? "#ffffff" : colour, borderWidth: 1};
    });
    // A doughnut's first dataset is its outer ring and gives the legend its colours: the
    // chosen year goes outside.
    return data.type === "doughnut" ? sets.reverse() : sets;
  }

  function tooltipLabel(data) {
    return function (item) {
      var name = data.type === "doughnut" ? item.dataset.label + " – " + item.label
                                          : item.dataset.label;
      return name + ": " + formatted(item.raw, data.percent);
    };
  }

  // Long unit names would push the bars aside: the axis shows their start (less on a
  // narrow screen), the tooltip all of it.
  var LABEL_LENGTH = 32, NARROW_LABEL_LENGTH = 16, NARROW = 480;

  function cut(text, most) {
    return text.length > most ? text.slice(0, most - 1) + "…" : text;
  }

  // "Kind – level" labels go on two lines, so the level is not the part cut off.
  function shortLabel(value) {
    var label = String(this.getLabelForValue(value));
    var most = this.chart.width < NARROW ? NARROW_LABEL_LENGTH : LABEL_LENGTH;
    var parts = label.split(" – ");
    if (parts.length === 1) { return cut(label, most); }
    return parts.map(function (part) { return cut(part, most); });
  }

  function scales(data) {
    if (data.type === "doughnut") { return {}; }
    var labelAxis = {ticks: {callback: shortLabel}};
    var valueAxis = {beginAtZero: true, ticks: {precision: 0, callback: function (value) {
      return formatted(value, data.percent);
    }}};
    if (data.percent) { valueAxis.suggestedMax = 100; }
    return data.horizontal ? {x: valueAxis, y: labelAxis} : {x: labelAxis, y: valueAxis};
  }

  function config(data) {
    return {
      type: data.type,
      data: {labels: data.labels, datasets: datasets(data)},
      options: {
        responsive: true, maintainAspectRatio: false, locale: "vi-VN",
        indexAxis: data.horizontal ? "y" : "x",
        animation: false,
        scales: scales(data),
        plugins: {
          legend: {position: "bottom"},
          tooltip: {callbacks: {label: tooltipLabel(data)}}
        }
      }
    };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") { return; }
    new window.Chart(canvas, config(JSON.parse(source.textContent)));
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
}());
