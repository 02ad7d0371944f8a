/* The guide's stores, defined once (docs/assets/storage.js says how stores work):
 *
 *   flashcards  v2  {cards: {card id: FSRS record (docs/assets/srs.js)}}; v1 was SM-2
 *   settings    v1  {retention: 0.7..0.99, newPerDay: 0..500}: the reader's study settings
 *   checklist   v1  {v: 1, done: {item id: 1}, ids: [item ids on the checklist]}
 *   practice    v1  {v: 1, attempts: [practice attempt]} (rules in practice-history.js)
 *
 * Each has its validation, its merge for imports (the newer review of a card wins; ticks and
 * attempts are united) and a one-line description for the import and summary messages. The
 * flashcards migration from SM-2 needs the scheduler (srs.js): on a page without it the old
 * data stays untouched until a flashcards page migrates it.
 * Loaded in the browser as the global `GuideStores` (after storage.js; pages that read the
 * practice history also load practice-history.js),
 * and in Node via `require`/`import`, where `GuideStores.create(layer)` defines them on a
 * storage layer of the test's own.
 */
(function (root) {
  "use strict";

  var node = typeof module === "object" && module.exports;
  if (!node && root.GuideStores) return;
  function dep(global, file) { return root[global] || (node ? require(file) : null); }
  var Storage = dep("GuideStorage", "./storage.js");
  /* The practice history's rules, loaded only by pages that read that history. */
  function practiceRules() { return dep("GuidePracticeHistory", "./practice-history.js"); }

  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ---- flashcards ---------------------------------------------------------------------- */

  /* True when `r` is a well-formed FSRS card record. */
  function isCardRecord(r) {
    return isMap(r) && [0, 1, 2, 3].indexOf(r.state) >= 0 && isNum(r.due) && r.due >= 0 &&
      isNum(r.stability) && r.stability >= 0 && isNum(r.difficulty) && r.difficulty >= 0 &&
      r.difficulty <= 10 && ["elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses",
        "last_review", "first"].every(function (f) { return isNum(r[f]) && r[f] >= 0; });
  }

  function parseCards(data) {
    if (!isMap(data) || !isMap(data.cards)) return null;
    var cards = {}, dropped = 0;
    Object.keys(data.cards).forEach(function (id) {
      if (isCardRecord(data.cards[id])) cards[id] = data.cards[id];
      else dropped++;
    });
    return { value: { cards: cards }, dropped: dropped };
  }

  /* Card by card, the record with the later review wins (ours on a tie). */
  function mergeCards(mine, theirs) {
    var cards = {};
    Object.keys(mine.cards).forEach(function (id) { cards[id] = mine.cards[id]; });
    Object.keys(theirs.cards).forEach(function (id) {
      if (!cards[id] || theirs.cards[id].last_review > cards[id].last_review) cards[id] = theirs.cards[id];
    });
    return { cards: cards };
  }

  var flashcards = {
    name: "flashcards", version: 2, label: "Flashcards",
    empty: function () { return { cards: {} }; },
    parse: parseCards,
    migrations: {
      1: function (v1) {
        var SRS = dep("GuideSRS", "./srs.js");
        if (!SRS) throw new Storage.Pending("the scheduler");
        return SRS.storeFromSM2(v1);
      }
    },
    merge: mergeCards,
    describe: function (v) { return plural(Object.keys(v.cards).length, "card") + " studied"; }
  };

  /* The card states, numbered as ts-fsrs numbers them (a Node test holds them equal). */
  var STATE = { "new": 0, learning: 1, review: 2, relearning: 3 };

  /* "new" (no record), "learning" (learning or relearning) or "review". */
  function stateName(rec) {
    if (!rec || rec.state === STATE["new"]) return "new";
    return rec.state === STATE.review ? "review" : "learning";
  }

  /* Counts for card ids: new, learning and review due now, due (= both), studied, total. */
  function counts(cards, ids, now) {
    var r = { "new": 0, learning: 0, review: 0, due: 0, studied: 0, total: ids.length };
    ids.forEach(function (id) {
      var kind = stateName(cards[id]);
      if (kind === "new") { r["new"]++; return; }
      r.studied++;
      if (cards[id].due <= now) { r[kind]++; r.due++; }
    });
    return r;
  }

  /* Midnight (local time) of the day holding `now`. */
  function dayStart(now) { var d = new Date(now); d.setHours(0, 0, 0, 0); return d.getTime(); }

  /* How many new cards may still be started today under the reader's `settings`. */
  function newLeft(cards, now, settings) {
    var start = dayStart(now), used = 0;
    Object.keys(cards).forEach(function (id) { if (cards[id].first >= start) used++; });
    return Math.max(0, settings.newPerDay - used);
  }

  /* "N due · M new": due now, and new cards the daily limit still lets in. */
  function dueLine(cards, ids, now, settings) {
    var c = counts(cards, ids, now);
    return c.due + " due \u00b7 " + Math.min(c["new"], newLeft(cards, now, settings)) + " new";
  }

  /* ---- settings ------------------------------------------------------------------------ */

  /* Desired retention 90% (FSRS's default) and 20 new cards a day. */
  function settingsDefault() { return { retention: 0.9, newPerDay: 20 }; }

  var settings = {
    name: "settings", version: 1, label: "Study settings",
    empty: settingsDefault,
    parse: function (d) {
      if (!isMap(d) || !isNum(d.retention) || d.retention < 0.7 || d.retention > 0.99 ||
          !isNum(d.newPerDay) || d.newPerDay < 0 || d.newPerDay > 500 ||
          Math.floor(d.newPerDay) !== d.newPerDay) return null;
      return { value: { retention: d.retention, newPerDay: d.newPerDay }, dropped: 0 };
    },
    merge: function (mine, theirs) { return theirs; },
    describe: function (v) {
      return "retention " + Math.round(v.retention * 100) + "%, " + plural(v.newPerDay, "new card") +
        " a day";
    }
  };

  /* ---- checklist ----------------------------------------------------------------------- */

  var checklist = {
    name: "checklist", version: 1, label: "Checklist",
    empty: function () { return { v: 1, done: {}, ids: [] }; },
    parse: function (d) {
      var good = isMap(d) && d.v === 1 && isMap(d.done) && Array.isArray(d.ids) &&
        d.ids.every(function (i) { return typeof i === "string"; }) &&
        Object.keys(d.done).every(function (k) { return d.done[k] === 1; });
      return good ? { value: { v: 1, done: d.done, ids: d.ids }, dropped: 0 } : null;
    },
    merge: function (mine, theirs) {
      var done = {}, ids = mine.ids.slice();
      [mine, theirs].forEach(function (s) { Object.keys(s.done).forEach(function (k) { done[k] = 1; }); });
      theirs.ids.forEach(function (i) { if (ids.indexOf(i) < 0) ids.push(i); });
      return { v: 1, done: done, ids: ids };
    },
    describe: function (v) { return plural(Object.keys(v.done).length, "item") + " ticked"; }
  };

  /* ---- practice history ---------------------------------------------------------------- */

  var practice = {
    name: "practice", version: 1, label: "Practice history",
    empty: function () { return practiceRules().emptyHistory(); },
    parse: function (d) {
      if (!isMap(d) || d.v !== 1 || !Array.isArray(d.attempts)) return null;
      var r = practiceRules().parseHistory(JSON.stringify(d));
      return { value: r.store, dropped: d.attempts.length - r.store.attempts.length };
    },
    /* Both histories, each attempt once (by date and prompt), oldest first, newest kept. */
    merge: function (mine, theirs) {
      var seen = {}, all = [];
      mine.attempts.concat(theirs.attempts).forEach(function (a) {
        var k = a.date + "\n" + a.prompt;
        if (!seen[k]) { seen[k] = 1; all.push(a); }
      });
      all.sort(function (a, b) { return Date.parse(a.date) - Date.parse(b.date); });
      return { v: 1, attempts: all.slice(-practiceRules().MAX_ATTEMPTS) };
    },
    describe: function (v) { return plural(v.attempts.length, "attempt"); }
  };

  var DEFS = [flashcards, settings, checklist, practice];

  /* Define the guide's stores on a storage layer; {name: store}. */
  function create(layer) {
    var out = {};
    DEFS.forEach(function (d) { out[d.name] = layer.define(d); });
    return out;
  }

  var api = { STATE: STATE, isCardRecord: isCardRecord, mergeCards: mergeCards, stateName: stateName,
    counts: counts, dayStart: dayStart, newLeft: newLeft, dueLine: dueLine,
    settingsDefault: settingsDefault, defs: DEFS, create: create };
  if (node) { module.exports = api; return; }
  var stores = create(Storage);
  Object.keys(stores).forEach(function (k) { api[k] = stores[k]; });
  root.GuideStores = api;
})(this);
