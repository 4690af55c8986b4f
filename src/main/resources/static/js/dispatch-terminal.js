// The unit's phone: orders arrive by push; the buttons report status with the phone's position (browser
// geolocation when allowed, else the last known one); messages go to the centre.
(function () {
  var root = document.getElementById('terminal');
  if (!root) { return; }
  var api = root.dataset.api;
  var $ = function (id) { return document.getElementById(id); };
  var lastPosition = null;
  var ALLOWED = { AVAILABLE: [], DISPATCHED: ['ACKNOWLEDGE', 'EN_ROUTE'], ACKNOWLEDGED: ['EN_ROUTE', 'ARRIVE'],
    EN_ROUTE: ['ARRIVE'], ON_SCENE: ['CLEAR'], OUT_OF_SERVICE: [] };

  function render(t) {
    var u = t.unit;
    $('unit-status').textContent = u.statusLabel;
    $('unit-status').dataset.status = u.status;
    $('unit-officers').textContent = u.officers.map(function (o) { return o.name + '（' + o.kind + '）'; }).join('、');
    if (u.lat !== null) {
      lastPosition = { lat: u.lat, lon: u.lon };
      $('unit-position').textContent = '位置 ' + u.lat.toFixed(5) + ', ' + u.lon.toFixed(5);
    }
    var o = t.order;
    $('order').hidden = !o;
    $('no-order').hidden = !!o;
    if (o) {
      $('order-number').textContent = o.number;
      $('order-priority').textContent = 'P' + o.priority;
      $('order-type').textContent = o.typeLabel;
      $('order-summary').textContent = o.summary;
      $('order-address').textContent = (o.address || '') + ' (' + o.lat.toFixed(5) + ', ' + o.lon.toFixed(5) + ')';
      $('order-commander').hidden = !t.commander;
    }
    document.querySelectorAll('.terminal-buttons button').forEach(function (b) {
      b.disabled = (ALLOWED[u.status] || []).indexOf(b.dataset.action) < 0;
    });
  }

  function refresh() {
    Dispatch.get(api).then(render);
    Dispatch.get(api + '/messages').then(function (list) {
      var ul = $('terminal-messages');
      ul.innerHTML = '';
      list.forEach(function (m) {
        ul.appendChild(Dispatch.el('li', {}, Dispatch.time(m.sent_at) + (m.from_centre ? ' 中心：' : ' 本组：') + m.body));
      });
    });
  }

  function withPosition(then) {
    if (!navigator.geolocation) { then(lastPosition); return; }
    var done = false;
    var fallback = setTimeout(function () { if (!done) { done = true; then(lastPosition); } }, 1500);
    navigator.geolocation.getCurrentPosition(function (p) {
      if (done) { return; }
      done = true; clearTimeout(fallback);
      then({ lat: p.coords.latitude, lon: p.coords.longitude });
    }, function () { if (!done) { done = true; clearTimeout(fallback); then(lastPosition); } }, { timeout: 1200 });
  }

  document.querySelectorAll('.terminal-buttons button').forEach(function (b) {
    b.addEventListener('click', function () {
      withPosition(function (p) {
        Dispatch.post(api + '/status', { action: b.dataset.action, lat: p ? p.lat : null, lon: p ? p.lon : null })
          .then(function (t) { $('terminal-result').textContent = b.textContent + ' ✓'; render(t); })
          .catch(function (err) { $('terminal-result').textContent = err.message; });
      });
    });
  });

  $('msg-send').addEventListener('click', function () {
    Dispatch.post(api + '/messages', { body: $('msg-body').value }).then(function () {
      $('msg-body').value = '';
      refresh();
    }).catch(function (err) { $('terminal-result').textContent = err.message; });
  });

  Dispatch.stream(api + '/stream', function (kind) {
    if (kind === 'order' && navigator.vibrate) { navigator.vibrate(300); }
    refresh();
  }, refresh);
})();
