// A subject's page: the radar of its percentage indicators and the trend of its score, drawn with ECharts from the
// page's own tables (the tables stay as the readable figures; nothing is fetched).
(function () {
  var root = document.getElementById('evaluation-charts');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;
  var BLUE = '#3b6ea5';

  function number(text) {
    if (text === undefined || text === null || text === '') { return null; }
    var n = parseFloat(text);
    return isNaN(n) ? null : n;
  }

  var figures = [];
  document.querySelectorAll('#figures tbody tr').forEach(function (tr) {
    var v = number(tr.dataset.value);
    if (tr.dataset.percent === 'true' && v !== null) { figures.push({ name: tr.dataset.name, value: v }); }
  });
  var radarEl = document.getElementById('chart-radar');
  if (figures.length >= 3) {
    var radar = echarts.init(radarEl, null, { renderer: 'canvas' });
    radar.setOption({
      animation: false,
      tooltip: {},
      radar: { indicator: figures.map(function (f) { return { name: f.name, max: 100 }; }), radius: '62%' },
      series: [{ type: 'radar', name: d.labelFigure, areaStyle: { opacity: 0.15 }, itemStyle: { color: BLUE },
                 data: [{ name: d.labelFigure, value: figures.map(function (f) { return Math.round(f.value * 100) / 100; }) }] }]
    });
    window.addEventListener('resize', function () { radar.resize(); });
  } else {
    radarEl.closest('.card').hidden = true;
  }

  var points = [];
  document.querySelectorAll('#trend tr').forEach(function (tr) {
    points.push({ period: tr.dataset.period, score: number(tr.dataset.score) });
  });
  points.sort(function (a, b) { return a.period < b.period ? -1 : a.period > b.period ? 1 : 0; });
  var trendEl = document.getElementById('chart-trend');
  if (points.length > 0) {
    var trend = echarts.init(trendEl, null, { renderer: 'canvas' });
    trend.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map(function (p) { return p.period; }) },
      yAxis: { type: 'value', min: 0, max: 100 },
      // a period without a score is a gap, never a 0
      series: [{ name: d.labelScore, type: 'line', connectNulls: false, itemStyle: { color: BLUE },
                 data: points.map(function (p) { return p.score === null ? null : Math.round(p.score * 100) / 100; }) }]
    });
    window.addEventListener('resize', function () { trend.resize(); });
  } else {
    trendEl.closest('.card').hidden = true;
  }
  root.dataset.drawn = 'true';
})();
