// The report form's map: the district's areas drawn from our own GeoJSON, no tile server; a click sets the pin.
(function () {
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var map = L.map(el, { attributionControl: false }).setView([34.86, 117.60], 11);
  // tiles only when the district configured its own server (civicloop.map.tile-url)
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
  var marker = null;
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  function place(latlng) {
    if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
  }
  map.on('click', function (e) { place(e.latlng); });
  fetch(el.dataset.areas).then(function (r) { return r.json(); }).then(function (geojson) {
    var layer = L.geoJSON(geojson, {
      style: { color: '#b3261e', weight: 1, fillOpacity: 0.05 },
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    if (lat.value && lon.value) { place(L.latLng(parseFloat(lat.value), parseFloat(lon.value))); }
  });
})();
