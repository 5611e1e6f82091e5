/* Facet filters on the stories list: narrows the list by any terms in the
   browser, with the counts of each term and the choice in the URL
   (/stories/?value=listening&region=north, with each taxonomy's own names). Without JavaScript the form
   stays hidden and the list is the plain paginated one. Uses the index
   and card drawing of search.js (window.casebookSearch), which is bundled
   after this file, hence the wait for DOMContentLoaded. */
(function () {
  'use strict';
  var PER_PAGE = 50;
  document.addEventListener('DOMContentLoaded', function () {
    var S = window.casebookSearch, form = document.querySelector('form[data-facets]');
    if (!S || !form) return;
    var status = form.querySelector('.search-status'), box = form.querySelector('.facet-results');
    var cards = box.querySelector('.cards'), more = box.querySelector('.search-more');
    // The plain list: its section, or the list and pager themselves when
    // the form shares their section.
    var plain = Array.prototype.filter.call(document.querySelectorAll('main .cards, main .pager'), function (e) {
      return !form.contains(e);
    }).map(function (e) {
      var sec = e.closest('section');
      return sec && !sec.contains(form) ? sec : e;
    });
    var ix = null, results = [], shown = 0, run = 0, none = new Set(), say = S.messages(form);
    function load() {
      if (!ix) ix = new S.Index(form.dataset.facets);
      return ix.ready;
    }
    function show(n) {
      var page = results.slice(shown, shown + n), mine = run;
      shown += page.length;
      more.hidden = shown >= results.length;
      return Promise.all(page.map(function (id) {
        var slot = S.el('div');
        cards.append(slot);
        return ix.doc(id).then(function (d) {
          if (mine === run) slot.replaceWith(S.card(ix, d, none, ''));
        });
      }));
    }
    function update() {
      var chosen = S.filters(ix, form), on = chosen.length > 0;
      run++;
      results = S.narrow(ix, S.all(ix), chosen);
      S.counts(ix, form, results);
      S.toURL(form, '');
      plain.forEach(function (e) { e.hidden = on; });
      box.hidden = !on;
      cards.textContent = '';
      shown = 0;
      status.textContent = !on ? '' : chosen.length === 1 ? say('facets_one', results.length, ix.m.n) :
        say('facets_many', results.length, ix.m.n, chosen.length);
      if (on) show(PER_PAGE);
    }
    form.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('change', function () { load().then(update); });
    form.addEventListener('reset', function () { setTimeout(function () { load().then(update); }); });
    more.addEventListener('click', function () {
      var next = shown;
      show(PER_PAGE).then(function () {
        var a = cards.children[next] && cards.children[next].querySelector('a');
        if (a) a.focus();
      });
    });
    if (location.search) {
      load().then(function () { S.fromURL(ix, form, null); update(); });
    }
  });
})();
