// The case page's map: the district's streets from our own GeoJSON (no tile server) and the case's point.
(function () {
  var el = document.getElementById('case-map');
  if (!el || typeof L === 'undefined') { return; }
  var point = L.latLng(parseFloat(el.dataset.lat), parseFloat(el.dataset.lon));
  var map = L.map(el, { attributionControl: false }).setView(point, 13);
  // tiles only when the district configured its own server (civicloop.map.tile-url)
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
  L.circleMarker(point, { radius: 8, color: '#1d2733', weight: 2, fillColor: '#b3261e', fillOpacity: 0.9 })
    .addTo(map);
  fetch(el.dataset.areas).then(function (r) { return r.json(); }).then(function (geojson) {
    L.geoJSON(geojson, {
      style: { color: '#b3261e', weight: 1, fillOpacity: 0.05 },
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }
    }).addTo(map);
    map.setView(point, 13);
  });
})();
