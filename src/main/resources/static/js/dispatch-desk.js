// The 110 desk: enter a call, see the ranked units with their reasons, dispatch with one click, divert to a
// linked agency; everything refreshes from the push stream.
(function () {
  var root = document.getElementById('desk');
  if (!root) { return; }
  var api = root.dataset.api;
  var canCommand = root.dataset.canCommand === 'true';
  var selected = null;
  var $ = function (id) { return document.getElementById(id); };

  // the location picker
  var map = null, pin = null;
  if (typeof L !== 'undefined') {
    var mapEl = $('desk-map');
    map = L.map(mapEl, { attributionControl: false }).setView([34.86, 117.55], 12);
    if (mapEl.dataset.tiles) { L.tileLayer(mapEl.dataset.tiles, { maxZoom: 19 }).addTo(map); }
    Dispatch.drawBlocks(map, api + '/blocks', function (geojson) {
      if (!$('call-lat').value && geojson.features.length) {
        $('call-lat').value = geojson.features[0].properties.postLat.toFixed(6);
        $('call-lon').value = geojson.features[0].properties.postLon.toFixed(6);
      }
    });
    map.on('click', function (e) {
      $('call-lat').value = e.latlng.lat.toFixed(6);
      $('call-lon').value = e.latlng.lng.toFixed(6);
      if (pin) { pin.setLatLng(e.latlng); } else { pin = L.circleMarker(e.latlng, { radius: 7, color: '#b3261e' }).addTo(map); }
    });
  }

  $('call-type').addEventListener('change', function () {
    var opt = this.options[this.selectedIndex];
    $('call-priority').value = opt.dataset.priority;
  });
  $('call-type').dispatchEvent(new Event('change'));

  $('call-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = {
      line: $('call-line').value, type: $('call-type').value, priority: parseInt($('call-priority').value, 10),
      summary: $('call-summary').value, address: $('call-address').value,
      lat: parseFloat($('call-lat').value), lon: parseFloat($('call-lon').value),
      callerName: $('call-name').value, callerPhone: $('call-phone').value, attachTo: $('call-attach').value || null
    };
    Dispatch.post(api + '/incidents', body).then(function (r) {
      $('call-result').textContent = (r.attached ? '已并入警情 ' : '已登记警情 ') + r.incident.number;
      $('call-summary').value = '';
      $('call-attach').value = '';
      selected = r.incident.number;
      refresh();
    }).catch(function (err) { $('call-result').textContent = err.message; });
  });

  function refresh() {
    Dispatch.get(api + '/incidents').then(renderList);
    Dispatch.get(api + '/messages').then(renderMessages);
    if (selected) { showDetail(selected); }
  }

  function renderList(list) {
    var body = $('incident-list').querySelector('tbody');
    body.innerHTML = '';
    list.forEach(function (i) {
      var tr = Dispatch.el('tr', { 'class': 'incident-row p' + i.priority + (i.number === selected ? ' selected' : ''),
        'data-number': i.number, 'data-status': i.status });
      tr.appendChild(Dispatch.el('td', {}, i.number));
      tr.appendChild(Dispatch.el('td', {}, String(i.priority)));
      tr.appendChild(Dispatch.el('td', {}, i.typeLabel));
      tr.appendChild(Dispatch.el('td', {}, i.blockCode || '—'));
      tr.appendChild(Dispatch.el('td', {}, i.statusLabel));
      tr.addEventListener('click', function () { selected = i.number; refresh(); });
      body.appendChild(tr);
    });
  }

  function renderMessages(list) {
    var ul = $('messages');
    ul.innerHTML = '';
    list.forEach(function (m) {
      ul.appendChild(Dispatch.el('li', { 'class': m.from_centre ? 'from-centre' : 'from-unit' },
        Dispatch.time(m.sent_at) + ' ' + m.unit_code + (m.from_centre ? ' ← 中心' : ' → 中心') + '：' + m.body));
    });
  }

  function showDetail(number) {
    Dispatch.get(api + '/incidents/' + encodeURIComponent(number)).then(function (d) {
      var i = d.incident;
      $('detail-empty').hidden = true;
      $('detail-body').hidden = false;
      $('incident-number').textContent = i.number;
      $('incident-status').textContent = i.statusLabel;
      $('incident-status').dataset.status = i.status;
      $('incident-summary').textContent = 'P' + i.priority + ' ' + i.typeLabel + ' · ' + i.summary + ' · ' + (i.address || '')
        + ' · ' + (i.callerName || '') + ' ' + (i.callerPhone || '') + (i.calls > 1 ? ' · 来电 ' + i.calls + ' 次' : '')
        + (i.caseNumber ? ' · 联动工单 ' + i.caseNumber + ' ' + (i.linkageDepartment || '') + ' ' + (i.linkageStatus || '') : '');
      stamps(i);
      units(i);
      log(d.log);
      var open = i.status === 'OPEN' || i.status === 'DISPATCHED' || i.status === 'ON_SCENE';
      $('divert-submit').disabled = !canCommand || i.status !== 'OPEN';
      $('cancel-submit').disabled = !canCommand || !(i.status === 'OPEN' || i.status === 'DISPATCHED');
      if (open) {
        Dispatch.get(api + '/incidents/' + encodeURIComponent(number) + '/recommendations').then(recommendations);
      } else {
        recommendations({ ranked: [], excluded: [], model: '' });
      }
    });
  }

  function stamps(i) {
    var dl = $('incident-stamps');
    dl.innerHTML = '';
    [['接警', i.receivedAt], ['录入', i.enteredAt], ['派警', i.firstDispatchedAt], ['出发', i.firstEnrouteAt],
     ['到场', i.firstOnsceneAt], ['处置完毕', i.clearedAt], ['撤销', i.cancelledAt], ['分流', i.divertedAt],
     ['联动办结', i.closedAt]].forEach(function (s) {
      if (s[1]) { dl.appendChild(Dispatch.el('dt', {}, s[0])); dl.appendChild(Dispatch.el('dd', {}, Dispatch.time(s[1]))); }
    });
  }

  function units(i) {
    var ul = $('incident-units');
    ul.innerHTML = '';
    i.units.forEach(function (a) {
      var state = a.cancelledAt ? '已撤回' : a.clearedAt ? '处置完毕' : a.onsceneAt ? '到场' : a.enrouteAt ? '途中'
        : a.acknowledgedAt ? '已接令' : '已派';
      var li = Dispatch.el('li', { 'data-unit': a.unitCode }, a.unitCode + ' · ' + state
        + (i.commanderUnit === a.unitCode ? ' · 现场指挥' : ''));
      if (canCommand && !a.cancelledAt && !a.clearedAt) {
        if (i.commanderUnit !== a.unitCode) {
          var c = Dispatch.el('button', { type: 'button', 'class': 'small secondary' }, '设为现场指挥');
          c.addEventListener('click', function () { act('/commander', { unit: a.unitCode }); });
          li.appendChild(c);
        }
        if (!a.onsceneAt) {
          var r = Dispatch.el('button', { type: 'button', 'class': 'small secondary' }, '撤回');
          r.addEventListener('click', function () { act('/recall', { unit: a.unitCode, reason: '调度员撤回' }); });
          li.appendChild(r);
        }
      }
      ul.appendChild(li);
    });
  }

  function log(rows) {
    var ol = $('incident-log');
    ol.innerHTML = '';
    rows.forEach(function (r) {
      ol.appendChild(Dispatch.el('li', {}, Dispatch.time(r.occurred_at) + ' ' + r.action + ' ' + (r.to_status || '')
        + ' · ' + r.actor + (r.note ? ' · ' + r.note : '')));
    });
  }

  function recommendations(rec) {
    $('rec-model').textContent = rec.model ? '行程模型：' + rec.model : '';
    var body = $('recommendations').querySelector('tbody');
    body.innerHTML = '';
    rec.ranked.slice(0, 8).forEach(function (r) {
      var tr = Dispatch.el('tr', { 'class': 'rec', 'data-unit': r.unitCode });
      tr.appendChild(Dispatch.el('td', {}, String(r.rank)));
      tr.appendChild(Dispatch.el('td', {}, r.callSign + ' (' + r.unitCode + ')'));
      tr.appendChild(Dispatch.el('td', {}, r.blockCode));
      tr.appendChild(Dispatch.el('td', {}, Dispatch.minutes(r.seconds)));
      tr.appendChild(Dispatch.el('td', {}, (r.metres / 1000).toFixed(2) + ' km'));
      tr.appendChild(Dispatch.el('td', {}, r.why));
      var td = Dispatch.el('td');
      var b = Dispatch.el('button', { type: 'button', 'class': 'dispatch-btn', 'data-unit': r.unitCode }, '派警');
      b.disabled = !canCommand;
      b.addEventListener('click', function () { act('/dispatch', { unit: r.unitCode }); });
      td.appendChild(b);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    var ul = $('excluded');
    ul.innerHTML = '';
    rec.excluded.filter(function (x) { return x.reason.indexOf('不在班') < 0; }).forEach(function (x) {
      ul.appendChild(Dispatch.el('li', {}, x.callSign + ' (' + x.unitCode + ')：' + x.reason));
    });
  }

  function act(path, body) {
    if (!selected) { return; }
    Dispatch.post(api + '/incidents/' + encodeURIComponent(selected) + path, body).then(refresh)
      .catch(function (err) { $('call-result').textContent = err.message; });
  }

  $('divert-submit').addEventListener('click', function () {
    act('/divert', { agency: $('divert-agency').value || null, note: $('divert-note').value });
  });
  $('cancel-submit').addEventListener('click', function () { act('/cancel', { reason: '调度员撤销' }); });

  Dispatch.get(api + '/agencies').then(function (list) {
    list.forEach(function (a) { $('divert-agency').appendChild(Dispatch.el('option', { value: a.code }, a.name)); });
  });

  Dispatch.stream(api + '/stream', function (kind) {
    if (kind === 'position') { return; }
    refresh();
  }, refresh);
})();
