// The planning page: shows the fields of the chosen call source, and draws a finished run's chart — the share of
// calls with a unit on scene within x minutes, one line per policy — whenever htmx brings a run panel in.
(function () {
  'use strict';
  var root = document.getElementById('planning');
  if (!root) { return; }
  var d = root.dataset;

  function showSource() {
    var generated = document.getElementById('source-generated').checked;
    document.getElementById('fields-recorded').hidden = generated;
    document.getElementById('period-hint').hidden = generated;
    document.getElementById('fields-generated').hidden = !generated;
  }

  function drawChart() {
    var el = document.getElementById('planning-chart');
    if (!el || !el.dataset.chart || el.dataset.drawn || typeof echarts === 'undefined') { return; }
    el.dataset.drawn = 'true';
    var data = JSON.parse(el.dataset.chart);
    var percent = function (v) { return Math.round(v * 1000) / 10; };
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
      legend: { data: [d.labelStation, d.labelPatrol], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', name: d.labelMinutes, data: data.minutes },
      yAxis: { type: 'value', name: d.labelShare, min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: d.labelStation, type: 'line', data: data.station.map(percent), itemStyle: { color: '#9aa5b1' } },
        { name: d.labelPatrol, type: 'line', data: data.patrol.map(percent), itemStyle: { color: '#3b6ea5' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.querySelectorAll('input[name="source"]').forEach(function (r) { r.addEventListener('change', showSource); });
  showSource();
  drawChart();
  document.body.addEventListener('htmx:afterSettle', drawChart);
}());
