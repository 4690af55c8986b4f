// The pages' one way to write a moment (same rules as the server's TimeLabels): always in the district's time
// (Asia/Shanghai), whatever the browser's zone; the time alone today, with the date on other days, with the year
// when it is not this year. Input: an ISO-8601 string or epoch milliseconds.
(function () {
  'use strict';
  var parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  });

  function fields(value) {
    var d = value instanceof Date ? value : new Date(value);
    if (isNaN(d.getTime())) { return null; }
    var f = {};
    parts.formatToParts(d).forEach(function (p) { f[p.type] = p.value; });
    return f;
  }

  function full(value) {
    var f = value == null ? null : fields(value);
    return f ? f.year + '-' + f.month + '-' + f.day + ' ' + f.hour + ':' + f.minute : '';
  }

  function at(value, now) {
    var f = value == null ? null : fields(value);
    if (!f) { return ''; }
    var t = fields(now == null ? new Date() : now);
    if (f.year === t.year && f.month === t.month && f.day === t.day) { return f.hour + ':' + f.minute; }
    if (f.year === t.year) { return f.month + '-' + f.day + ' ' + f.hour + ':' + f.minute; }
    return full(value);
  }

  window.CivicTime = { at: at, full: full };
}());
