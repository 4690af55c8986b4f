// The tracking page opened by a link: /track#n=<number>&c=<code>. The fragment never leaves the browser, so the
// code reaches neither the server's access log nor a proxy's; this script reads it and posts the lookup form.
// Once a case is shown, the address becomes that link again, so a bookmark or a refresh opens the case (ADR 0017).
(function () {
  var form = document.getElementById('track-form');
  if (!form) { return; }
  var number = form.elements.number, code = form.elements.token;
  if (document.getElementById('case-view')) {
    if (number.value && code.value && window.history.replaceState) {
      var fragment = 'n=' + encodeURIComponent(number.value) + '&c=' + encodeURIComponent(code.value);
      window.history.replaceState(null, '', form.dataset.page + '#' + fragment);
    }
    return;
  }
  if (document.getElementById('track-error') || !window.location.hash) { return; }
  var params = new URLSearchParams(window.location.hash.substring(1));
  if (params.get('n') && params.get('c')) {
    number.value = params.get('n');
    code.value = params.get('c');
    HTMLFormElement.prototype.submit.call(form);
  }
})();
