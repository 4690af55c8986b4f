// Address suggestions for any input marked data-places-suggest: as one types, the gazetteer's completions
// (GET /api/v1/places/suggest) fill the input's datalist; choosing one fires a 'place-picked' event on the input
// with the stored point ({code, label, level, lat, lon, confidence}), which the page's own script pins.
(function () {
  document.querySelectorAll('input[data-places-suggest]').forEach(function (input) {
    var list = document.createElement('datalist');
    list.id = input.id + '-suggestions';
    input.setAttribute('list', list.id);
    input.parentNode.appendChild(list);
    var shown = [], timer = null, asked = 0;
    function pickIfChosen() {
      var chosen = shown.filter(function (c) { return c.label === input.value; })[0];
      if (chosen) { input.dispatchEvent(new CustomEvent('place-picked', { detail: chosen, bubbles: true })); }
      return chosen;
    }
    input.addEventListener('input', function () {
      if (pickIfChosen()) { return; }
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        var mine = ++asked;
        fetch('/api/v1/places/suggest?limit=8&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { candidates: [] }; })
          .then(function (answer) {
            if (mine !== asked) { return; }
            shown = answer.candidates || [];
            list.innerHTML = '';
            shown.forEach(function (c) {
              var option = document.createElement('option');
              option.value = c.label;
              list.appendChild(option);
            });
          }).catch(function () { /* no suggestions: the field stays a plain text field */ });
      }, 150);
    });
    input.addEventListener('change', pickIfChosen);
  });
})();
