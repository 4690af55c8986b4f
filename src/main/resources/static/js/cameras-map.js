// The camera registry's map: the gazetteer's own layers (places-map.js) and every camera of the registry as a dot
// coloured by status, from the GeoJSON export.
(function () {
  var el = document.getElementById('camera-map');
  if (!el || typeof L === 'undefined' || !window.PlacesMap) { return; }
  var m = window.PlacesMap.attach(el, [34.84, 117.55], 13);
  var colour = { ONLINE: '#2e7d32', OFFLINE: '#b3261e', MAINTENANCE: '#f9a825' };
  fetch(el.dataset.source, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data) { return; }
      data.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        L.circleMarker(m.toMap(c[1], c[0]), { radius: 4, weight: 1, color: '#333',
          fillColor: colour[p.status] || '#555', fillOpacity: 0.9, className: 'camera-dot' })
          .bindTooltip(p.code + ' ' + p.name).addTo(m.map);
      });
    }).catch(function () { /* the list stays usable without the map */ });
})();
