// Shared by the 110 desk, the command map and the unit terminal: JSON calls with the page's CSRF token, the
// push stream (Server-Sent Events) that re-fetches the state whenever it (re)connects, the page's labels (from the
// dispatch message bundle, in the page's language) and small helpers. Times are written by CivicTime (civic-time.js).
var Dispatch = (function () {
  var labels = {};
  var holder = document.querySelector('[data-labels]');
  if (holder) { try { labels = JSON.parse(holder.dataset.labels); } catch (e) { labels = {}; } }

  // label('dispatch.calls', 3) → "来电 3 次"; a missing key shows as itself, so a test can spot it
  function label(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key;
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : String(args[i]); });
  }
  // the label of an enum value, e.g. of('dispatch.incident.status', 'OPEN'); '' for none
  function of(prefix, code) { return code ? label(prefix + '.' + code) : ''; }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token && header && token.content && header.content) { h[header.content] = token.content; }
    return h;
  }
  function handle(r) {
    return r.text().then(function (t) {
      var body = t ? JSON.parse(t) : null;
      // a problem's detail is in the page's language already: the server reads the page's choice
      if (!r.ok) { throw new Error((body && (body.detail || body.title)) || ('HTTP ' + r.status)); }
      return body;
    });
  }
  function get(url) { return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' }).then(handle); }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: csrf(), credentials: 'same-origin', body: JSON.stringify(body || {}) })
      .then(handle);
  }
  // EventSource reconnects by itself; every (re)connection triggers a full refresh, so a missed event costs nothing.
  function stream(url, onEvent, refresh) {
    var es = new EventSource(url);
    var indicator = document.getElementById('live');
    es.onopen = function () { if (indicator) { indicator.className = 'live on'; } refresh(); };
    es.onerror = function () { if (indicator) { indicator.className = 'live off'; } };
    ['hello', 'incident', 'unit', 'order', 'recalled', 'message', 'position'].forEach(function (kind) {
      es.addEventListener(kind, function (e) { onEvent(kind, JSON.parse(e.data)); });
    });
    // the server may have missed pushes of another instance (its LISTEN connection was re-established)
    es.addEventListener('resync', function () { refresh(); });
    return es;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function minutes(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    return label('dispatch.minutes', (seconds / 60).toFixed(1));
  }
  // the blocks and their posts on a map made by PlacesMap.attach (handle: the map and its projection)
  function drawBlocks(handle, url, done) {
    var map = handle.map;
    get(url).then(function (geojson) {
      var layer = handle.geoJson(geojson, {
        style: { color: '#1f4e79', weight: 2, fillOpacity: 0.06 },
        onEachFeature: function (f, l) { l.bindTooltip(f.properties.code + ' ' + f.properties.name); }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      geojson.features.forEach(function (f) {
        L.marker(handle.toMap(f.properties.postLat, f.properties.postLon), {
          icon: L.divIcon({ className: 'post-icon', html: '★', iconSize: [14, 14] }), title: f.properties.post,
          interactive: false
        }).addTo(map);
      });
      if (done) { done(geojson); }
    });
  }
  return { get: get, post: post, stream: stream, el: el, label: label, of: of, minutes: minutes,
    drawBlocks: drawBlocks };
})();
