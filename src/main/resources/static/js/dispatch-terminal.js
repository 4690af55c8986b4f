// The unit's phone: orders arrive by push; the buttons report status with the phone's position (browser
// geolocation when allowed, else the last known one); messages go to the centre. The duty line says whether the
// roster has the unit's crew on duty now (an off-duty unit is never offered an order) and when its shift is.
(function () {
  var root = document.getElementById('terminal');
  if (!root) { return; }
  var api = root.dataset.api;
  var $ = function (id) { return document.getElementById(id); };
  var L_ = Dispatch.label, of = Dispatch.of;
  var lastPosition = null;
  var ALLOWED = { AVAILABLE: [], DISPATCHED: ['ACKNOWLEDGE', 'EN_ROUTE'], ACKNOWLEDGED: ['EN_ROUTE', 'ARRIVE'],
    EN_ROUTE: ['ARRIVE'], ON_SCENE: ['CLEAR'], OUT_OF_SERVICE: [] };
  var KINDS = { '特警': 'swat', '交警': 'traffic', '派出所民警': 'station' };

  function render(t) {
    var u = t.unit, d = t.duty;
    // a free unit of a resting crew is not "available": the desk is never offered it
    var offDuty = !u.onDuty && u.status === 'AVAILABLE';
    $('unit-status').textContent = offDuty ? L_('dispatch.unit.offDuty') : of('dispatch.unit.status', u.status);
    $('unit-status').dataset.status = u.status;
    $('unit-status').dataset.duty = u.onDuty ? 'on' : 'off';
    $('unit-duty').textContent = L_(d.onDuty ? 'dispatch.duty.on' : 'dispatch.duty.next', of('dispatch.shift', d.shift),
      CivicTime.at(d.starts), CivicTime.at(d.ends));
    $('unit-duty').dataset.duty = d.onDuty ? 'on' : 'off';
    $('unit-officers').textContent = u.officers.map(function (o) {
      return o.name + ' (' + (KINDS[o.kind] ? L_('dispatch.officer.' + KINDS[o.kind]) : o.kind) + ')';
    }).join(', ');
    if (u.lat !== null) {
      lastPosition = { lat: u.lat, lon: u.lon };
      $('unit-position').textContent = L_('dispatch.position', u.lat.toFixed(5), u.lon.toFixed(5));
    }
    var o = t.order;
    $('order').hidden = !o;
    $('no-order').hidden = !!o;
    if (o) {
      $('order-number').textContent = o.number;
      $('order-priority').textContent = 'P' + o.priority;
      $('order-type').textContent = of('dispatch.incident.type', o.type);
      $('order-received').textContent = L_('dispatch.order.received', CivicTime.at(o.receivedAt));
      $('order-summary').textContent = o.summary;
      $('order-address').textContent = (o.address || '')
        + (o.lat === null ? '' : ' (' + o.lat.toFixed(5) + ', ' + o.lon.toFixed(5) + ')');
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
        ul.appendChild(Dispatch.el('li', {}, CivicTime.at(m.sent_at) + ' '
          + L_(m.from_centre ? 'dispatch.msg.centre' : 'dispatch.msg.own') + L_('dispatch.colon') + m.body));
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
          .then(function (t) { $('terminal-result').textContent = L_('dispatch.done', b.textContent); render(t); })
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
