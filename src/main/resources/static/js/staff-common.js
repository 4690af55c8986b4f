// Staff pages: every htmx request carries the CSRF token from the page's meta tags (Spring Security checks
// it on POST); GETs are harmless with it too.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content && header.content) {
    e.detail.headers[header.content] = token.content;
  }
});

// A print button (data-print) instead of a javascript: link, which the Content-Security-Policy forbids.
document.addEventListener('click', function (e) {
  var button = e.target.closest ? e.target.closest('[data-print]') : null;
  if (button) {
    e.preventDefault();
    window.print();
  }
});
