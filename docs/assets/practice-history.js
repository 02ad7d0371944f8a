/* The practice room's saved history: its versioned format and the rules that read, check and
 * extend it. Pure functions, no DOM, no storage.
 *
 * Apart from practice-score.js (the rubric arithmetic, the timer, CSV) because the pages that
 * only back up or summarise the history (the flashcards index, the home summary, the
 * checklist) need these rules and nothing else of the practice room.
 * Loaded in the browser as the global `GuidePracticeHistory`, and in Node via `require`/`import`.
 */
(function (root) {
  "use strict";

  var VERSION = 1;
  var LEVELS = { weak: 1, adequate: 2, strong: 3 };
  var MAX_ATTEMPTS = 200;
  var MAX_CHECKS = 10;

  /* ---- History store: {v, attempts: [{prompt, date (ISO), scores: {key: level},
   *      checks?: [ticked self-check items], checkTotal?: items offered}]} ------------------
   * `checks` and `checkTotal` came with the model-answer outlines; attempts saved before them
   * have neither and stay valid as they are, so the store keeps its version. */

  function emptyHistory() { return { v: VERSION, attempts: [] }; }

  function isValidAttempt(a) {
    if (!a || typeof a !== "object" || typeof a.prompt !== "string" || !a.prompt ||
        a.prompt.length > 300 || typeof a.date !== "string" || isNaN(Date.parse(a.date)) ||
        !a.scores || typeof a.scores !== "object" || Array.isArray(a.scores)) return false;
    var keys = Object.keys(a.scores);
    return keys.length > 0 && keys.length <= 10 &&
      keys.every(function (k) { return LEVELS[a.scores[k]] !== undefined; }) && validChecks(a);
  }

  /* The optional self-check of an attempt: absent, or ticked item texts (at most MAX_CHECKS,
   * each a short string) with the number of items offered, at least as many as ticked. */
  function validChecks(a) {
    if (a.checks === undefined && a.checkTotal === undefined) return true;
    return Array.isArray(a.checks) && a.checks.length <= MAX_CHECKS &&
      a.checks.every(function (c) { return typeof c === "string" && c && c.length <= 300; }) &&
      typeof a.checkTotal === "number" && Math.floor(a.checkTotal) === a.checkTotal &&
      a.checkTotal >= a.checks.length && a.checkTotal <= MAX_CHECKS;
  }

  /* An attempt's self-check as shown and exported: "2 of 4", or "" when it had none. */
  function checkSummary(a) {
    return typeof a.checkTotal === "number" && a.checkTotal > 0 ?
      (a.checks || []).length + " of " + a.checkTotal : "";
  }

  /* Parse stored JSON. Returns {store, reset}: reset is true when the text was unreadable, of
   * another version, or held malformed attempts (those are dropped, the rest kept). */
  function parseHistory(text) {
    if (text === null || text === undefined) return { store: emptyHistory(), reset: false };
    var data;
    try { data = JSON.parse(text); } catch (e) { return { store: emptyHistory(), reset: true }; }
    if (!data || typeof data !== "object" || data.v !== VERSION || !Array.isArray(data.attempts)) {
      return { store: emptyHistory(), reset: true };
    }
    var store = emptyHistory();
    data.attempts.forEach(function (a) { if (isValidAttempt(a)) store.attempts.push(a); });
    var reset = store.attempts.length !== data.attempts.length;
    if (store.attempts.length > MAX_ATTEMPTS) {
      store.attempts = store.attempts.slice(-MAX_ATTEMPTS);
    }
    return { store: store, reset: reset };
  }

  /* A new store with `attempt` appended, keeping at most MAX_ATTEMPTS. */
  function addAttempt(store, attempt) {
    if (!isValidAttempt(attempt)) throw new Error("invalid attempt");
    var list = store.attempts.concat([attempt]);
    return { v: VERSION, attempts: list.slice(-MAX_ATTEMPTS) };
  }

  var api = { VERSION: VERSION, LEVELS: LEVELS, MAX_ATTEMPTS: MAX_ATTEMPTS,
    emptyHistory: emptyHistory, isValidAttempt: isValidAttempt, parseHistory: parseHistory,
    checkSummary: checkSummary, addAttempt: addAttempt };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuidePracticeHistory = api;
})(this);
