// The command map: blocks and posts, units coloured by status, open incidents, per-block counters and
// response-time figures; live through the push stream.
(function () {
  var root = document.getElementById('command');
  if (!root || typeof L === 'undefined' || !window.PlacesMap) { return; }
  var api = root.dataset.api;
  var mapEl = document.getElementById('command-map');
  // the application's own layer (roads with names, areas, named places) with the tiles, if any, and their datum
  var handle = PlacesMap.attach(mapEl, [34.86, 117.55], 12);
  var map = handle.map;
  var unitLayer = L.layerGroup().addTo(map);
  var incidentLayer = L.layerGroup().addTo(map);
  var COLOURS = { AVAILABLE: '#2e7d32', DISPATCHED: '#f9a825', ACKNOWLEDGED: '#ef6c00', EN_ROUTE: '#e65100',
    ON_SCENE: '#c62828', OUT_OF_SERVICE: '#757575' };
  var of = Dispatch.of;
  var legend = document.getElementById('legend');
  Object.keys(COLOURS).forEach(function (k) {
    var s = Dispatch.el('span', { 'class': 'swatch' }, '● ' + of('dispatch.unit.status', k) + ' ');
    s.style.color = COLOURS[k];
    legend.appendChild(s);
  });
  Dispatch.drawBlocks(handle, api + '/blocks');

  function units() {
    Dispatch.get(api + '/units').then(function (list) {
      unitLayer.clearLayers();
      list.filter(function (u) { return (u.onDuty || u.status !== 'AVAILABLE') && u.lat !== null; }).forEach(function (u) {
        L.circleMarker(handle.toMap(u.lat, u.lon), { radius: 7, weight: 2, color: '#1d2733', fillColor: COLOURS[u.status],
          fillOpacity: 0.95, className: 'unit-marker unit-' + u.code + ' status-' + u.status })
          .bindTooltip(u.callSign + ' ' + of('dispatch.unit.status', u.status) + (u.incidentNumber ? ' ' + u.incidentNumber : ''))
          .addTo(unitLayer);
      });
    });
  }

  function incidents() {
    Dispatch.get(api + '/incidents').then(function (list) {
      incidentLayer.clearLayers();
      // an incident not yet placed has no pin: the desk lists it and asks for its place
      list.filter(function (i) { return ['OPEN', 'DISPATCHED', 'ON_SCENE', 'DIVERTED'].indexOf(i.status) >= 0 && i.lat !== null; })
        .forEach(function (i) {
          L.marker(handle.toMap(i.lat, i.lon), { icon: L.divIcon({ className: 'incident-icon p' + i.priority, html: '▲',
            iconSize: [16, 16] }), title: i.number })
            .bindTooltip(i.number + ' P' + i.priority + ' ' + of('dispatch.incident.type', i.type) + ' '
              + of('dispatch.incident.status', i.status)).addTo(incidentLayer);
        });
    });
  }

  function counters() {
    Dispatch.get(api + '/counters').then(function (rows) {
      var body = document.querySelector('#counters tbody');
      body.innerHTML = '';
      rows.forEach(function (r) {
        var tr = Dispatch.el('tr', { 'data-block': r.code });
        tr.appendChild(Dispatch.el('td', {}, r.code + ' ' + r.name));
        tr.appendChild(Dispatch.el('td', { 'class': 'num free' }, String(r.free)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num busy' }, String(r.busy)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num oos' }, String(r.outOfService)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num open' }, String(r.openIncidents)));
        body.appendChild(tr);
      });
    });
  }

  function pair(m, p) {
    var f = function (s) { return s === null || s === undefined ? '—' : (s / 60).toFixed(1); };
    return f(m) + ' / ' + f(p);
  }

  function responseTimes() {
    Dispatch.get(api + '/response-times?days=30').then(function (r) {
      var body = document.querySelector('#response-times tbody');
      body.innerHTML = '';
      r.all.concat(r.byPriority, r.byBlock).forEach(function (f) {
        var tr = Dispatch.el('tr', { 'data-group': f.group });
        tr.appendChild(Dispatch.el('td', {}, f.group === 'ALL' ? of('dispatch.group', f.group) : f.group));
        tr.appendChild(Dispatch.el('td', { 'class': 'num' }, String(f.incidents)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num' }, pair(f.toDispatchMedian, f.toDispatchP90)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num' }, pair(f.toArrivalMedian, f.toArrivalP90)));
        tr.appendChild(Dispatch.el('td', { 'class': 'num' }, pair(f.totalMedian, f.totalP90)));
        body.appendChild(tr);
      });
    });
  }

  function refresh() { units(); incidents(); counters(); responseTimes(); }

  var pendingPositions = null;
  Dispatch.stream(api + '/stream', function (kind) {
    if (kind === 'position') {
      // GPS fixes come often: redraw the units at most once a second
      if (!pendingPositions) { pendingPositions = setTimeout(function () { pendingPositions = null; units(); }, 1000); }
      return;
    }
    refresh();
  }, refresh);
})();
