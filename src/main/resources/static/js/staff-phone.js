// Phone intake: Enter in a one-line field submits (browser default); Ctrl+Enter submits from the appeal text too.
(function () {
  var form = document.getElementById('phone-form');
  if (!form) { return; }
  form.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.tagName === 'TEXTAREA') {
      e.preventDefault();
      form.requestSubmit();
    }
  });
})();
