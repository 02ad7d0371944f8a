/* The practice room's arithmetic and stored-state rules: pure functions, no DOM, no storage.
 *
 * Kept apart from practice.js so Node's test runner can check it without a browser: the
 * weighted rubric score, the weakest dimension, parsing the figures the page renders from
 * docs/claims.yml (weights like "40%", durations like "25 minutes"), the timer as plain state,
 * the versioned history store, the trend of recent scores, and CSV export.
 * Loaded in the browser as the global `GuidePracticeScore`, and in Node via `require`/`import`.
 */
(function (root) {
  "use strict";

  var VERSION = 1;
  var LEVELS = { weak: 1, adequate: 2, strong: 3 };
  var MAX_LEVEL = 3;
  var MAX_ATTEMPTS = 200;
  var MAX_CHECKS = 10;
  var UNITS = { second: 1000, minute: 60000, hour: 3600000 };

  function isNum(x) { return typeof x === "number" && isFinite(x); }

  /* A rubric weight as rendered ("40%", "40 %", "40") to a number, or NaN. */
  function parseWeight(text) {
    var m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(String(text || ""));
    return m ? Number(m[1]) : NaN;
  }

  /* A duration as rendered ("25 minutes", "90 seconds", "1 hour") to milliseconds, or null. */
  function parseDuration(text) {
    var m = /(\d+(?:\.\d+)?)\s*(millisecond|ms|second|sec|s|minute|min|m|hour|hr|h)s?\b/i
      .exec(String(text || ""));
    if (!m) return null;
    var unit = m[2].toLowerCase();
    var ms = unit === "ms" || unit === "millisecond" ? 1 : unit[0] === "s" ? UNITS.second :
      unit[0] === "h" ? UNITS.hour : UNITS.minute;
    var value = Number(m[1]) * ms;
    return value > 0 ? value : null;
  }

  /* True when every weight is a positive number. */
  function validWeights(weights) {
    var keys = Object.keys(weights || {});
    return keys.length > 0 && keys.every(function (k) { return isNum(weights[k]) && weights[k] > 0; });
  }

  /* The weighted mean of the levels (weak 1 .. strong 3) over the weighted dimensions, or null
   * when a weight is invalid or a dimension has no score yet. Rounded to 2 decimals. */
  function weightedScore(weights, scores) {
    if (!validWeights(weights)) return null;
    var total = 0, sum = 0, ok = true;
    Object.keys(weights).forEach(function (k) {
      var level = LEVELS[scores && scores[k]];
      if (level === undefined) { ok = false; return; }
      total += weights[k];
      sum += weights[k] * level;
    });
    return ok ? Math.round((sum / total) * 100) / 100 : null;
  }

  /* The word for a weighted score: the nearest level. */
  function band(score) {
    if (!isNum(score)) return null;
    return score < 1.5 ? "weak" : score < 2.5 ? "adequate" : "strong";
  }

  /* The dimension to work on: lowest level; ties go to the larger weight (it moves the score
   * most), then to the earlier dimension in `order`. Null when incomplete or all are strong. */
  function weakest(weights, scores, order) {
    var keys = order && order.length ? order : Object.keys(weights || {});
    var best = null;
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], level = LEVELS[scores && scores[k]];
      if (level === undefined) return null;
      if (level >= MAX_LEVEL) continue;
      if (best === null || level < best.level ||
          (level === best.level && (weights[k] || 0) > (weights[best.key] || 0))) {
        best = { key: k, level: level };
      }
    }
    return best ? best.key : null;
  }

  /* ---- Timer as plain state: {duration, elapsed, startedAt (ms or null)} ---------------- */

  function timer(duration) { return { duration: duration, elapsed: 0, startedAt: null }; }

  function elapsed(t, now) {
    return t.elapsed + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));
  }

  function remaining(t, now) { return Math.max(0, t.duration - elapsed(t, now)); }

  function running(t) { return t.startedAt !== null; }

  function start(t, now) {
    if (running(t) || remaining(t, now) <= 0) return t;
    return { duration: t.duration, elapsed: t.elapsed, startedAt: now };
  }

  function pause(t, now) {
    if (!running(t)) return t;
    return { duration: t.duration, elapsed: Math.min(t.duration, elapsed(t, now)), startedAt: null };
  }

  /* Remaining time as m:ss (or h:mm:ss), counting partial seconds up so 0:00 means done. */
  function formatTime(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return h ? h + ":" + pad(m) + ":" + pad(sec) : m + ":" + pad(sec);
  }

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

  /* Direction of the latest score against the one before: "up", "down", "flat" or null. */
  function trend(values) {
    var v = (values || []).filter(isNum);
    if (v.length < 2) return null;
    var d = v[v.length - 1] - v[v.length - 2];
    return Math.abs(d) < 1e-9 ? "flat" : d > 0 ? "up" : "down";
  }

  /* SVG polyline points for `values` on the level scale, in a width x height box. */
  function sparkline(values, width, height) {
    var v = (values || []).filter(isNum);
    if (!v.length) return "";
    var pad = 2, span = MAX_LEVEL - 1, step = v.length > 1 ? (width - 2 * pad) / (v.length - 1) : 0;
    return v.map(function (x, i) {
      var clamped = Math.min(MAX_LEVEL, Math.max(1, x));
      var px = pad + i * step, py = pad + (MAX_LEVEL - clamped) / span * (height - 2 * pad);
      return Math.round(px * 10) / 10 + "," + Math.round(py * 10) / 10;
    }).join(" ");
  }

  /* One CSV cell: quoted when needed, and a leading = + - @ defused for spreadsheets. */
  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /* Rows (arrays of cells) as CSV text with CRLF line ends (RFC 4180). */
  function toCSV(rows) {
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  var api = { VERSION: VERSION, LEVELS: LEVELS, MAX_LEVEL: MAX_LEVEL, MAX_ATTEMPTS: MAX_ATTEMPTS,
    parseWeight: parseWeight, parseDuration: parseDuration, validWeights: validWeights,
    weightedScore: weightedScore, band: band, weakest: weakest,
    timer: timer, elapsed: elapsed, remaining: remaining, running: running, start: start,
    pause: pause, formatTime: formatTime,
    emptyHistory: emptyHistory, isValidAttempt: isValidAttempt, parseHistory: parseHistory,
    checkSummary: checkSummary,
    addAttempt: addAttempt, trend: trend, sparkline: sparkline, csvCell: csvCell, toCSV: toCSV };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuidePracticeScore = api;
})(this);
