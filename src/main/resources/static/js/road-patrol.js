// The road pages' position: the phone's (browser geolocation) on a map of the district and of the chief's
// segments, drawn from our own data with no tile server unless the district configured its own. Where the phone
// cannot be located, a tap on the map sets the position. The position fills the issue form (and the form that
// records a position by hand); while a patrol runs it is sent every 30 s as a track point with the page's CSRF
// token. Texts come from the page (message bundles), times are written by CivicTime (Asia/Shanghai).
(function () {
  'use strict';
  var el = document.getElementById('road-map');
  var data = el ? el.dataset : {};
  var state = document.getElementById('gps-state');
  var road = document.getElementById('position-road');
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  var map = null, handle = null, marker = null, halo = null, lastSent = 0, lastSnap = 0;

  function msg(name, args) {
    var text = data[name] || '';
    (args || []).forEach(function (a, i) { text = text.split('{' + i + '}').join(String(a)); });
    return text;
  }

  function say(text) {
    if (state) { state.textContent = text; }
  }

  // A field the chief typed in is his: the phone's next fix does not overwrite it, a tap on the map does.
  ['issue-lat', 'issue-lon', 'pos-lat', 'pos-lon'].forEach(function (id) {
    var f = document.getElementById(id);
    if (f) { f.addEventListener('input', function () { f.dataset.typed = 'true'; }); }
  });

  function fill(lat, lon, tapped) {
    [['issue-lat', lat], ['issue-lon', lon], ['pos-lat', lat], ['pos-lon', lon]].forEach(function (p) {
      var f = document.getElementById(p[0]);
      if (f && (tapped || !f.dataset.typed)) {
        f.value = p[1].toFixed(6);
        delete f.dataset.typed;
      }
    });
  }

  function show(lat, lon, accuracy) {
    if (!map) { return; }
    var at = handle.toMap(lat, lon);
    if (marker) {
      marker.setLatLng(at);
    } else {
      marker = L.circleMarker(at, { radius: 8, color: '#fff', weight: 2, fillColor: '#1565c0', fillOpacity: 1 })
        .addTo(map);
    }
    if (halo) { map.removeLayer(halo); halo = null; }
    if (accuracy) {
      halo = L.circle(at, { radius: accuracy, color: '#1565c0', weight: 1, fillOpacity: 0.08, interactive: false })
        .addTo(map);
    }
  }

  function snap(lat, lon, now) {
    if (!data.snap || !road || (!now && Date.now() - lastSnap < 10000)) { return; }
    lastSnap = Date.now();
    fetch(data.snap + '?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6), { credentials: 'same-origin' })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (s) {
        road.textContent = s ? msg('msgOnRoad', [s.roadName + ' ' + s.segmentCode, Math.round(s.distanceMetres)])
          : msg('msgOffRoad');
      })
      .catch(function () { /* the next position asks again */ });
  }

  function send(lat, lon, time) {
    if (!data.track || Date.now() - lastSent < 30000) { return; }
    lastSent = Date.now();
    var headers = { 'Content-Type': 'application/json' };
    if (token && header && header.content) { headers[header.content] = token.content; }
    fetch(data.track, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify([{ lat: lat, lon: lon, recordedAt: new Date(time).toISOString() }])
    }).then(function (r) { return r.status === 200 ? r.json() : null; }).then(function (a) {
      var points = document.getElementById('patrol-points');
      var segments = document.getElementById('patrol-segments');
      if (a && points) { points.textContent = String(Number(points.textContent) + a.accepted); }
      if (a && segments && a.segments.length) {
        var seen = segments.textContent ? segments.textContent.split(', ') : [];
        a.segments.forEach(function (s) { if (seen.indexOf(s) < 0) { seen.push(s); } });
        segments.textContent = seen.join(', ');
      }
    }).catch(function () { /* the next position tries again */ });
  }

  function located(position) {
    var c = position.coords;
    var first = !marker;
    fill(c.latitude, c.longitude, false);
    show(c.latitude, c.longitude, c.accuracy);
    if (map && first) { map.setView(handle.toMap(c.latitude, c.longitude), Math.max(map.getZoom(), 16)); }
    say(msg('msgLocated', [window.CivicTime ? CivicTime.at(position.timestamp) : '', Math.round(c.accuracy)]));
    snap(c.latitude, c.longitude, first);
    send(c.latitude, c.longitude, position.timestamp);
  }

  function unavailable() {
    say(msg('msgDenied'));
    if (state) { state.setAttribute('data-gps', 'unavailable'); }
  }

  if (el && typeof L !== 'undefined' && window.PlacesMap) {
    // the application's own layer (roads with names, areas, named places) with the tiles, if any, and their datum:
    // every point drawn goes through handle.toMap, a tap comes back through handle.fromMap (WGS84 is what is sent)
    handle = PlacesMap.attach(el, [34.86, 117.60], 11);
    map = handle.map;
    var own = [];
    JSON.parse(data.segments || '[]').forEach(function (s) {
      var line = L.polyline(s.line.map(function (p) { return handle.toMap(p[0], p[1]); }), { color: s.own ? '#1565c0' : '#78909c', weight: s.own ? 6 : 4, opacity: 0.85 })
        .bindTooltip(s.label).addTo(map);
      if (s.own) { own.push(line); }
    });
    if (own.length) { map.fitBounds(L.featureGroup(own).getBounds(), { padding: [24, 24] }); }
    map.on('click', function (e) {
      var p = handle.fromMap(e.latlng);
      fill(p.lat, p.lon, true);
      show(p.lat, p.lon, 0);
      say(msg('msgPicked'));
      snap(p.lat, p.lon, true);
    });
    fetch(data.areas).then(function (r) { return r.json(); }).then(function (geojson) {
      var areas = handle.geoJson(geojson, {
        style: { color: '#b3261e', weight: 1, fillOpacity: 0.03 },
        onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }
      }).addTo(map);
      areas.bringToBack();
      if (!own.length && !marker) { map.fitBounds(areas.getBounds()); }
    });
  }

  if (navigator.geolocation) {
    say(msg('msgLocating'));
    navigator.geolocation.watchPosition(located, unavailable, { enableHighAccuracy: true, maximumAge: 10000, timeout: 20000 });
  } else {
    unavailable();
  }
})();
