// The staff case list reloads when a case in the viewer's scope changed, on whichever instance (Server-Sent Events
// fed by the cluster signals). The stream says only "changed": the list is re-fetched with the viewer's own rights.
// A reconnection reloads too (changes may have been missed); the list's 60 s poll stays as the last fallback.
(function () {
  var list = document.getElementById('case-list');
  if (!list || !window.EventSource || !window.htmx) { return; }
  var opened = false;
  function reload() { htmx.trigger(document.body, 'cases-changed'); }
  var es = new EventSource(list.getAttribute('data-live'));
  es.onopen = function () { document.body.setAttribute('data-live', 'on'); if (opened) { reload(); } opened = true; };
  es.onerror = function () { document.body.setAttribute('data-live', 'off'); };
  es.addEventListener('changed', reload);
})();
