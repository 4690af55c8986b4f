// Road patrol page: while a patrol runs and the browser can locate the phone, post the position every 30 s
// (with the page's CSRF token) and fill the issue form's position; without geolocation the chief types it in.
(function () {
  var running = document.getElementById('patrol-running');
  var state = document.getElementById('gps-state');
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  var last = 0;

  function fill(lat, lon) {
    ['issue-lat', 'pos-lat'].forEach(function (id) { var e = document.getElementById(id); if (e && !e.value) { e.value = lat.toFixed(6); } });
    ['issue-lon', 'pos-lon'].forEach(function (id) { var e = document.getElementById(id); if (e && !e.value) { e.value = lon.toFixed(6); } });
  }

  function send(position) {
    var lat = position.coords.latitude, lon = position.coords.longitude;
    fill(lat, lon);
    if (!running || Date.now() - last < 30000) { return; }
    last = Date.now();
    var headers = { 'Content-Type': 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    fetch(running.getAttribute('data-patrol') ? '/roads/patrol/track' : '', {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify([{ lat: lat, lon: lon, recordedAt: new Date(position.timestamp).toISOString() }])
    }).then(function (r) { return r.ok && r.status === 200 ? r.json() : null; }).then(function (a) {
      var points = document.getElementById('patrol-points');
      if (a && points) { points.textContent = String(Number(points.textContent) + a.accepted); }
      if (a && a.segments.length) { document.getElementById('patrol-segments').textContent = a.segments.join(', '); }
    }).catch(function () { /* the next position tries again */ });
  }

  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(send, function () {
      if (state) { state.setAttribute('data-gps', 'unavailable'); }
    }, { enableHighAccuracy: true, maximumAge: 10000, timeout: 20000 });
  }
})();
