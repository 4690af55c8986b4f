// The leaders' overview: four ECharts charts and a map of open cases, all from /dashboard/data (no tiles, no CDN).
(function () {
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;
  var charts = [];
  var RED = '#b3261e', BLUE = '#3b6ea5', GREY = '#9aa5b1';

  function chart(id) {
    var el = document.getElementById(id);
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption({ animation: false });
    charts.push(c);
    return c;
  }

  function go(url) { window.location.href = url; }

  function loadBars(id, rows, urlBase) {
    var c = chart(id);
    var top = rows.slice(0, 12).reverse();
    c.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [d.labelOpen, d.labelOverdue], top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map(function (r) { return r.name; }),
               axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        { name: d.labelOpen, type: 'bar', data: top.map(function (r) { return r.open; }), itemStyle: { color: BLUE } },
        { name: d.labelOverdue, type: 'bar', data: top.map(function (r) { return r.overdue; }), itemStyle: { color: RED } }
      ]
    });
    c.on('click', function (p) {
      var row = top[p.dataIndex];
      // the bar's own figure (series 0: open, 1: overdue), so the list is exactly what the bar counted
      var figure = d.figures.split(' ')[p.seriesIndex];
      if (row && figure) { go(urlBase + encodeURIComponent(row.key) + '&figure=' + figure); }
    });
  }

  function intake(rows) {
    var c = chart('chart-intake');
    c.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }),
               axisLabel: { interval: 0, rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: d.labelIntake, type: 'bar', data: rows.map(function (r) { return r.count; }),
                 itemStyle: { color: RED }, label: { show: true, position: 'top' } }]
    });
  }

  function trend(rows) {
    var c = chart('chart-trend');
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [d.labelOpened, d.labelClosed], top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.day.substring(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: d.labelOpened, type: 'line', smooth: true, data: rows.map(function (r) { return r.opened; }), itemStyle: { color: BLUE } },
        { name: d.labelClosed, type: 'line', smooth: true, data: rows.map(function (r) { return r.closed; }), itemStyle: { color: RED } }
      ]
    });
  }

  function map(points) {
    var el = document.getElementById('dash-map');
    if (!el || typeof L === 'undefined') { return; }
    if (!window.PlacesMap) { return; }
    // the application's own layer (roads with names, areas, named places) with the tiles, if any, and their datum
    var handle = PlacesMap.attach(el, [34.86, 117.60], 11);
    var m = handle.map;
    fetch(d.areas).then(function (r) { return r.json(); }).then(function (geojson) {
      var layer = handle.geoJson(geojson, {
        style: { color: GREY, weight: 1, fillOpacity: 0.04 },
        onEachFeature: function (f, l) { l.bindTooltip(document.createTextNode(f.properties.name)); }
      }).addTo(m);
      m.fitBounds(layer.getBounds());
      points.forEach(function (p) {
        var label = document.createElement('span');
        label.textContent = p.number + ' · ' + p.status + ' · ' + p.title;
        L.circleMarker(handle.toMap(p.lat, p.lon), { radius: 6, weight: 1, color: '#fff', fillOpacity: 0.9,
                                         fillColor: p.overdue ? RED : BLUE })
          .bindTooltip(label).on('click', function () { go(d.caseUrl + encodeURIComponent(p.number)); })
          .addTo(m);
      });
    });
  }

  fetch(d.source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) {
      intake(data.intake);
      trend(data.trend);
      loadBars('chart-departments', data.departments, d.departmentUrl);
      loadBars('chart-streets', data.streets, d.streetUrl);
      map(data.points);
    });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
