// The report form's place: the gazetteer's own map (no tile server needed), an address search with suggestions as
// one types, "use my location" (the browser's geolocation, WGS84) and a click on the map; wherever the pin comes
// from, its address is read back from the gazetteer and shown beside the map. The hidden fields hold WGS84.
(function () {
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined' || !window.PlacesMap) { return; }
  var handle = PlacesMap.attach(el, [34.86, 117.55], 12);
  var map = handle.map;
  var marker = null;
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var shown = document.getElementById('pin-address');
  var address = document.getElementById('address');
  function pin(wgsLat, wgsLon, label) {
    var at = handle.toMap(wgsLat, wgsLon);
    if (marker) { marker.setLatLng(at); } else { marker = L.marker(at).addTo(map); }
    lat.value = wgsLat.toFixed(6);
    lon.value = wgsLon.toFixed(6);
    if (label) { shown.textContent = label; return; }
    shown.textContent = '…';
    PlacesMap.reverse(wgsLat, wgsLon).then(function (found) {
      if (lat.value === wgsLat.toFixed(6) && lon.value === wgsLon.toFixed(6)) {
        shown.textContent = found || shown.dataset.none;
      }
    });
  }
  map.on('click', function (e) { var p = handle.fromMap(e.latlng); pin(p.lat, p.lon); });
  address.addEventListener('place-picked', function (e) {
    var c = e.detail;
    pin(c.lat, c.lon, c.label);
    map.setView(handle.toMap(c.lat, c.lon), Math.max(map.getZoom(), 17));
  });
  document.getElementById('use-my-location').addEventListener('click', function (e) {
    var button = e.target;
    if (!navigator.geolocation) { shown.textContent = button.dataset.failed; return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      pin(position.coords.latitude, position.coords.longitude);
      map.setView(handle.toMap(position.coords.latitude, position.coords.longitude), 17);
    }, function () { shown.textContent = button.dataset.failed; }, { enableHighAccuracy: true, timeout: 10000 });
  });
  if (lat.value && lon.value) {
    pin(parseFloat(lat.value), parseFloat(lon.value));
    map.setView(handle.toMap(parseFloat(lat.value), parseFloat(lon.value)), 16);
  }
})();
