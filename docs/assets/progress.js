/* Saved progress: a checklist that remembers ticks, and the home page's "Your progress".
 * Checklist: task-list boxes (pymdownx.tasklist renders them disabled) become working,
 * labelled checkboxes. Ticks live in localStorage under a versioned key, by an id hashed from
 * the item's text, not its position: reordering keeps ticks, rewording clears that tick.
 * The page holds the bar (`[data-progress-bar]`) in its final place, so filling it shifts
 * nothing; the summary box on the home page likewise (see its CSS).
 * Summary: `[data-progress-summary]` shows checklist done x/y, flashcards due (read-only from
 * the flashcards store) and practice attempts; hidden while all are empty. Unreadable state is
 * reset with a notice. Runs on every page load and instant navigation (Material's `document$`).
 */
(function () {
  "use strict";
  if (window.guideProgress) return;
  var KEY = "wbpm-guide.checklist.v1", PREFIX = "wbpm-guide.checklist.";
  var each = function (l, f) { Array.prototype.forEach.call(l, f); };

  function read(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function save(store) { try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* blocked */ } }

  /* Parse the store {v: 1, done: {id: 1}, ids: [ids on the checklist]}; {store, reset}. */
  function parse(text) {
    var empty = { v: 1, done: {}, ids: [] }, d;
    if (text === null) return { store: empty, reset: false };
    try { d = JSON.parse(text); } catch (e) { return { store: empty, reset: true }; }
    var good = d && d.v === 1 && d.done && typeof d.done === "object" && !Array.isArray(d.done) &&
      Array.isArray(d.ids) && d.ids.every(function (i) { return typeof i === "string"; }) &&
      Object.keys(d.done).every(function (k) { return d.done[k] === 1; });
    return good ? { store: d, reset: false } : { store: empty, reset: true };
  }

  /* A stable id from an item's text: FNV-1a of the normalised text, base 36, plus its length. */
  function itemId(text) {
    var s = text.replace(/\s+/g, " ").trim().toLowerCase(), h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return "t" + h.toString(36) + s.length.toString(36);
  }

  function checklist() {
    var content = document.querySelector(".md-content__inner");
    if (!content || !content.querySelector("[data-progress-bar]") ||
        content.hasAttribute("data-progress-ready")) return;
    var boxes = [], seen = {};
    each(content.querySelectorAll("li.task-list-item"), function (li) {
      var input = li.querySelector(":scope > label > input[type=checkbox], :scope > input[type=checkbox]");
      if (!input) return;
      var copy = li.cloneNode(true);
      each(copy.querySelectorAll("ul, ol, label"), function (n) { n.remove(); });
      var text = copy.textContent.replace(/\s+/g, " ").trim(), id = itemId(text);
      seen[id] = (seen[id] || 0) + 1;
      boxes.push({ li: li, input: input, text: text, id: seen[id] > 1 ? id + "-" + seen[id] : id });
    });
    if (!boxes.length) return;
    content.setAttribute("data-progress-ready", "");

    var r = parse(read(KEY)), store = r.store, done = {};
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k !== KEY) { localStorage.removeItem(k); r.reset = true; }
      }
    } catch (e) { /* storage unavailable */ }
    store.ids = boxes.map(function (b) { if (store.done[b.id]) done[b.id] = 1; return b.id; });
    store.done = done; /* forget ticks of items that no longer exist */
    save(store);

    var bar = content.querySelector("[data-progress-bar]"), status = bar.firstElementChild;
    var resetB = bar.querySelector("button");
    if (r.reset) bar.insertAdjacentHTML("beforeend", '<p class="progress-bar__notice" role="status">' +
      "Saved checklist ticks in this browser could not be read, so they were reset.</p>");

    function show() {
      var n = Object.keys(store.done).length;
      status.textContent = n + " of " + boxes.length + " done";
      resetB.disabled = !n;
    }
    boxes.forEach(function (b) {
      b.input.disabled = false;
      b.input.setAttribute("aria-label", b.text.slice(0, 160));
      b.input.setAttribute("data-item-id", b.id);
      b.input.checked = !!store.done[b.id];
      b.input.addEventListener("change", function () {
        if (b.input.checked) store.done[b.id] = 1;
        else delete store.done[b.id];
        save(store);
        show();
      });
    });
    resetB.addEventListener("click", function () {
      if (!window.confirm("Untick every item of the checklist?")) return;
      store.done = {};
      boxes.forEach(function (b) { b.input.checked = false; });
      save(store);
      show();
      boxes[0].input.focus();
    });
    show();
  }

  function summary() {
    var box = document.querySelector("[data-progress-summary]");
    if (!box || box.hasAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    var rows = [], SRS = window.GuideSRS, P = window.GuidePracticeScore;
    var c = parse(read(KEY)).store, n = Object.keys(c.done).length;
    if (n) rows.push(["checklist", "Checklist", n + " of " + c.ids.length + " done", "checklist/"]);
    if (SRS) {
      var cards = SRS.parseStore(read((window.guideFlashcards && window.guideFlashcards.key) ||
        "wbpm-guide.flashcards.v1")).store.cards, studied = 0, due = 0, now = Date.now();
      Object.keys(cards).forEach(function (id) {
        if (cards[id].state === "new") return;
        studied++;
        if (cards[id].due <= now) due++;
      });
      if (studied) rows.push(["cards", "Flashcards", due + (due === 1 ? " card" : " cards") + " due", "flashcards/"]);
    }
    var tries = P ? P.parseHistory(read("wbpm-guide.practice.v1")).store.attempts.length : 0;
    if (tries) rows.push(["practice", "Practice", tries + (tries === 1 ? " attempt" : " attempts"), "practice/"]);
    if (!rows.length) { box.hidden = true; return; }
    box.innerHTML = '<h2 id="your-progress">Your progress</h2><ul>' + rows.map(function (r) {
      return '<li data-summary="' + r[0] + '"><strong>' + r[1] + ':</strong> <a href="' + r[3] + '">' +
        r[2] + "</a></li>";
    }).join("") + "</ul><p>Kept in this browser only; nothing is sent anywhere.</p>";
    box.hidden = false;
  }

  function init() {
    try { checklist(); } catch (e) { if (window.console) console.warn("checklist:", e); }
    try { summary(); } catch (e) { if (window.console) console.warn("progress summary:", e); }
  }

  window.guideProgress = { key: KEY, itemId: itemId, parse: parse };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
