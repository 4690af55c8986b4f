// The 110 desk: enter a call, place it (a click on the map or typed coordinates), see the ranked units with their
// reasons, dispatch with one click, divert to a linked agency; everything refreshes from the push stream. Every
// word comes from the page's labels (Dispatch.label), every time from CivicTime.
(function () {
  var root = document.getElementById('desk');
  if (!root) { return; }
  var api = root.dataset.api;
  var canCommand = root.dataset.canCommand === 'true';
  var selected = null, shownOnMap = null;
  var $ = function (id) { return document.getElementById(id); };
  var L_ = Dispatch.label, of = Dispatch.of;

  // ---- the place of the call being entered (the draft) and of the selected incident
  // every pin goes through handle.toMap and a click back through handle.fromMap: over GCJ-02 tiles both are shifted,
  // what is stored stays WGS84
  var map = null, handle = null, draftPin = null, incidentPin = null, draft = null;
  if (typeof L !== 'undefined' && window.PlacesMap) {
    // the gazetteer's roads, names and doorplates, readable without tiles
    handle = PlacesMap.attach($('desk-map'), [34.86, 117.55], 12);
    map = handle.map;
    Dispatch.drawBlocks(handle, api + '/blocks');
    map.on('click', function (e) { var p = handle.fromMap(e.latlng); setPlace(p.lat, p.lon); });
  }

  // The one way a place reaches the draft: the map's click, the coordinate fields and an address chosen
  // among the gazetteer's suggestions.
  function setPlace(lat, lon) {
    $('call-lat').value = lat.toFixed(6);
    $('call-lon').value = lon.toFixed(6);
    showDraft({ lat: lat, lon: lon });
  }
  function showDraft(p) {
    draft = p;
    if (map) {
      if (!p && draftPin) { map.removeLayer(draftPin); draftPin = null; }
      if (p && draftPin) { draftPin.setLatLng(handle.toMap(p.lat, p.lon)); }
      if (p && !draftPin) {
        draftPin = L.circleMarker(handle.toMap(p.lat, p.lon), { radius: 8, color: '#b3261e', className: 'draft-pin' }).addTo(map);
      }
    }
    $('place-status').textContent = p ? L_('dispatch.place.draft', p.lat.toFixed(6), p.lon.toFixed(6)) : L_('dispatch.pick');
    $('place-status').className = 'muted';
  }
  function clearPlace() {
    $('call-lat').value = '';
    $('call-lon').value = '';
    showDraft(null);
  }
  // Typed coordinates: decimal degrees only, both or neither, in range; anything else is said, never guessed at.
  var DEGREES = /^\s*[-+]?\d{1,3}(\.\d+)?\s*$/;
  function typedPlace() {
    var lat = $('call-lat').value, lon = $('call-lon').value;
    if (!lat.trim() && !lon.trim()) { return { place: null }; }
    if (!lat.trim() || !lon.trim()) { return { error: L_('dispatch.place.both') }; }
    if (!DEGREES.test(lat) || !DEGREES.test(lon)) { return { error: L_('dispatch.place.invalid') }; }
    var p = { lat: parseFloat(lat), lon: parseFloat(lon) };
    if (Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) { return { error: L_('dispatch.place.invalid') }; }
    return { place: p };
  }
  function onTyped() {
    var t = typedPlace();
    if (t.error) {
      draft = null;
      if (draftPin) { map.removeLayer(draftPin); draftPin = null; }
      $('place-status').textContent = t.error;
      $('place-status').className = 'errors';
    } else {
      showDraft(t.place);
      if (t.place && map) { map.panTo(handle.toMap(t.place.lat, t.place.lon)); }
    }
    return t;
  }
  $('call-lat').addEventListener('input', onTyped);
  $('call-lon').addEventListener('input', onTyped);
  $('place-clear').addEventListener('click', clearPlace);
  // an address chosen among the gazetteer's suggestions (places-suggest.js) pins the call at its stored point, shown
  // at street zoom where the layer draws the doorplates
  $('call-address').addEventListener('place-picked', function (e) {
    setPlace(e.detail.lat, e.detail.lon);
    if (map) { map.setView(handle.toMap(e.detail.lat, e.detail.lon), Math.max(map.getZoom(), 17)); }
  });

  function showIncidentOnMap(i) {
    if (!map) { return; }
    if (incidentPin) { map.removeLayer(incidentPin); incidentPin = null; }
    if (i.lat === null || i.lat === undefined) { return; }
    incidentPin = L.marker(handle.toMap(i.lat, i.lon), { icon: L.divIcon({ className: 'incident-icon incident-pin p' + i.priority,
      html: '▲', iconSize: [18, 18] }), title: i.number, interactive: false }).addTo(map);
    if (shownOnMap !== i.number) { map.setView(handle.toMap(i.lat, i.lon), Math.max(map.getZoom(), 14)); shownOnMap = i.number; }
  }

  // ---- entering a call
  $('call-type').addEventListener('change', function () {
    $('call-priority').value = this.options[this.selectedIndex].dataset.priority;
  });
  $('call-type').dispatchEvent(new Event('change'));

  $('call-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var t = onTyped();
    if (t.error) { $('call-result').textContent = t.error; return; }
    var body = {
      line: $('call-line').value, type: $('call-type').value, priority: parseInt($('call-priority').value, 10),
      summary: $('call-summary').value, address: $('call-address').value,
      lat: t.place ? t.place.lat : null, lon: t.place ? t.place.lon : null,
      callerName: $('call-name').value, callerPhone: $('call-phone').value, attachTo: $('call-attach').value || null
    };
    Dispatch.post(api + '/incidents', body).then(function (r) {
      var n = r.incident.number;
      $('call-result').textContent = r.attached ? L_('dispatch.attachedTo', n)
        : r.incident.lat === null ? L_('dispatch.entered.unplaced', n) : L_('dispatch.entered', n);
      ['call-summary', 'call-address', 'call-name', 'call-phone', 'call-attach'].forEach(function (id) { $(id).value = ''; });
      clearPlace();
      selected = n;
      refresh();
    }).catch(function (err) { $('call-result').textContent = err.message; });
  });

  // ---- the lists
  function refresh() {
    Dispatch.get(api + '/incidents').then(renderList);
    Dispatch.get(api + '/messages').then(renderMessages);
    Dispatch.get(api + '/units').then(renderOnDuty);
    if (selected) { showDetail(selected); }
  }

  function renderList(list) {
    var body = $('incident-list').querySelector('tbody');
    body.innerHTML = '';
    list.forEach(function (i) {
      var tr = Dispatch.el('tr', { 'class': 'incident-row p' + i.priority + (i.number === selected ? ' selected' : ''),
        'data-number': i.number, 'data-status': i.status });
      tr.appendChild(Dispatch.el('td', { 'class': 'priority' }, String(i.priority)));
      var number = Dispatch.el('td', { 'class': 'number' }, i.number);
      var when = Dispatch.el('small', { 'class': 'muted' });
      when.appendChild(Dispatch.el('span', { 'class': 'received' }, CivicTime.at(i.receivedAt)));
      when.appendChild(Dispatch.el('span', { 'class': 'block' }, ' · ' + (i.blockCode || '—')));
      number.appendChild(when);
      tr.appendChild(number);
      tr.appendChild(Dispatch.el('td', { 'class': 'type' }, of('dispatch.incident.type', i.type)));
      var status = Dispatch.el('td', { 'class': 'status-cell' });
      status.appendChild(Dispatch.el('span', { 'class': 'badge', 'data-status': i.status }, of('dispatch.incident.status', i.status)));
      tr.appendChild(status);
      tr.addEventListener('click', function () { selected = i.number; refresh(); });
      body.appendChild(tr);
    });
  }

  function renderMessages(list) {
    var ul = $('messages');
    ul.innerHTML = '';
    list.forEach(function (m) {
      ul.appendChild(Dispatch.el('li', { 'class': m.from_centre ? 'from-centre' : 'from-unit' },
        CivicTime.at(m.sent_at) + ' ' + m.unit_code + ' ' + L_(m.from_centre ? 'dispatch.msg.fromCentre' : 'dispatch.msg.toCentre')
        + L_('dispatch.colon') + m.body));
    });
  }

  function renderOnDuty(units) {
    var ul = $('on-duty-units');
    ul.innerHTML = '';
    var on = units.filter(function (u) { return u.onDuty; });
    if (!on.length) { ul.appendChild(Dispatch.el('li', { 'class': 'muted' }, L_('dispatch.onDuty.none'))); }
    on.forEach(function (u) {
      ul.appendChild(Dispatch.el('li', { 'data-unit': u.code, 'data-account': u.terminalAccount || '' },
        u.callSign + ' (' + u.code + ') · ' + (u.terminalAccount || '—') + ' · ' + of('dispatch.unit.status', u.status)));
    });
  }

  // ---- the selected incident
  function showDetail(number) {
    Dispatch.get(api + '/incidents/' + encodeURIComponent(number)).then(function (d) {
      // a late answer for an incident selected before must not cover the one selected since
      if (number !== selected) { return; }
      var i = d.incident;
      $('detail-empty').hidden = true;
      $('detail-body').hidden = false;
      $('incident-number').textContent = i.number;
      $('incident-status').textContent = of('dispatch.incident.status', i.status);
      $('incident-status').dataset.status = i.status;
      var caller = [i.callerName, i.callerPhone].filter(Boolean).join(' ');
      $('incident-summary').textContent = ['P' + i.priority + ' ' + of('dispatch.incident.type', i.type), i.summary,
        i.address, caller, i.calls > 1 ? L_('dispatch.calls', i.calls) : null].filter(Boolean).join(' · ');
      linkageCase(i);
      stamps(i);
      units(i);
      log(d.log);
      showIncidentOnMap(i);
      cameraPanel(i);
      var policeOpen = i.status === 'OPEN' || i.status === 'DISPATCHED' || i.status === 'ON_SCENE';
      var placed = i.lat !== null && i.lat !== undefined;
      $('place-needed').hidden = placed || !policeOpen;
      $('divert-submit').disabled = !canCommand || i.status !== 'OPEN';
      $('cancel-submit').disabled = !canCommand || !(i.status === 'OPEN' || i.status === 'DISPATCHED');
      if (policeOpen && !placed) {
        recommendations(null, L_('dispatch.place.none'));
      } else if (policeOpen) {
        Dispatch.get(api + '/incidents/' + encodeURIComponent(number) + '/recommendations')
          .then(function (rec) { if (number === selected) { recommendations(rec, null); } })
          .catch(function (err) { if (number === selected) { recommendations(null, err.message); } });
      } else {
        recommendations(null, null);
      }
    });
  }

  // the nearest cameras of a placed incident and its footage requests (the cameras module's panel), loaded again
  // only when another incident or another place is shown, so a request being typed is not wiped by a refresh
  var camerasShown = null;
  function cameraPanel(i) {
    var slot = $('camera-panel-slot'), key = i.number + '@' + i.lat + ',' + i.lon;
    if (!slot || !window.htmx || key === camerasShown) { return; }
    camerasShown = key;
    if (i.lat === null || i.lat === undefined) { slot.innerHTML = ''; return; }
    htmx.ajax('GET', slot.dataset.src + '?kind=INCIDENT&ref=' + encodeURIComponent(i.number) + '&lat=' + i.lat
      + '&lon=' + i.lon, { target: '#camera-panel-slot', swap: 'innerHTML' });
  }

  function linkageCase(i) {
    $('incident-case').hidden = !i.caseNumber;
    $('case-number').textContent = i.caseNumber || '';
    $('case-department').textContent = i.linkageDepartment || '';
    $('case-status').textContent = of('dispatch.case.status', i.caseStatus);
    $('case-status').dataset.status = i.caseStatus || '';
  }

  function stamps(i) {
    var dl = $('incident-stamps');
    dl.innerHTML = '';
    [['received', i.receivedAt], ['entered', i.enteredAt], ['dispatched', i.firstDispatchedAt],
     ['enroute', i.firstEnrouteAt], ['onscene', i.firstOnsceneAt], ['cleared', i.clearedAt],
     ['cancelled', i.cancelledAt], ['diverted', i.divertedAt], ['closed', i.closedAt]].forEach(function (s) {
      if (s[1]) {
        dl.appendChild(Dispatch.el('dt', {}, L_('dispatch.stamp.' + s[0])));
        dl.appendChild(Dispatch.el('dd', { 'data-stamp': s[0] }, CivicTime.at(s[1])));
      }
    });
  }

  function units(i) {
    var ul = $('incident-units');
    ul.innerHTML = '';
    i.units.forEach(function (a) {
      var state = a.cancelledAt ? 'cancelled' : a.clearedAt ? 'cleared' : a.onsceneAt ? 'onscene' : a.enrouteAt ? 'enroute'
        : a.acknowledgedAt ? 'acknowledged' : 'dispatched';
      var li = Dispatch.el('li', { 'data-unit': a.unitCode }, a.unitCode + ' · ' + L_('dispatch.assignment.' + state)
        + ' ' + CivicTime.at(a.dispatchedAt) + (i.commanderUnit === a.unitCode ? ' · ' + L_('dispatch.isCommander') : ''));
      if (canCommand && !a.cancelledAt && !a.clearedAt) {
        if (i.commanderUnit !== a.unitCode) {
          var c = Dispatch.el('button', { type: 'button', 'class': 'small secondary' }, L_('dispatch.btn.commander'));
          c.addEventListener('click', function () { act('/commander', { unit: a.unitCode }); });
          li.appendChild(c);
        }
        if (!a.onsceneAt) {
          var r = Dispatch.el('button', { type: 'button', 'class': 'small secondary' }, L_('dispatch.btn.recall'));
          r.addEventListener('click', function () { act('/recall', { unit: a.unitCode }); });
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
      var parts = [CivicTime.at(r.occurred_at) + ' ' + L_('dispatch.log.' + r.action)];
      if (r.case_status) {
        parts.push(of('dispatch.case.status', r.case_status));
      } else if (r.to_status && r.to_status !== r.from_status) {
        parts.push('→ ' + of('dispatch.incident.status', r.to_status));
      }
      parts.push(r.actor.indexOf('case:') === 0 ? r.actor.substring(5) : r.actor);
      if (r.note) { parts.push(r.note); }
      ol.appendChild(Dispatch.el('li', { 'data-action': r.action }, parts.join(' · ')));
    });
  }

  function recommendations(rec, message) {
    $('rec-message').hidden = !message;
    $('rec-message').textContent = message || '';
    var ranked = rec ? rec.ranked : [];
    $('rec-model').textContent = !ranked.length ? ''
      : L_(ranked.some(function (r) { return r.byRoad; }) ? 'dispatch.model.road' : 'dispatch.model.straight');
    var body = $('recommendations').querySelector('tbody');
    body.innerHTML = '';
    ranked.slice(0, 8).forEach(function (r) {
      var tr = Dispatch.el('tr', { 'class': 'rec', 'data-unit': r.unitCode });
      tr.appendChild(Dispatch.el('td', {}, String(r.rank)));
      var unitCell = Dispatch.el('td', {}, r.unitCode);
      unitCell.appendChild(Dispatch.el('small', { 'class': 'muted' }, r.callSign));
      tr.appendChild(unitCell);
      var eta = Dispatch.el('td', { 'class': 'num eta' }, Dispatch.minutes(r.seconds));
      eta.appendChild(Dispatch.el('small', { 'class': 'muted distance' }, L_('dispatch.km', (r.metres / 1000).toFixed(2))));
      tr.appendChild(eta);
      tr.appendChild(Dispatch.el('td', { 'class': 'why' }, L_('dispatch.why.' + r.whyCode) + (r.reserveUsed ? L_('dispatch.why.reserve') : '')));
      var td = Dispatch.el('td');
      var b = Dispatch.el('button', { type: 'button', 'class': 'dispatch-btn', 'data-unit': r.unitCode }, L_('dispatch.btn.dispatch'));
      b.disabled = !canCommand;
      b.addEventListener('click', function () { act('/dispatch', { unit: r.unitCode }); });
      td.appendChild(b);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    var ul = $('excluded');
    ul.innerHTML = '';
    (rec ? rec.excluded : []).filter(function (x) { return x.reasonCode !== 'OFF_DUTY'; }).forEach(function (x) {
      var arg = x.reasonCode === 'BUSY' ? of('dispatch.unit.status', x.status) : x.blockCode;
      ul.appendChild(Dispatch.el('li', {}, x.callSign + ' (' + x.unitCode + ')' + L_('dispatch.colon') + L_('dispatch.excluded.' + x.reasonCode, arg)));
    });
  }

  function act(path, body) {
    if (!selected) { return; }
    $('detail-result').hidden = true;
    Dispatch.post(api + '/incidents/' + encodeURIComponent(selected) + path, body).then(refresh)
      .catch(function (err) { $('detail-result').hidden = false; $('detail-result').textContent = err.message; });
  }

  $('place-submit').addEventListener('click', function () {
    var t = onTyped();
    if (t.error || !t.place) { $('place-needed-text').textContent = t.error || L_('dispatch.place.none'); return; }
    $('place-needed-text').textContent = L_('dispatch.place.none');
    act('/place', { lat: t.place.lat, lon: t.place.lon });
    clearPlace();
  });
  $('divert-submit').addEventListener('click', function () {
    act('/divert', { agency: $('divert-agency').value || null, note: $('divert-note').value });
  });
  $('cancel-submit').addEventListener('click', function () { act('/cancel', {}); });

  Dispatch.get(api + '/agencies').then(function (list) {
    list.forEach(function (a) { $('divert-agency').appendChild(Dispatch.el('option', { value: a.code }, a.name)); });
  });

  Dispatch.stream(api + '/stream', function (kind) {
    if (kind === 'position') { return; }
    refresh();
  }, refresh);
})();
