/* Spaced-repetition arithmetic for the flashcards: pure functions, no DOM, no storage.
 *
 * Why SM-2 and not FSRS: SM-2 (Wozniak, 1990) is a handful of published formulas with
 * reference values anyone can check by hand, it needs no fitted parameters, and it fits in
 * a few hundred bytes of a page budget. FSRS schedules better on large review histories, but
 * it needs a dozen-plus trained weights and a history this guide's small decks never build.
 *
 * SM-2 as used here, with grades mapped to its quality scale q (0..5):
 *   Again = 1, Hard = 3, Good = 4, Easy = 5.
 *   - q >= 3: interval I(1) = 1 day, I(2) = 6 days, then I(n) = round(I(n-1) * EF), where the
 *     interval uses the E-Factor before this review (Wikipedia's published pseudocode order);
 *     then EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3.
 *   - q < 3: repetitions start again from I(1) and EF is left unchanged (step 6 of the
 *     original); the card is shown again later in the same session (step 7), so it becomes a
 *     "learning" card due after one minute.
 * Loaded in the browser as the global `GuideSRS`, and in Node via `require`/`import`.
 */
(function (root) {
  "use strict";

  var MINUTE = 60 * 1000;
  var DAY = 24 * 60 * MINUTE;
  var QUALITY = { again: 1, hard: 3, good: 4, easy: 5 };
  var STATES = ["new", "learning", "review"];
  var VERSION = 1;

  /* The SM-2 E-Factor after a review of quality q, floored at 1.3 and kept to 4 decimals. */
  function nextEase(ef, q) {
    var next = ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    return Math.round(Math.max(1.3, next) * 10000) / 10000;
  }

  /* The SM-2 interval in days after a successful review, given repetitions so far. */
  function nextInterval(reps, interval, ef) {
    if (reps <= 0) return 1;
    if (reps === 1) return 6;
    return Math.round(interval * ef);
  }

  /* The state of a card never studied. */
  function newCard() {
    return { state: "new", reps: 0, ef: 2.5, interval: 0, due: 0, lapses: 0 };
  }

  /* The card's state after answering with `grade` (again|hard|good|easy) at time `now` (ms). */
  function review(card, grade, now) {
    var q = QUALITY[grade];
    if (q === undefined) throw new Error("unknown grade: " + grade);
    var c = card || newCard();
    if (q < 3) {
      return { state: "learning", reps: 0, ef: c.ef, interval: 0, due: now + MINUTE,
               lapses: c.lapses + (c.state === "review" ? 1 : 0) };
    }
    var days = nextInterval(c.reps, c.interval, c.ef);
    return { state: "review", reps: c.reps + 1, ef: nextEase(c.ef, q), interval: days,
             due: now + days * DAY, lapses: c.lapses };
  }

  /* A short label for the wait after `grade`, e.g. "1 min", "1 day", "6 days". */
  function preview(card, grade, now) {
    var wait = review(card, grade, now).due - now, d = Math.round(wait / DAY);
    return wait < DAY ? Math.round(wait / MINUTE) + " min" : d + (d > 1 ? " days" : " day");
  }

  function isNum(x) { return typeof x === "number" && isFinite(x); }

  /* True when `c` is a well-formed stored card state. */
  function isValidCard(c) {
    return !!c && typeof c === "object" && STATES.indexOf(c.state) >= 0 &&
      isNum(c.reps) && c.reps >= 0 && isNum(c.ef) && c.ef >= 1.3 && c.ef <= 10 &&
      isNum(c.interval) && c.interval >= 0 && isNum(c.due) && c.due >= 0 &&
      isNum(c.lapses) && c.lapses >= 0;
  }

  function emptyStore() { return { v: VERSION, cards: {} }; }

  /* Parse stored JSON. Returns {store, reset}: reset is true when the text was unreadable,
   * of another version, or held malformed card states (those are dropped, the rest kept). */
  function parseStore(text) {
    if (text === null || text === undefined) return { store: emptyStore(), reset: false };
    var data;
    try { data = JSON.parse(text); } catch (e) { return { store: emptyStore(), reset: true }; }
    if (!data || typeof data !== "object" || data.v !== VERSION || !data.cards ||
        typeof data.cards !== "object" || Array.isArray(data.cards)) {
      return { store: emptyStore(), reset: true };
    }
    var store = emptyStore(), reset = false;
    Object.keys(data.cards).forEach(function (id) {
      if (isValidCard(data.cards[id])) store.cards[id] = data.cards[id];
      else reset = true;
    });
    return { store: store, reset: reset };
  }

  function stateOf(store, id) { return store.cards[id] || newCard(); }

  /* Counts for a set of card ids: new, learning, review (due now), due (= learning + review
   * due now), studied (seen at least once) and total. */
  function counts(store, ids, now) {
    var r = { "new": 0, learning: 0, review: 0, due: 0, studied: 0, total: ids.length };
    ids.forEach(function (id) {
      var c = stateOf(store, id);
      if (c.state === "new") { r["new"]++; return; }
      r.studied++;
      if (c.due <= now) { r[c.state]++; r.due++; }
    });
    return r;
  }

  /* Fisher-Yates shuffle of a copy of `list`, with `rand` returning [0, 1). */
  function shuffle(list, rand) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  /* The study order: due learning cards, then due reviews, then new cards. */
  function queue(store, ids, now, rand) {
    var learn = [], rev = [], fresh = [];
    ids.forEach(function (id) {
      var c = stateOf(store, id);
      if (c.state === "new") fresh.push(id);
      else if (c.due <= now) (c.state === "learning" ? learn : rev).push(id);
    });
    if (rand) { rev = shuffle(rev, rand); fresh = shuffle(fresh, rand); }
    return learn.concat(rev, fresh);
  }

  var api = { MINUTE: MINUTE, DAY: DAY, QUALITY: QUALITY, VERSION: VERSION,
    nextEase: nextEase, nextInterval: nextInterval, newCard: newCard, review: review,
    preview: preview, isValidCard: isValidCard, emptyStore: emptyStore,
    parseStore: parseStore, stateOf: stateOf, counts: counts, shuffle: shuffle, queue: queue };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuideSRS = api;
})(this);
