/* Page start-up and DOM building, shared by every feature script of the guide.
 *
 * GuideStart.onPage(name, fn): run `fn` once for each page the reader opens, on a full load
 * and after each of Material's instant navigations (its `document$`). Feature scripts sit in
 * the page content (hooks/assets.py puts them there), so Material runs them again after an
 * instant navigation and then emits `document$`: `fn` is kept to one run per page, and an
 * error in one feature is logged without stopping the others.
 * GuideStart.el(tag, attrs, children): the one way the guide's scripts build elements;
 * children are nodes or strings (text, never HTML).
 * Loaded in the browser as the global `GuideStart`.
 */
(function (root) {
  "use strict";
  if (root.GuideStart) return;
  var doc = root.document;

  /* The element that stands for the page now shown (replaced on instant navigation). */
  function pageElement() { return doc.querySelector(".md-content") || doc.body; }

  function onPage(name, fn) {
    var flag = "guideStarted" + name;
    function run() {
      var page = pageElement();
      if (!page || page[flag]) return;
      page[flag] = true;
      try { fn(); } catch (e) { if (root.console) root.console.warn(name + ":", e); }
    }
    function subscribe() {
      if (root.document$ && root.document$.subscribe) root.document$.subscribe(run);
      else run();
    }
    // Deferred scripts in the content run before Material's bundle defines `document$`.
    if (root.document$ || doc.readyState !== "loading") subscribe();
    else doc.addEventListener("DOMContentLoaded", subscribe);
  }

  function el(tag, attrs, children) {
    var n = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === false || v === null || v === undefined) return;
      n.setAttribute(k, v === true ? "" : String(v));
    });
    [].concat(children === undefined ? [] : children).forEach(function (c) {
      if (c !== null && c !== undefined && c !== false) n.append(c);
    });
    return n;
  }

  root.GuideStart = { onPage: onPage, el: el };
})(this);
