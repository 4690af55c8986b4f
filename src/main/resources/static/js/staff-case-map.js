// The case page's map: the gazetteer's own layers (no tile server needed) and the case's point. Where the reader
// may confirm or correct the place, the pin can be dragged or a standard address picked; the hidden fields then
// hold the new point (WGS84) and the address read back from the gazetteer is shown.
(function () {
  var el = document.getElementById('case-map');
  if (!el || typeof L === 'undefined' || !window.PlacesMap) { return; }
  var has = el.dataset.lat && el.dataset.lon;
  var start = has ? [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)] : [34.86, 117.55];
  var handle = PlacesMap.attach(el, start, has ? 16 : 12);
  var map = handle.map;
  var form = document.getElementById('place-form');
  var marker = null;
  function show(lat, lon) {
    var at = handle.toMap(lat, lon);
    if (marker) { marker.setLatLng(at); return; }
    marker = form ? L.marker(at, { draggable: true }) : L.circleMarker(at, { radius: 8, color: '#1d2733', weight: 2,
      fillColor: '#b3261e', fillOpacity: 0.9 });
    marker.addTo(map);
    if (form) {
      marker.on('dragend', function () { var p = handle.fromMap(marker.getLatLng()); moved(p.lat, p.lon, null); });
    }
  }
  if (has) { show(start[0], start[1]); }
  if (!form) { return; }
  var lat = document.getElementById('place-lat');
  var lon = document.getElementById('place-lon');
  var label = document.getElementById('place-search');
  var said = document.getElementById('case-pin-address');
  function moved(wgsLat, wgsLon, picked) {
    lat.value = wgsLat.toFixed(6);
    lon.value = wgsLon.toFixed(6);
    show(wgsLat, wgsLon);
    if (picked) { said.textContent = picked; return; }
    PlacesMap.reverse(wgsLat, wgsLon).then(function (found) { said.textContent = found || ''; if (found) { label.value = found; } });
  }
  map.on('click', function (e) { var p = handle.fromMap(e.latlng); moved(p.lat, p.lon, null); });
  label.addEventListener('place-picked', function (e) {
    moved(e.detail.lat, e.detail.lon, e.detail.label);
    map.setView(handle.toMap(e.detail.lat, e.detail.lon), Math.max(map.getZoom(), 17));
  });
})();
