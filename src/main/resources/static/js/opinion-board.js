// The opinion board's trend (posts and cases per day of the hottest topics, ECharts) and map (their cases and placed posts, Leaflet
// over the district's own street outlines), drawn from the page's data attributes; nothing is fetched but the
// outlines.
(function () {
  var root = document.getElementById('opinion-charts');
  if (!root) { return; }
  var d = root.dataset;
  var days = JSON.parse(d.days || '[]');
  var trend = JSON.parse(d.trend || '[]');
  var points = JSON.parse(d.points || '[]');
  var COLOURS = ['#c62828', '#e06a00', '#b38b00', '#1f6fd1', '#2e7d32'];

  var trendEl = document.getElementById('opinion-trend');
  if (typeof echarts !== 'undefined' && trend.length > 0) {
    var chart = echarts.init(trendEl, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1, name: d.labelPosts },
      series: trend.map(function (t, i) {
        var name = t.topicId + ' ' + (t.headline.length > 12 ? t.headline.substring(0, 12) + '…' : t.headline);
        return { name: name, type: 'line', data: t.counts, itemStyle: { color: COLOURS[i % COLOURS.length] } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var mapEl = document.getElementById('opinion-map');
  if (typeof L !== 'undefined' && window.PlacesMap) {
    // the application's own layer (roads with names, areas, named places) with the tiles, if any, and their datum
    var handle = PlacesMap.attach(mapEl, [34.86, 117.55], 11);
    var map = handle.map;
    var order = trend.map(function (t) { return t.topicId; });
    var markers = points.map(function (p) {
      var colour = COLOURS[Math.max(0, order.indexOf(p.topicId)) % COLOURS.length];
      // a case is a filled dot; a post (placed by its place name) a ring of the topic's colour, its label the place
      var style = p.kind === 'POST'
        ? { radius: 5, color: colour, weight: 3, fillColor: '#ffffff', fillOpacity: 0.9 }
        : { radius: 6, color: '#1d2733', weight: 1, fillColor: colour, fillOpacity: 0.9 };
      var what = p.kind === 'POST' ? d.labelPost : d.labelCase;
      return L.circleMarker(handle.toMap(p.lat, p.lon), style)
        .bindTooltip(p.topicId + ' · ' + what + ' ' + p.label).addTo(map);
    });
    fetch(d.areas).then(function (r) { return r.json(); }).then(function (geojson) {
      var outline = handle.geoJson(geojson, { style: { color: '#1d2733', weight: 1, fillOpacity: 0.03 } }).addTo(map);
      if (markers.length > 0) {
        map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3));
      } else {
        map.fitBounds(outline.getBounds());
      }
    });
  }
})();
