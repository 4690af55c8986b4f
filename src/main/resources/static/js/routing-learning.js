// The page that teaches the classifier the district's history: preview a file, choose its columns, send it up as a
// stream (the request body, never a form) while the progress comes by Server-Sent Events; on a run's page, follow the
// run and draw the automation curve and the reliability diagram from the page's own tables.
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {};
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  function fileType(file) {
    return /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  }

  var upload = document.getElementById('upload');
  if (upload) {
    var d = upload.dataset;
    var input = document.getElementById('history-file');
    var errorBox = document.getElementById('import-error');
    var showError = function (text, lines) {
      errorBox.hidden = false;
      errorBox.textContent = '';
      var p = document.createElement('p');
      p.textContent = text;
      errorBox.appendChild(p);
      if (lines && lines.length) {
        var ul = document.createElement('ul');
        lines.forEach(function (l) { var li = document.createElement('li'); li.textContent = l; ul.appendChild(li); });
        errorBox.appendChild(ul);
      }
    };
    document.getElementById('preview-button').addEventListener('click', function () {
      var file = input.files[0];
      if (!file) { return; }
      errorBox.hidden = true;
      // CSV: the beginning is enough for the first rows; .xlsx is a zip whose directory is at its end
      var body = fileType(file) === 'text/csv' ? file.slice(0, 65536) : file;
      var headers = csrf();
      headers['Content-Type'] = fileType(file);
      var url = d.previewUrl + '?fileName=' + encodeURIComponent(file.name) + '&encoding='
        + encodeURIComponent(document.getElementById('history-encoding').value);
      fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          document.getElementById('preview').innerHTML = html;
          var button = document.getElementById('import-button');
          if (button) { button.addEventListener('click', startImport); }
        });
    });

    var startImport = function () {
      var file = input.files[0];
      var form = new URLSearchParams(new FormData(document.getElementById('mapping-form')));
      form.set('fileName', file.name);
      form.set('source', document.getElementById('history-source').value);
      form.set('encoding', document.getElementById('history-encoding').value);
      var headers = csrf();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      fetch(d.createUrl, { method: 'POST', headers: headers, body: form, credentials: 'same-origin' })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (res) {
          if (!res.ok) { showError(res.body.error, res.body.problems); return; }
          send(res.body.id, file);
        });
    };

    var send = function (id, file) {
      var box = document.getElementById('import-progress');
      var bar = document.getElementById('import-bar');
      var count = document.getElementById('import-count');
      box.hidden = false;
      var events = new EventSource(d.baseUrl + '/imports/' + id + '/events');
      var show = function (e) {
        var p = JSON.parse(e.data);
        count.textContent = d.labelRead.replace('{0}', p.rowsRead).replace('{1}', p.rowsStored);
      };
      events.addEventListener('progress', show);
      events.addEventListener('done', function (e) { show(e); events.close(); });
      document.getElementById('import-cancel').onclick = function () {
        fetch(d.baseUrl + '/imports/' + id + '/cancel', { method: 'POST', headers: csrf(), credentials: 'same-origin' });
      };
      var headers = csrf();
      headers['Content-Type'] = fileType(file);
      fetch(d.baseUrl + '/imports/' + id + '/file', { method: 'PUT', headers: headers, body: file, credentials: 'same-origin' })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (res) {
          events.close();
          bar.max = 1;
          bar.value = 1;
          if (!res.ok) { showError(res.body.error, res.body.problems); }
          window.location.assign(d.baseUrl + '?import=' + id);
        }, function () { events.close(); showError(d.labelFailed, []); });
    };
  }

  var status = document.getElementById('run-status');
  if (status && status.dataset.running === 'true') {
    var runEvents = new EventSource(status.dataset.eventsUrl);
    runEvents.addEventListener('done', function () { runEvents.close(); window.location.reload(); });
  }

  var charts = document.getElementById('learning-charts');
  if (charts && typeof echarts !== 'undefined') {
    var c = charts.dataset;
    var num = function (t) { return t === '' || t === undefined ? null : Math.round(parseFloat(t) * 1000) / 1000; };
    var auto = [];
    document.querySelectorAll('#automation tbody tr').forEach(function (tr) { auto.push(tr.dataset); });
    var curve = echarts.init(document.getElementById('chart-automation'));
    curve.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {},
      xAxis: { type: 'value', name: c.labelRouted, min: 0, max: 1 },
      yAxis: { type: 'value', name: c.labelPrecision, min: 0, max: 1 },
      series: [
        { name: c.labelCandidate, type: 'line', data: auto.map(function (a) { return [num(a.share), num(a.precision)]; }) },
        { name: c.labelCurrent, type: 'line', data: auto.map(function (a) { return [num(a.currentShare), num(a.currentPrecision)]; }) }
      ]
    });
    var bins = [];
    document.querySelectorAll('#reliability tbody tr').forEach(function (tr) { bins.push(tr.dataset); });
    var reliability = echarts.init(document.getElementById('chart-reliability'));
    reliability.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {},
      xAxis: { type: 'category', name: c.labelConfidence, data: bins.map(function (b) { return b.from; }) },
      yAxis: { type: 'value', name: c.labelAccuracy, min: 0, max: 1 },
      series: [
        { name: c.labelCandidate, type: 'bar', data: bins.map(function (b) { return num(b.accuracy); }) },
        { name: c.labelCurrent, type: 'bar', data: bins.map(function (b) { return num(b.currentAccuracy); }) },
        { name: '', type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
          data: bins.map(function (b) { return Math.round((parseFloat(b.from) + 0.05) * 100) / 100; }) }
      ]
    });
    window.addEventListener('resize', function () { curve.resize(); reliability.resize(); });
  }
})();
