/* Saved progress: a preparation checklist that remembers ticks, and a "Your progress" summary.
 *
 * Checklist: any page whose content has a task list (docs/checklist.md, rendered by
 * pymdownx.tasklist as disabled checkboxes) gets working, keyboard-operable, labelled boxes.
 * Ticks are stored per reader in localStorage under a versioned key, by an id derived from
 * the item's text (not its position), so reordering items keeps ticks and rewording an item
 * simply clears its tick. A reset (with an inline confirmation) unticks everything.
 * Summary: the `[data-progress-summary]` block on the home page shows checklist done x/y,
 * flashcards due (read-only from the flashcards store) and practice attempts, and stays
 * hidden while all three are empty. Stored state is validated; unreadable state is reset.
 * Runs on every page load and every instant navigation (Material's `document$`).
 */
(function () {
  "use strict";
  if (window.guideProgress) return;

  var KEY = "wbpm-guide.checklist.v1";
  var PREFIX = "wbpm-guide.checklist.";
  var VERSION = 1;
  var PRACTICE_KEY = "wbpm-guide.practice.v1";
  var CARDS_KEY = "wbpm-guide.flashcards.v1";

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  /* ---- the checklist store: {v, done: {id: 1}, pages: {path: [ids]}} ------------------ */

  function emptyStore() { return { v: VERSION, done: {}, pages: {} }; }

  function isIdList(x) {
    return Array.isArray(x) && x.length <= 500 &&
      x.every(function (i) { return typeof i === "string" && i.length <= 64; });
  }

  /* Parse stored JSON into {store, reset}; anything malformed resets the whole store. */
  function parseStore(text) {
    if (text === null || text === undefined) return { store: emptyStore(), reset: false };
    var d;
    try { d = JSON.parse(text); } catch (e) { return { store: emptyStore(), reset: true }; }
    var ok = d && typeof d === "object" && d.v === VERSION &&
      d.done && typeof d.done === "object" && !Array.isArray(d.done) &&
      d.pages && typeof d.pages === "object" && !Array.isArray(d.pages) &&
      Object.keys(d.done).every(function (k) { return d.done[k] === 1 && k.length <= 64; }) &&
      Object.keys(d.pages).every(function (k) { return isIdList(d.pages[k]); });
    return ok ? { store: d, reset: false } : { store: emptyStore(), reset: true };
  }

  function load() {
    var r = parseStore(read(KEY));
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k !== KEY) { window.localStorage.removeItem(k); r.reset = true; }
      }
    } catch (e) { /* storage unavailable */ }
    return r;
  }

  /* Ticked and total counts over the items last seen on checklist pages. */
  function tally(store) {
    var seen = {}, total = 0, done = 0;
    Object.keys(store.pages).forEach(function (p) {
      store.pages[p].forEach(function (id) {
        if (seen[id]) return;
        seen[id] = 1;
        total++;
        if (store.done[id] === 1) done++;
      });
    });
    return { done: done, total: total, page: Object.keys(store.pages)[0] || null };
  }

  /* A stable id from an item's text: FNV-1a over the normalised text, base 36. */
  function itemId(text) {
    var s = text.replace(/\s+/g, " ").trim().toLowerCase();
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return "t" + h.toString(36) + s.length.toString(36);
  }

  /* The item's own text, without nested lists or the checkbox. */
  function itemText(li) {
    var copy = li.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("ul, ol, .task-list-control"), function (n) {
      n.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* ---- the checklist page ------------------------------------------------------------- */

  function setupChecklist() {
    var content = document.querySelector(".md-content__inner") || document.querySelector(".md-content");
    if (!content || content.hasAttribute("data-progress-ready")) return;
    var items = content.querySelectorAll("li.task-list-item");
    var boxes = [];
    Array.prototype.forEach.call(items, function (li) {
      var input = li.querySelector(":scope > label.task-list-control > input[type=checkbox], " +
        ":scope > input[type=checkbox]");
      if (input) boxes.push({ li: li, input: input, text: itemText(li) });
    });
    if (!boxes.length) return;
    content.setAttribute("data-progress-ready", "");

    var loaded = load();
    var store = loaded.store;
    var path = window.location.pathname;
    var used = {};
    boxes.forEach(function (b) {
      var id = itemId(b.text);
      used[id] = (used[id] || 0) + 1;
      b.id = used[id] > 1 ? id + "-" + used[id] : id;
    });
    store.pages[path] = boxes.map(function (b) { return b.id; });
    /* Forget ticks of items that no longer exist on any checklist page. */
    var live = {};
    Object.keys(store.pages).forEach(function (p) {
      store.pages[p].forEach(function (id) { live[id] = 1; });
    });
    Object.keys(store.done).forEach(function (id) { if (!live[id]) delete store.done[id]; });
    write(KEY, JSON.stringify(store));

    var bar = el("div", { "class": "progress-bar", role: "group", "aria-label": "Checklist progress" });
    var status = el("p", { "class": "progress-bar__status", "aria-live": "polite", "data-checklist-status": "" });
    var resetBtn = el("button", { type: "button", "class": "md-button", "data-action": "reset-checklist" },
      "Reset checklist");
    var confirm = el("span", { "class": "progress-bar__confirm", hidden: "" });
    var yes = el("button", { type: "button", "class": "md-button md-button--primary",
      "data-action": "confirm-reset" }, "Untick all");
    var no = el("button", { type: "button", "class": "md-button", "data-action": "cancel-reset" }, "Cancel");
    confirm.appendChild(el("span", {}, "Untick every item? "));
    confirm.appendChild(yes);
    confirm.appendChild(no);
    [status, resetBtn, confirm].forEach(function (n) { bar.appendChild(n); });
    if (loaded.reset) {
      bar.appendChild(el("p", { "class": "progress-bar__notice", role: "status" },
        "Saved checklist ticks in this browser could not be read, so they were reset."));
    }
    var h1 = content.querySelector("h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(bar, h1.nextSibling);
    else content.insertBefore(bar, content.firstChild);

    function render() {
      var t = tally(store);
      status.textContent = t.done + " of " + t.total + " done";
      resetBtn.disabled = t.done === 0;
    }

    boxes.forEach(function (b) {
      b.input.disabled = false;
      b.input.removeAttribute("disabled");
      b.input.setAttribute("aria-label", b.text.length > 160 ? b.text.slice(0, 157) + "..." : b.text);
      b.input.setAttribute("data-item-id", b.id);
      b.input.checked = store.done[b.id] === 1;
      b.li.classList.toggle("is-done", b.input.checked);
      b.input.addEventListener("change", function () {
        if (b.input.checked) store.done[b.id] = 1;
        else delete store.done[b.id];
        b.li.classList.toggle("is-done", b.input.checked);
        write(KEY, JSON.stringify(store));
        render();
      });
    });

    bar.addEventListener("click", function (e) {
      var action = e.target.getAttribute && e.target.getAttribute("data-action");
      if (action === "reset-checklist") {
        confirm.hidden = false;
        resetBtn.hidden = true;
        no.focus();
      } else if (action === "confirm-reset" || action === "cancel-reset") {
        if (action === "confirm-reset") {
          store.done = {};
          boxes.forEach(function (b) { b.input.checked = false; b.li.classList.remove("is-done"); });
          write(KEY, JSON.stringify(store));
        }
        confirm.hidden = true;
        resetBtn.hidden = false;
        render();
        (resetBtn.disabled ? boxes[0].input : resetBtn).focus();
      }
    });
    render();
  }

  /* ---- the home page summary ---------------------------------------------------------- */

  function cardsSummary() {
    var SRS = window.GuideSRS;
    var key = (window.guideFlashcards && window.guideFlashcards.key) || CARDS_KEY;
    if (!SRS) return null;
    var r = SRS.parseStore(read(key));
    if (r.reset) return null;
    var now = Date.now(), studied = 0, due = 0;
    Object.keys(r.store.cards).forEach(function (id) {
      var c = r.store.cards[id];
      if (c.state === "new") return;
      studied++;
      if (c.due <= now) due++;
    });
    return studied ? { studied: studied, due: due } : null;
  }

  function practiceSummary() {
    var S = window.GuidePracticeScore;
    if (!S) return null;
    var r = S.parseHistory(read(PRACTICE_KEY));
    var n = r.store.attempts.length;
    return n ? { attempts: n, last: r.store.attempts[n - 1] } : null;
  }

  function setupSummary() {
    var box = document.querySelector("[data-progress-summary]");
    if (!box || box.hasAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    var check = tally(parseStore(read(KEY)).store);
    var cards = cardsSummary();
    var practice = practiceSummary();
    var rows = [];
    if (check.done > 0) {
      rows.push(["Checklist", check.done + " of " + check.total + " done", check.page, "checklist"]);
    }
    if (cards) {
      rows.push(["Flashcards", cards.due === 1 ? "1 card due" : cards.due + " cards due",
        "flashcards/", "cards"]);
    }
    if (practice) {
      rows.push(["Practice", practice.attempts === 1 ? "1 attempt" : practice.attempts + " attempts",
        "practice/", "practice"]);
    }
    box.textContent = "";
    if (!rows.length) { box.hidden = true; return; }
    box.appendChild(el("h2", { id: "your-progress" }, "Your progress"));
    var list = el("ul", { "class": "progress-summary__list" });
    rows.forEach(function (r) {
      var li = el("li", { "data-summary": r[3] });
      li.appendChild(el("strong", {}, r[0] + ": "));
      li.appendChild(el("a", { href: r[2] }, r[1]));
      list.appendChild(li);
    });
    box.appendChild(list);
    box.appendChild(el("p", { "class": "progress-summary__note" },
      "Kept in this browser only; nothing is sent anywhere."));
    box.hidden = false;
  }

  function init() {
    try { setupChecklist(); } catch (e) { if (window.console) window.console.warn("checklist:", e); }
    try { setupSummary(); } catch (e) { if (window.console) window.console.warn("summary:", e); }
  }

  window.guideProgress = { key: KEY, itemId: itemId, parseStore: parseStore };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
