// The gazetteer's own map layers, readable with no tile server: area boundaries, named roads, named places and, at
// street zoom, doorplates (GET /api/v1/places/layer, by box and zoom, simplified by the server). Optional tiles
// (civicloop.places.tiles.*) are drawn under them. GCJ-02 tiles are offset from our WGS84 data: then the server
// shifts the layer (datum=GCJ02), toMap() shifts our points onto the tiles and fromMap() shifts a picked point back
// (the same formula as the geo module's ChinaDatum), so that what is stored is always WGS84. Every map of the
// application (report, case, cameras, 110 desk, command map, dashboard, public board, opinion board, road chiefs)
// is made by attach() and draws its pins through the handle's toMap().
(function () {
  if (typeof L === 'undefined') { return; }
  var A = 6378245.0, EE = 0.00669342162296594323;

  function outside(lat, lon) { return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271; }
  function shiftNorth(x, y) {
    var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }
  function shiftEast(x, y) {
    var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
  function offset(lat, lon) {
    var x = lon - 105.0, y = lat - 35.0, rad = lat / 180.0 * Math.PI;
    var magic = 1 - EE * Math.sin(rad) * Math.sin(rad), sqrtMagic = Math.sqrt(magic);
    return [(shiftNorth(x, y) * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI),
      (shiftEast(x, y) * 180.0) / (A / sqrtMagic * Math.cos(rad) * Math.PI)];
  }
  function toGcj02(lat, lon) {
    if (outside(lat, lon)) { return [lat, lon]; }
    var d = offset(lat, lon);
    return [lat + d[0], lon + d[1]];
  }
  // the offset has no closed inverse: iterate the forward formula (sub-millimetre after a few rounds)
  function toWgs84(lat, lon) {
    if (outside(lat, lon)) { return [lat, lon]; }
    var la = lat, lo = lon;
    for (var i = 0; i < 30; i++) {
      var d = offset(la, lo), eLat = la + d[0] - lat, eLon = lo + d[1] - lon;
      la -= eLat; lo -= eLon;
      if (Math.abs(eLat) < 1e-10 && Math.abs(eLon) < 1e-10) { break; }
    }
    return [la, lo];
  }

  var AREA = { STREET: 1, COMMUNITY: 1, GRID: 1 };
  function style(f) {
    var level = f.properties.level;
    // L.geoJSON styles the points too, before they are drawn: their own look (and class) comes from pointToLayer
    if (f.geometry && f.geometry.type === 'Point') {
      return {};
    }
    if (AREA[level]) {
      return { color: '#b3261e', weight: level === 'GRID' ? 0.5 : 1, dashArray: level === 'STREET' ? null : '3 3',
        fillOpacity: 0.03, className: 'places-area' };
    }
    return { color: '#8d6e3f', weight: 3, opacity: 0.85, className: 'places-road' };
  }

  // Draws the gazetteer's layer on a map and keeps it current as the map moves; datum 'GCJ02' over GCJ-02 tiles.
  // Every map of the application gets it through attach(), with the datum of its tiles.
  function vectorLayer(map, datum, base) {
    var group = L.layerGroup().addTo(map), asked = 0;
    datum = datum || 'WGS84';
    function wgs(lat, lon) { return datum === 'GCJ02' ? toWgs84(lat, lon) : [lat, lon]; }
    function refresh() {
      var b = map.getBounds(), zoom = Math.round(map.getZoom());
      var sw = wgs(b.getSouth(), b.getWest()), ne = wgs(b.getNorth(), b.getEast());
      // the server answers boxes up to one degree: a wider view asks for its middle
      var midLat = (sw[0] + ne[0]) / 2, midLon = (sw[1] + ne[1]) / 2;
      var box = [Math.max(sw[1], midLon - 0.49), Math.max(sw[0], midLat - 0.49), Math.min(ne[1], midLon + 0.49),
        Math.min(ne[0], midLat + 0.49)].map(function (v) { return v.toFixed(5); }).join(',');
      var mine = ++asked;
      fetch((base || '/api/v1/places/layer') + '?zoom=' + zoom + '&datum=' + datum + '&bbox=' + box,
        { headers: { Accept: 'application/geo+json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer || mine !== asked) { return; }
          group.clearLayers();
          L.geoJSON(answer, {
            style: style,
            pointToLayer: function (f, latlng) {
              var place = f.properties.level === 'PLACE';
              return L.circleMarker(latlng, { radius: place ? 5 : 2, weight: 1, color: place ? '#0d47a1' : '#555',
                fillColor: place ? '#1e88e5' : '#999', fillOpacity: 0.9,
                className: 'places-' + f.properties.level.toLowerCase() });
            },
            onEachFeature: function (f, l) {
              var level = f.properties.level;
              var always = (level === 'ROAD' && zoom >= 15) || (level === 'PLACE' && zoom >= 16)
                || ((level === 'DOORPLATE' || level === 'GATE') && zoom >= 18);
              l.bindTooltip(f.properties.name, { permanent: always, direction: AREA[level] ? 'auto' : 'center',
                className: 'places-label', opacity: 0.85 });
            }
          }).addTo(group);
          group.eachLayer(function (l) { if (l.bringToBack) { l.bringToBack(); } });
        }).catch(function () { /* the map stays usable without the layer */ });
    }
    map.on('moveend', refresh);
    refresh();
    return group;
  }

  // The datum of a map element's tiles: GCJ-02 only when it draws tiles declared so (data-tiles-crs).
  function datumOf(el) { return el.dataset.tiles && el.dataset.tilesCrs === 'GCJ02' ? 'GCJ02' : 'WGS84'; }

  // The one projection every map draws its pins with. Our data are WGS84; over GCJ-02 tiles every point is shifted
  // onto the tiles (toMap), a point picked on the map is shifted back (fromMap) and WGS84 GeoJSON (areas, blocks)
  // is drawn shifted (geoJson), so pins, areas and the gazetteer's layer stay on the same spot of the tiles.
  function projection(datum) {
    var gcj = datum === 'GCJ02';
    function toMap(lat, lon) { return L.latLng(gcj ? toGcj02(lat, lon) : [lat, lon]); }
    function fromMap(latlng) {
      var p = gcj ? toWgs84(latlng.lat, latlng.lng) : [latlng.lat, latlng.lng];
      return { lat: p[0], lon: p[1] };
    }
    function geoJson(data, options) {
      var o = L.extend({}, options || {});
      if (gcj) { o.coordsToLatLng = function (c) { return toMap(c[1], c[0]); }; }
      return L.geoJSON(data, o);
    }
    return { datum: datum, toMap: toMap, fromMap: fromMap, geoJson: geoJson };
  }

  // A map in el with the configured tiles (data-tiles, data-tiles-crs) and the gazetteer's layer; the handle gives
  // the map and its projection (toMap, fromMap, geoJson), which every pin, click and GeoJSON layer goes through.
  function attach(el, centre, zoom) {
    var p = projection(datumOf(el));
    var start = centre || [34.86, 117.55];
    var map = L.map(el, { attributionControl: false }).setView(p.toMap(start[0], start[1]), zoom || 12);
    if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
    vectorLayer(map, p.datum);
    return L.extend({ map: map }, p);
  }

  // The pin's address, read back from the gazetteer (WGS84 point); resolves to the label or null.
  function reverse(lat, lon) {
    return fetch('/api/v1/places/reverse?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6),
      { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (a) { return a && a.found ? a.place.label : null; })
      .catch(function () { return null; });
  }

  window.PlacesMap = { attach: attach, projection: projection, vectorLayer: vectorLayer, reverse: reverse,
    toGcj02: toGcj02, toWgs84: toWgs84 };
})();
