/* Search in the browser over the static index under search/ (see the Go
   package generator/search for its files). fold, words and stem mirror
   search.Fold, search.Words and search.Stem: keep them in step. The core is
   exposed as window.casebookSearch for facets.js and the tests. */
(function () {
  'use strict';
  var SUBS = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
  var PER_PAGE = 10, PREFIX_BUDGET = 60000, utf8 = new TextDecoder();
  // showDate writes an ISO date for readers, once messages has read how.
  var showDate = null;

  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/[ßæœøłđðþı]/g, function (c) { return SUBS[c]; }).replace(/['’ʼ]/g, '');
  }
  function words(s) {
    return (fold(s).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
      var n = Array.from(w).length;
      return n >= 2 && n <= 32;
    });
  }
  function base(s) { return s.length >= 3 && /[aeiouy]/.test(s); }
  function undouble(s) {
    var n = s.length, c = s[n - 1];
    if (n < 3 || c !== s[n - 2] || 'aeiousz'.indexOf(c) >= 0 || (c === 'l' && n < 6)) return s;
    return s.slice(0, -1);
  }
  function stem(w) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/(sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/ing$/.test(w) && base(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (/ed$/.test(w) && base(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    else if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  // Index loads the manifest at url and, on demand, shards, chunks and texts.
  function Index(url) {
    var self = this, files = {};
    this.dir = url.replace(/[^/]*$/, '');
    this.texts = {};
    this.groups = {};
    function get(path) {
      if (!files[path]) {
        files[path] = fetch(self.url(path)).then(function (r) {
          if (!r.ok) throw new Error(path + ': ' + r.status);
          return r.json();
        });
      }
      return files[path];
    }
    this.get = get;
    this.ready = fetch(url).then(function (r) { return r.json(); }).then(function (m) {
      self.m = m;
      self.keys = Object.keys(m.shards);
      self.stop = new Set(m.stop);
      // A site not in English: words are indexed unstemmed.
      self.plain = !!m.plain;
      self.sets = m.tax.map(function (t) {
        return t.terms.map(function (term) {
          var b = atob(term.b), a = new Uint8Array(b.length);
          for (var i = 0; i < b.length; i++) a[i] = b.charCodeAt(i);
          return a;
        });
      });
      return self;
    });
  }
  Index.prototype.has = function (tax, term, id) { return (this.sets[tax][term][id >> 3] >> (id & 7)) & 1; };
  Index.prototype.doc = function (id) {
    var c = this.m.chunk;
    return this.get('d/' + Math.floor(id / c) + '.json').then(function (list) { return list[id % c]; });
  };
  Index.prototype.url = function (path) { return this.dir + path + '?v=' + this.m.v; };
  // text resolves to a story's questions and body ('' if they cannot be
  // fetched): bytes d.x = [offset, length] of its group's x/<g>.txt, asked
  // for by a Range request. A server that ignores Range sends the whole
  // file, kept for the other stories of the group, which wait for the first
  // answer from their group to know.
  Index.prototype.text = function (id) {
    var self = this, g = 'x/' + Math.floor(id / this.m.xg) + '.txt', groups = this.groups;
    return this.texts[id] || (this.texts[id] = this.doc(id).then(function (d) {
      var at = d.x[0], n = d.x[1];
      function get() {
        return fetch(self.url(g), { headers: { Range: 'bytes=' + at + '-' + (at + n - 1) } }).then(function (r) {
          if (!r.ok) throw new Error(g + ': ' + r.status);
          return r.status === 206 ? r.arrayBuffer().then(function (b) { return utf8.decode(b); }) : r.arrayBuffer();
        });
      }
      function text(got) { return typeof got === 'string' ? got : utf8.decode(new Uint8Array(got, at, n)); }
      if (!n) return '';
      if (!groups[g]) return (groups[g] = get()).then(text);
      return groups[g].then(function (got) { return typeof got === 'string' ? get() : got; }, get).then(text);
    }).catch(function () { return ''; }));
  };
  // shards returns the shard files that hold the terms a query word can match.
  Index.prototype.shards = function (w) {
    var m = this.m, want = {}, extra = [], size = 0;
    [w.w, w.s].forEach(function (t) {
      var best = null;
      this.keys.forEach(function (k) {
        if (t.indexOf(k) === 0) {
          if (w.p) want[k] = 1;
          if (best === null || k.length > best.length) best = k;
        } else if (w.p && t === w.w && k.indexOf(t) === 0) {
          extra.push(k);
          size += m.shards[k][1];
        }
      });
      if (best !== null) want[best] = 1;
    }, this);
    if (size <= PREFIX_BUDGET) extra.forEach(function (k) { want[k] = 1; });
    else w.short = true;
    return Object.keys(want).map(function (k) { return 't/' + m.shards[k][0] + '.json'; });
  };

  // parse turns a query into words; the last is a prefix while being typed.
  function parse(ix, q) {
    var ws = words(q), open = q && !/[\s.,;:!?"”)]$/.test(q), out = [];
    ws.forEach(function (w, i) {
      var p = open && i === ws.length - 1;
      if (!ix.stop.has(w) || p) out.push({ w: w, s: ix.plain ? w : stem(w), p: p, stop: ix.stop.has(w) });
    });
    return out;
  }

  // match finds the stories matching every word (or, when none does, any),
  // best first. It resolves to {ids, partial, terms} where terms are the
  // index terms matched, for marking.
  function match(ix, q) {
    var qs = parse(ix, q), n = ix.m.n;
    if (!qs.length) return Promise.resolve({ ids: [], terms: new Set(), words: qs });
    return Promise.all(qs.map(function (w) {
      return Promise.all(ix.shards(w).map(ix.get)).then(function (shards) {
        var best = new Float32Array(n), found = [];
        shards.forEach(function (shard) {
          Object.keys(shard).forEach(function (t) {
            var weight = t === w.s && !w.stop ? 1 : w.p && (t.indexOf(w.w) === 0 ||
              (w.w.indexOf(t) === 0 && t.length >= 3 && w.w.length - t.length <= 2)) ? 0.8 : 0;
            if (!weight) return;
            found.push(t);
            var list = shard[t], id = 0;
            for (var i = 0; i < list.length; i += 2) {
              id += list[i];
              if (list[i + 1] * weight > best[id]) best[id] = list[i + 1] * weight;
            }
          });
        });
        return { best: best, found: found };
      });
    })).then(function (per) {
      var total = new Float32Array(n), hits = new Uint8Array(n), terms = new Set(), ids = [], partial = false;
      per.forEach(function (r) {
        var df = 0;
        r.found.forEach(function (t) { terms.add(t); });
        for (var i = 0; i < n; i++) if (r.best[i]) df++;
        var idf = Math.log(1 + n / Math.max(df, 1));
        for (i = 0; i < n; i++) if (r.best[i]) { total[i] += r.best[i] * idf; hits[i]++; }
      });
      for (var i = 0; i < n; i++) if (hits[i] === per.length) ids.push(i);
      if (!ids.length && per.length > 1) {
        partial = true;
        for (i = 0; i < n; i++) if (hits[i]) ids.push(i);
      }
      // Ties go to the newer story: ids count from the oldest.
      ids.sort(function (a, b) { return hits[b] - hits[a] || total[b] - total[a] || b - a; });
      return { ids: ids, partial: partial, terms: terms, words: qs, short: qs.some(function (w) { return w.short; }) };
    });
  }

  // filters reads the checked terms of a form: [[tax, term], ...].
  function filters(ix, form) {
    var out = [];
    ix.m.tax.forEach(function (t, ti) {
      t.terms.forEach(function (term, i) {
        var box = form.querySelector('input[name="' + t.param + '"][value="' + term.k + '"]');
        if (box && box.checked) out.push([ti, i]);
      });
    });
    return out;
  }
  // all lists every story, newest first: ids count from the oldest.
  function all(ix) { var n = ix.m.n; return Array.from({ length: n }, function (_, i) { return n - 1 - i; }); }
  function narrow(ix, ids, chosen) {
    return ids.filter(function (id) {
      return chosen.every(function (f) { return ix.has(f[0], f[1], id); });
    });
  }
  // counts writes, next to every term, how many of ids carry it.
  function counts(ix, form, ids) {
    ix.m.tax.forEach(function (t, ti) {
      t.terms.forEach(function (term, i) {
        var box = form.querySelector('input[name="' + t.param + '"][value="' + term.k + '"]');
        var el = box && box.parentNode.querySelector('[data-count]');
        if (!el) return;
        var c = 0;
        ids.forEach(function (id) { c += ix.has(ti, i, id); });
        el.textContent = c;
        box.parentNode.classList.toggle('is-empty', !c && !box.checked);
      });
    });
  }
  // state moves the form's filters (and query) to and from the URL.
  function fromURL(ix, form, input) {
    var u = new URLSearchParams(location.search);
    if (input) input.value = u.get('q') || '';
    ix.m.tax.forEach(function (t) {
      u.getAll(t.param).forEach(function (k) {
        var box = form.querySelector('input[name="' + t.param + '"][value="' + CSS.escape(k) + '"]');
        if (box) box.checked = true;
      });
    });
  }
  function toURL(form, q) {
    var u = new URLSearchParams();
    if (q) u.set('q', q);
    form.querySelectorAll('input[type=checkbox]:checked').forEach(function (b) { u.append(b.name, b.value); });
    var s = u.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  // marked appends text to el with the words matching terms (or starting
  // with prefix) in <mark>.
  function marked(el, text, terms, prefix) {
    var re = /[\p{L}\p{N}]+/gu, last = 0, m, any = false;
    while ((m = re.exec(text))) {
      var f = fold(m[0]);
      if ((terms.has(f) || terms.has(stem(f))) || (prefix && f.indexOf(prefix) === 0)) {
        el.append(text.slice(last, m.index));
        var mk = document.createElement('mark');
        mk.textContent = m[0];
        el.append(mk);
        last = re.lastIndex;
        any = true;
      }
    }
    el.append(text.slice(last));
    return any;
  }
  // excerpt returns about 30 words of text around its first matched word.
  function excerpt(text, terms, prefix) {
    var re = /[\p{L}\p{N}]+/gu, m, starts = [], hit = -1;
    while ((m = re.exec(text))) {
      starts.push(m.index);
      var f = fold(m[0]);
      if (hit < 0 && ((terms.has(f) || terms.has(stem(f))) || (prefix && f.indexOf(prefix) === 0))) hit = starts.length - 1;
    }
    if (hit < 0) return '';
    var from = Math.max(0, hit - 10), to = Math.min(starts.length, from + 30);
    return (from ? '…' : '') + text.slice(starts[from], to < starts.length ? starts[to] : text.length).trim() + (to < starts.length ? ' …' : '');
  }

  // messages returns the function that says the theme's messages in the
  // page's language, from the JSON of form's data-messages attribute:
  // say(key, n, …) fills {0}, {1} … with n, … and, for a message with
  // plural forms, picks the form of n by the language's plural rules.
  // It also makes cards show dates as the page's language writes them.
  function messages(form) {
    var m = {}, lang = 'en', rules = null;
    try {
      var d = JSON.parse(form.dataset.messages || '{}');
      m = d.messages || {};
      lang = d.lang || lang;
      if (d.date && d.date.months && d.date.months.length === 12) {
        showDate = function (iso) {
          var p = iso.split('-');
          return d.date.format.replace(/\{(\d)\}/g, function (all, i) {
            return i === '0' ? String(+p[2]) : i === '1' ? d.date.months[+p[1] - 1] : i === '2' ? p[0] : all;
          });
        };
      }
    } catch (e) { /* keys are shown instead */ }
    try { rules = new Intl.PluralRules(lang); } catch (e) { rules = null; }
    return function (key) {
      var args = Array.prototype.slice.call(arguments, 1), v = m[key];
      if (v === undefined || v === null) return key;
      if (typeof v === 'object') v = v[rules ? rules.select(args[0] || 0) : 'other'] || v.other;
      return v.replace(/\{(\d+)\}/g, function (all, i) { return i < args.length ? String(args[i]) : all; });
    };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // card draws a story as the theme's "card" partial does.
  function card(ix, d, terms, prefix) {
    var a = el('article', 'card'), h = el('h3', 'card-title'), link = el('a');
    link.href = d.u;
    marked(link, d.t, terms, prefix);
    h.append(link);
    var meta = el('p', 'meta'), time = el('time', '', showDate && /^\d{4}-\d\d-\d\d$/.test(d.d) ? showDate(d.d) : d.D);
    time.dateTime = d.d;
    meta.append(time);
    if (d.p) { var sep = el('span', 'sep', ' · '); sep.setAttribute('aria-hidden', 'true'); meta.append(sep, d.p); }
    var sum = el('p', 'card-summary');
    marked(sum, d.s, terms, prefix);
    a.append(h, meta, sum);
    var tpl = document.getElementById('search-badges'), ul = el('ul', 'badges');
    if (tpl && d.g[0]) {
      d.g[0].forEach(function (i) {
        var li = tpl.content.querySelector('[data-key="' + ix.m.tax[0].terms[i].k + '"]');
        if (li) ul.append(li.cloneNode(true));
      });
      if (ul.children.length) a.append(ul);
    }
    return a;
  }

  window.casebookSearch = { fold: fold, words: words, stem: stem, Index: Index, match: match, filters: filters,
    all: all, narrow: narrow, counts: counts, fromURL: fromURL, toURL: toURL, card: card, el: el, marked: marked, excerpt: excerpt, messages: messages };

  function start(form) {
    var ix = new Index(form.dataset.search), input = form.querySelector('input[type=search]');
    var status = form.querySelector('.search-status'), list = form.querySelector('.search-results');
    var more = form.querySelector('.search-more'), timer = 0, run = 0, shown = 0, results = [], last = null;
    var say = messages(form);
    form.hidden = false;
    // show adds the next n results; it resolves when their cards are drawn.
    function show(n) {
      var mine = run, page = results.slice(shown, shown + n), q = last;
      shown += page.length;
      more.hidden = shown >= results.length;
      var prefix = q.words.length && q.words[q.words.length - 1].p ? q.words[q.words.length - 1].w : '';
      return Promise.all(page.map(function (id) {
        var li = el('li');
        list.append(li);
        return ix.doc(id).then(function (d) {
          if (mine !== run) return;
          li.append(card(ix, d, q.terms, prefix));
          if (!q.words.length) return;
          ix.text(id).then(function (text) {
            var x = excerpt(text, q.terms, prefix);
            if (x && mine === run) marked(li.firstChild.insertBefore(el('p', 'excerpt'), li.firstChild.querySelector('.badges')), x, q.terms, prefix);
          });
        });
      }));
    }
    function search() {
      var mine = ++run, q = input.value.trim(), chosen = filters(ix, form);
      toURL(form, q);
      var found = q ? match(ix, input.value) : Promise.resolve({ ids: chosen.length ? all(ix) : [], terms: new Set(), words: [] });
      found.then(function (r) {
        if (mine !== run) return;
        results = narrow(ix, r.ids, chosen);
        counts(ix, form, q ? results : narrow(ix, all(ix), chosen));
        last = r;
        list.textContent = '';
        shown = 0;
        var n = results.length, what = q ? say('for', q) : '';
        status.textContent = !q && !chosen.length ? say('type') :
          !n && r.short ? say('keep_typing', q) :
          (n ? say('found', n) : say('none')) + (r.partial ? say('partial') : '') + what +
          (chosen.length ? say('filters', chosen.length) : '') + say('end');
        show(PER_PAGE);
      }).catch(function () { status.textContent = say('failed'); });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); search(); });
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 150); });
    form.addEventListener('change', function (e) { if (e.target.type === 'checkbox') search(); });
    more.addEventListener('click', function () {
      var next = shown;
      show(PER_PAGE).then(function () {
        var a = list.children[next] && list.children[next].querySelector('a');
        if (a) a.focus();
      });
    });
    ix.ready.then(function () { fromURL(ix, form, input); search(); })
      .catch(function () { status.textContent = say('failed'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-search]');
    if (form) start(form);
  });
})();
