// casebook serve's live-reload script: it reloads the page after a good
// rebuild, shows every problem of a failed one in an overlay, and lists the
// warnings of the last build in a panel that opens and closes. Problems and
// warnings are inserted as text, never as markup: they quote contributors'
// files. VERSION and EVENTS are filled in by the server.
(function () {
  "use strict";
  var loaded = VERSION;
  var problems = [], warnings = [], hidden = false, open = false;
  var overlay = null, panel = null;
  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text) e.textContent = text;
    return e;
  }
  function list(items) {
    var ul = el("ul", "margin:0;padding-left:1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere");
    items.forEach(function (text) { ul.appendChild(el("li", "", text)); });
    return ul;
  }
  function count(n) { return n === 1 ? "1 warning" : n + " warnings"; }
  // warningsBox is a collapsible list of the warnings; it remembers
  // whether the reader opened it.
  function warningsBox() {
    var d = el("details", "margin-top:.75rem");
    d.className = "casebook-warnings";
    d.open = open;
    d.addEventListener("toggle", function () { open = d.open; });
    var s = el("summary", "cursor:pointer;font-weight:600;color:#7a4b00", count(warnings.length) + " in the site (the build allows them; fixing them helps readers)");
    d.append(s, list(warnings));
    return d;
  }
  function draw() {
    if (overlay) { overlay.remove(); overlay = null; }
    if (panel) { panel.remove(); panel = null; }
    if (!document.body) return;
    if (problems.length && !hidden) {
      overlay = el("div", "position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#1a1a1a;border-bottom:6px solid #b00020;padding:1rem 1.5rem;" +
        "font:16px/1.5 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.3)");
      overlay.id = "casebook-overlay";
      overlay.setAttribute("role", "alert");
      var h = el("h2", "margin:0 0 .5rem;font-size:1.25rem;color:#b00020", "The site could not be rebuilt");
      var p = el("p", "margin:0 0 .5rem", "You are seeing the last good version. Fix these problems and save; the page reloads by itself.");
      overlay.append(h, p, list(problems));
      if (warnings.length) overlay.appendChild(warningsBox());
      var close = el("button", "display:block;margin-top:.75rem;font:inherit;padding:.25rem .75rem", "Hide");
      close.type = "button";
      close.addEventListener("click", function () { hidden = true; draw(); });
      overlay.appendChild(close);
      document.body.appendChild(overlay);
      return;
    }
    if (!warnings.length) return;
    panel = el("section", "position:fixed;right:1rem;bottom:1rem;max-width:min(48rem,calc(100vw - 2rem));max-height:60vh;overflow:auto;" +
      "z-index:2147483647;background:#fff;color:#1a1a1a;border:2px solid #b06f00;border-radius:.5rem;padding:.25rem 1rem .75rem;" +
      "font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.25)");
    panel.id = "casebook-warnings";
    panel.setAttribute("aria-label", "casebook serve");
    panel.appendChild(warningsBox());
    document.body.appendChild(panel);
  }
  function ready(f) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", f); else f();
  }
  var source = new EventSource(EVENTS);
  source.addEventListener("hello", function (e) {
    var state = JSON.parse(e.data);
    if (state.version !== loaded) { location.reload(); return; }
    problems = state.problems || [];
    warnings = state.warnings || [];
    ready(draw);
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problems", function (e) { problems = JSON.parse(e.data) || []; hidden = false; ready(draw); });
  source.addEventListener("warnings", function (e) { warnings = JSON.parse(e.data) || []; ready(draw); });
})();
