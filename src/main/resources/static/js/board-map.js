// The public board's map: the district's streets from our own GeoJSON, shaded by the open cases published there.
(function () {
  var el = document.getElementById('board-map');
  if (!el || typeof L === 'undefined' || !window.PlacesMap) { return; }
  var counts = JSON.parse(el.dataset.counts || '{}');
  var max = 1;
  Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
  // the application's own layer (roads with names, named places) under the shaded streets: no tile server needed
  var handle = PlacesMap.attach(el, [34.86, 117.60], 11);
  var map = handle.map;
  fetch(el.dataset.areas).then(function (r) { return r.json(); }).then(function (geojson) {
    var layer = handle.geoJson(geojson, {
      style: function (f) {
        var n = counts[f.properties.code] || 0;
        return { color: '#b3261e', weight: 1, fillColor: '#b3261e', fillOpacity: 0.05 + 0.6 * n / max };
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(f.properties.name + ' · ' + el.dataset.label + ' ' + (counts[f.properties.code] || 0));
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
  });
})();
