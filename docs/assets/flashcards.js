/* Flashcard study in the browser: one card at a time on a deck page, due counts on the index.
 *
 * The deck pages hold every card as plain HTML (question and answer, `data-card-id`), so
 * without this script they read as a list. They also hold the study panel, in its final
 * place and size (hidden without JavaScript), which this script only wires up and fills in,
 * so the page does not shift when it runs. The panel shows one card, "Show
 * answer" (Space) reveals the answer in a live region, and Again/Hard/Good/Easy (keys 1-4)
 * schedule the card with SM-2 (docs/assets/srs.js, which says why SM-2). Progress lives in
 * localStorage under one versioned key, as a map from card id to schedule; unreadable or
 * older data is detected by GuideSRS.parseStore, reset, and the reader told.
 *
 * Material's instant navigation swaps pages without reloading scripts, so setup runs on
 * every `document$` emission; the one keyboard listener is added once and acts on whichever
 * deck the current page shows.
 */
(function () {
  "use strict";
  if (window.guideFlashcards) return;
  var SRS = window.GuideSRS;
  var PREFIX = "wbpm-guide.flashcards.";
  var KEY = PREFIX + "v" + SRS.VERSION;
  var GRADES = [["again", "Again"], ["hard", "Hard"], ["good", "Good"], ["easy", "Easy"]];
  var RESET_NOTE = "Saved flashcard progress in this browser could not be read (damaged or " +
    "from an older version of the site), so it was reset.";
  var session = null;

  /* Read the store, dropping other versions' keys; `reset` says something had to go. */
  function load() {
    var raw = null, old = false;
    try {
      raw = localStorage.getItem(KEY);
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k !== KEY) { localStorage.removeItem(k); old = true; }
      }
    } catch (e) { /* storage blocked: study without saving */ }
    var r = SRS.parseStore(raw);
    if (r.reset) save(r.store);
    return { store: r.store, reset: r.reset || old };
  }

  function save(store) {
    try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* full/blocked */ }
  }

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text) n.textContent = text;
    return n;
  }

  /* Copy a card side into `target`, leaving out its "Question"/"Answer" label. */
  function fill(target, side) {
    target.textContent = "";
    Array.prototype.forEach.call(side ? side.childNodes : [], function (n) {
      if (n.nodeType === 1 && n.classList.contains("fc-label")) return;
      target.appendChild(n.cloneNode(true));
    });
  }

  function Deck(root) {
    var self = this;
    this.root = root;
    this.cards = {};
    this.ids = [];
    root.querySelectorAll(".fc-card").forEach(function (s) {
      var id = s.getAttribute("data-card-id");
      self.ids.push(id);
      self.cards[id] = { front: s.querySelector(".fc-front"), back: s.querySelector(".fc-back") };
    });
    this.shuffled = false;
    this.build(root.querySelector("[data-fc-study]"));
    var loaded = load();
    this.store = loaded.store;
    if (loaded.reset) this.notice.textContent = RESET_NOTE;
    this.start();
  }

  /* Wire up the study panel the page already holds (deck_pages.render_study), in its final
   * place and size, so nothing moves when this runs. */
  Deck.prototype.build = function (study) {
    var self = this;
    var name = (document.querySelector(".md-content h1") || {}).textContent || "this deck";
    this.name = name.replace(/\s*¶\s*$/, "");
    function $(sel, fn) {
      var n = study.querySelector(sel);
      if (fn) n.addEventListener("click", fn);
      return n;
    }
    this.counts = $(".fc-counts");
    this.bar = $("progress");
    this.barText = $(".fc-bar-text");
    this.pos = $(".fc-pos");
    this.q = $(".fc-q");
    this.a = $(".fc-a");
    this.showBtn = $(".fc-show", function () { self.show(); });
    this.grades = $(".fc-grades");
    this.gradeBtns = GRADES.map(function (g) {
      return $("[data-grade=" + g[0] + "]", function () { self.grade(g[0]); });
    });
    this.done = $(".fc-done");
    var shuffle = $(".fc-shuffle", function () {
      self.shuffled = !self.shuffled;
      shuffle.setAttribute("aria-pressed", String(self.shuffled));
      self.start(true);
    });
    var browse = $(".fc-browse", function () {
      var open = self.root.classList.toggle("fc-browsing");
      browse.setAttribute("aria-expanded", String(open));
      browse.textContent = open ? "Hide the list" : "Show all cards";
    });
    $(".fc-reset", function () { self.reset(); });
    this.notice = $(".fc-notice");
    this.root.classList.add("fc-js");
  };

  /* Build this session's queue from the store and show its first card. */
  Deck.prototype.start = function (focus) {
    this.queue = SRS.queue(this.store, this.ids, Date.now(), this.shuffled ? Math.random : null);
    this.update();
    this.next(focus);
  };

  Deck.prototype.update = function () {
    var c = SRS.counts(this.store, this.ids, Date.now()), counts = this.counts;
    [["due now", c.due], ["new", c["new"]], ["learning", c.learning], ["review", c.review]]
      .forEach(function (p) {
        counts.querySelector('[data-fc-count="' + p[0] + '"] b').textContent = String(p[1]);
      });
    this.bar.value = c.studied;
    this.barText.textContent = c.studied + " of " + c.total + " cards studied";
  };

  Deck.prototype.next = function (focus) {
    this.current = this.queue.shift() || null;
    this.shown = false;
    this.a.textContent = "";
    this.grades.hidden = true;
    var has = !!this.current;
    this.q.hidden = this.a.hidden = this.showBtn.hidden = !has;
    this.done.hidden = has;
    if (!has) {
      this.pos.textContent = "";
      this.done.textContent = "";
      this.done.append(el("p", {}, "Nothing more is due in this deck right now."), el("p", {},
        this.nextDue()));
      if (focus) this.done.focus();
      return;
    }
    this.pos.textContent = "Cards left in this session: " + (this.queue.length + 1);
    this.q.setAttribute("data-card-id", this.current);
    fill(this.q, this.cards[this.current].front);
    if (focus) this.q.focus();
  };

  Deck.prototype.nextDue = function () {
    var store = this.store, soon = Infinity;
    this.ids.forEach(function (id) {
      var c = store.cards[id];
      if (c && c.due < soon) soon = c.due;
    });
    if (soon === Infinity) return "";
    return "Next card due: " + new Date(soon).toLocaleString([], { dateStyle: "medium",
      timeStyle: "short" }) + ".";
  };

  Deck.prototype.show = function () {
    if (!this.current || this.shown) return;
    this.shown = true;
    fill(this.a, this.cards[this.current].back);
    var state = SRS.stateOf(this.store, this.current), now = Date.now();
    this.gradeBtns.forEach(function (b, i) {
      var wait = SRS.preview(state, GRADES[i][0], now);
      // The visible text is the accessible name (WCAG 2.5.3): "Good in 6 days".
      b.textContent = GRADES[i][1] + " ";
      b.append(el("small", { "class": "fc-wait" }, "in " + wait));
    });
    this.showBtn.hidden = true;
    this.grades.hidden = false;
    this.gradeBtns[2].focus();
  };

  Deck.prototype.grade = function (grade) {
    if (!this.current || !this.shown) return;
    this.store = load().store;
    var state = SRS.review(SRS.stateOf(this.store, this.current), grade, Date.now());
    this.store.cards[this.current] = state;
    save(this.store);
    if (state.state === "learning") this.queue.push(this.current);
    this.update();
    this.next(true);
  };

  Deck.prototype.reset = function () {
    if (!window.confirm("Reset your progress in the " + this.name + " deck? Every card in it " +
      "becomes new again. This cannot be undone.")) return;
    this.store = load().store;
    this.ids.forEach(function (id) { delete this.store.cards[id]; }, this);
    save(this.store);
    this.notice.textContent = "Progress in this deck was reset.";
    this.start(true);
  };

  /* The index: fill each deck's due and new counts, and the totals. */
  function fillIndex(table) {
    var loaded = load(), now = Date.now(), all = [];
    table.querySelectorAll("[data-fc-deck-row]").forEach(function (row) {
      var ids = (row.getAttribute("data-fc-ids") || "").split(" ").filter(Boolean);
      all = all.concat(ids);
      put(row, SRS.counts(loaded.store, ids, now));
    });
    var foot = table.querySelector("tfoot tr");
    if (foot) put(foot, SRS.counts(loaded.store, all, now));
    if (loaded.reset) {
      var note = el("p", { "class": "fc-notice", role: "status" }, RESET_NOTE);
      table.parentNode.insertBefore(note, table);
    }
  }

  function put(row, c) {
    row.querySelector("[data-fc-due]").textContent = String(c.due);
    row.querySelector("[data-fc-new]").textContent = String(c["new"]);
  }

  function onKey(e) {
    var d = session;
    if (!d || !d.root.isConnected || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === " " || e.key === "Spacebar") {
      if (t && t.tagName === "BUTTON") return; // the focused button handles Space itself
      if (d.current && !d.shown) { e.preventDefault(); d.show(); }
      return;
    }
    var i = ["1", "2", "3", "4"].indexOf(e.key);
    if (i >= 0 && d.shown) { e.preventDefault(); d.grade(GRADES[i][0]); }
  }

  function init() {
    session = null;
    var root = document.querySelector("[data-fc-deck]");
    if (root && root.querySelector(".fc-q")) session = new Deck(root);
    var index = document.querySelector("[data-fc-index]");
    if (index) fillIndex(index);
  }

  window.guideFlashcards = { init: init, key: KEY };
  document.addEventListener("keydown", onKey);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
