/* The study panel of a deck page and of the Review page (every deck at once).
 *
 * Deck and Review pages hold every card as plain HTML (question and answer, `data-card-id`),
 * so without this script they read as a list. They also hold the study panel in its final
 * place and size (hidden without JavaScript), which this script wires up and fills in, so
 * the page does not shift. "Show answer" (Space) reveals the answer in a live region; Again,
 * Hard, Good and Easy (keys 1-4) schedule the card with FSRS (srs.js over ts-fsrs), each
 * button showing its wait. A deck page studies its due cards then all its new ones; the
 * Review page (`data-fc-review`) mixes the due cards of every deck, then new cards up to the
 * reader's daily limit. Loaded after flashcards.js (its notices and the reader's settings);
 * the flashcards index, which has no panel, does without it.
 * Start-up: GuideStart.onPage; the one keyboard listener acts on the page's panel.
 */
(function (root) {
  "use strict";
  if (root.GuideStudyPanel) return;
  var SRS = root.GuideSRS, Stores = root.GuideStores, Cards = root.GuideFlashcards;
  var Start = root.GuideStart, el = Start.el, doc = root.document;
  var LABELS = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
  var session = null;

  /* Copy a card side into `target`, leaving out its "Question"/"Answer" label. */
  function fill(target, side) {
    target.textContent = "";
    Array.prototype.forEach.call(side ? side.childNodes : [], function (n) {
      if (n.nodeType === 1 && n.classList.contains("fc-label")) return;
      target.appendChild(n.cloneNode(true));
    });
  }

  function Panel(root_) {
    var self = this;
    this.root = root_;
    this.review = root_.hasAttribute("data-fc-review");
    this.cards = {};
    this.ids = [];
    root_.querySelectorAll(".fc-card").forEach(function (s) {
      var id = s.getAttribute("data-card-id");
      self.ids.push(id);
      self.cards[id] = { front: s.querySelector(".fc-front"), back: s.querySelector(".fc-back") };
    });
    this.shuffled = this.review;
    this.build(root_.querySelector("[data-fc-study]"));
    var loaded = Stores.flashcards.read();
    this.store = loaded.value;
    if (Cards.notices[loaded.notice]) this.notice.textContent = Cards.notices[loaded.notice];
    this.start();
  }

  /* Wire up the study panel the page already holds (deck_pages.render_study). */
  Panel.prototype.build = function (study) {
    var self = this;
    var name = (doc.querySelector(".md-content h1") || {}).textContent || "this deck";
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
    this.gradeBtns = SRS.GRADES.map(function (g) {
      return $("[data-grade=" + g + "]", function () { self.grade(g); });
    });
    this.done = $(".fc-done");
    var shuffle = $(".fc-shuffle", function () {
      self.shuffled = !self.shuffled;
      shuffle.setAttribute("aria-pressed", String(self.shuffled));
      self.start(true);
    });
    shuffle.setAttribute("aria-pressed", String(this.shuffled));
    var browse = $(".fc-browse", function () {
      var open = self.root.classList.toggle("fc-browsing");
      browse.setAttribute("aria-expanded", String(open));
      browse.textContent = open ? "Hide the list" : "Show all cards";
    });
    $(".fc-reset", function () { self.reset(); });
    this.notice = $(".fc-notice");
    this.root.classList.add("fc-js");
  };

  /* Build this session's queue and show its first card. */
  Panel.prototype.start = function (focus) {
    var now = Date.now(), cards = this.store.cards;
    var maxNew = this.review ? Stores.newLeft(cards, now, Cards.settings()) : undefined;
    this.queue = SRS.queue(cards, this.ids, now, this.shuffled ? Math.random : null, maxNew);
    this.update();
    this.next(focus);
  };

  Panel.prototype.update = function () {
    var c = Stores.counts(this.store.cards, this.ids, Date.now()), counts = this.counts;
    [["due now", c.due], ["new", c["new"]], ["learning", c.learning], ["review", c.review]]
      .forEach(function (p) {
        counts.querySelector('[data-fc-count="' + p[0] + '"] b').textContent = String(p[1]);
      });
    this.bar.value = c.studied;
    this.barText.textContent = c.studied + " of " + c.total + " cards studied";
  };

  Panel.prototype.next = function (focus) {
    this.current = this.queue.shift() || null;
    this.shown = false;
    this.a.textContent = "";
    this.grades.hidden = true;
    var has = !!this.current;
    this.q.hidden = this.a.hidden = this.showBtn.hidden = !has;
    this.done.hidden = has;
    this.root.classList.remove("fc-answered");
    if (!has) {
      this.pos.textContent = "";
      this.done.textContent = "";
      this.done.append(el("p", {}, this.review ? "Nothing more to review right now." :
        "Nothing more is due in this deck right now."), el("p", {}, this.nextDue()));
      if (focus) this.done.focus();
      return;
    }
    this.pos.textContent = "Cards left in this session: " + (this.queue.length + 1);
    this.q.setAttribute("data-card-id", this.current);
    fill(this.q, this.cards[this.current].front);
    if (focus) this.q.focus();
  };

  Panel.prototype.nextDue = function () {
    var cards = this.store.cards, soon = Infinity;
    this.ids.forEach(function (id) { if (cards[id] && cards[id].due < soon) soon = cards[id].due; });
    if (soon === Infinity) return "";
    return "Next card due: " + new Date(soon).toLocaleString([], { dateStyle: "medium",
      timeStyle: "short" }) + ".";
  };

  Panel.prototype.show = function () {
    if (!this.current || this.shown) return;
    this.shown = true;
    fill(this.a, this.cards[this.current].back);
    var waits = SRS.preview(this.store.cards[this.current], Date.now(), Cards.settings());
    this.gradeBtns.forEach(function (b, i) {
      var g = SRS.GRADES[i];
      // The visible text is the accessible name (WCAG 2.5.3): "Good in 10 min".
      b.textContent = LABELS[g] + " ";
      b.append(el("small", { "class": "fc-wait" }, "in " + waits[g]));
    });
    this.showBtn.hidden = true;
    this.grades.hidden = false;
    this.root.classList.add("fc-answered");
    // Keep the question in view: focus without scrolling, then bring the stage's top up.
    this.gradeBtns[2].focus({ preventScroll: true });
    var stage = this.q.closest(".fc-stage") || this.q, top = stage.getBoundingClientRect().top;
    if (top < 0 || top > root.innerHeight / 2) stage.scrollIntoView({ block: "start" });
  };

  Panel.prototype.grade = function (grade) {
    if (!this.current || !this.shown) return;
    var id = this.current, set = Cards.settings();
    this.store = Stores.flashcards.update(function (v) {
      v.cards[id] = SRS.review(v.cards[id], grade, Date.now(), set);
      return v;
    });
    var rec = this.store.cards[id];
    // A card in its learning steps (minutes away) comes back in this session.
    if (Stores.stateName(rec) === "learning" && rec.due - Date.now() < SRS.HOUR) this.queue.push(id);
    this.update();
    this.next(true);
  };

  Panel.prototype.reset = function () {
    var what = this.review ? "every deck" : "the " + this.name + " deck";
    if (!root.confirm("Reset your progress in " + what + "? Every card in it becomes new " +
      "again. This cannot be undone.")) return;
    var ids = this.ids;
    this.store = Stores.flashcards.update(function (v) {
      ids.forEach(function (id) { delete v.cards[id]; });
      return v;
    });
    this.notice.textContent = this.review ? "Progress in every deck was reset." :
      "Progress in this deck was reset.";
    this.start(true);
  };

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
    if (i >= 0 && d.shown) { e.preventDefault(); d.grade(SRS.GRADES[i]); }
  }

  function init() {
    session = null;
    var panel = doc.querySelector("[data-fc-deck]");
    if (panel && panel.querySelector(".fc-q")) session = new Panel(panel);
  }

  root.GuideStudyPanel = { session: function () { return session; } };
  doc.addEventListener("keydown", onKey);
  Start.onPage("flashcards-study", init);
})(this);
