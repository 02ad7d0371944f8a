// Unit tests of docs/assets/practice-score.js (the practice room's arithmetic and stored-state
// rules) with Node's built-in test runner. The rubric weights are read from docs/claims.yml,
// so a weight change there flows into these expectations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ps from "../../docs/assets/practice-score.js";

const claims = readFileSync(new URL("../../docs/claims.yml", import.meta.url), "utf8");

/* The rendered value of a claim, read with a regex (Node has no YAML parser built in). */
function claimValue(id) {
  const m = new RegExp(`^  ${id}:\\n    value: "([^"]*)"`, "m").exec(claims);
  assert.ok(m, `claim ${id} not found in docs/claims.yml`);
  return m[1];
}

const WEIGHTS = {
  tradeoffs: ps.parseWeight(claimValue("weight-tradeoffs")),
  metrics: ps.parseWeight(claimValue("weight-metrics")),
  communication: ps.parseWeight(claimValue("weight-communication")),
};
const ORDER = ["tradeoffs", "metrics", "communication"];
const close = (a, b) => assert.ok(Math.abs(a - b) < 0.006, `${a} != ${b}`);

/* The expected weighted mean, computed independently of the module. */
function expected(scores) {
  const lv = { weak: 1, adequate: 2, strong: 3 };
  const total = ORDER.reduce((s, k) => s + WEIGHTS[k], 0);
  return ORDER.reduce((s, k) => s + WEIGHTS[k] * lv[scores[k]], 0) / total;
}

test("the weights in docs/claims.yml parse to numbers summing to 100", () => {
  for (const k of ORDER) assert.ok(Number.isFinite(WEIGHTS[k]) && WEIGHTS[k] > 0, k);
  assert.equal(ORDER.reduce((s, k) => s + WEIGHTS[k], 0), 100);
});

test("parseWeight reads rendered percentages and rejects anything else", () => {
  assert.equal(ps.parseWeight("40%"), 40);
  assert.equal(ps.parseWeight(" 12.5 % "), 12.5);
  assert.equal(ps.parseWeight("30"), 30);
  assert.ok(Number.isNaN(ps.parseWeight("forty percent")));
  assert.ok(Number.isNaN(ps.parseWeight("")));
  assert.ok(Number.isNaN(ps.parseWeight(null)));
});

test("parseDuration reads the timer claims and common units", () => {
  assert.equal(ps.parseDuration(claimValue("practice-design-time")) > 0, true);
  assert.equal(ps.parseDuration(claimValue("practice-followup-time")) > 0, true);
  assert.equal(ps.parseDuration("25 minutes"), 25 * 60000);
  assert.equal(ps.parseDuration("5 min"), 5 * 60000);
  assert.equal(ps.parseDuration("90 seconds"), 90000);
  assert.equal(ps.parseDuration("1 hour"), 3600000);
  assert.equal(ps.parseDuration("200 ms"), 200);
  assert.equal(ps.parseDuration("soon"), null);
  assert.equal(ps.parseDuration("0 minutes"), null);
});

test("weighted score with the claims' weights matches an independent computation", () => {
  const cases = [
    { tradeoffs: "weak", metrics: "strong", communication: "adequate" },
    { tradeoffs: "strong", metrics: "weak", communication: "weak" },
    { tradeoffs: "adequate", metrics: "adequate", communication: "strong" },
  ];
  for (const s of cases) close(ps.weightedScore(WEIGHTS, s), expected(s));
  // Uniform levels give that level whatever the weights.
  for (const [level, n] of Object.entries(ps.LEVELS)) {
    assert.equal(ps.weightedScore(WEIGHTS, { tradeoffs: level, metrics: level, communication: level }), n);
  }
});

test("weighted score follows a change of weights", () => {
  const s = { tradeoffs: "strong", metrics: "weak", communication: "weak" };
  close(ps.weightedScore({ tradeoffs: 40, metrics: 30, communication: 30 }, s), 1.8);
  close(ps.weightedScore({ tradeoffs: 60, metrics: 20, communication: 20 }, s), 2.2);
  close(ps.weightedScore({ tradeoffs: 1, metrics: 1, communication: 1 }, s), 1.67);
});

test("weighted score is null while incomplete or with unreadable weights", () => {
  assert.equal(ps.weightedScore(WEIGHTS, { tradeoffs: "weak", metrics: "strong" }), null);
  assert.equal(ps.weightedScore(WEIGHTS, { tradeoffs: "weak", metrics: "bad", communication: "weak" }), null);
  assert.equal(ps.weightedScore({ tradeoffs: NaN, metrics: 30, communication: 30 },
    { tradeoffs: "weak", metrics: "weak", communication: "weak" }), null);
  assert.equal(ps.weightedScore({}, {}), null);
});

test("band names the nearest level", () => {
  assert.equal(ps.band(1.2), "weak");
  assert.equal(ps.band(1.5), "adequate");
  assert.equal(ps.band(2.49), "adequate");
  assert.equal(ps.band(2.5), "strong");
  assert.equal(ps.band(null), null);
});

test("weakest is the lowest level; ties go to the larger weight, then to order", () => {
  assert.equal(ps.weakest(WEIGHTS, { tradeoffs: "strong", metrics: "weak", communication: "adequate" }, ORDER), "metrics");
  // tradeoffs and communication tie at adequate: the heavier one wins.
  const w = { tradeoffs: 40, metrics: 30, communication: 30 };
  assert.equal(ps.weakest(w, { tradeoffs: "adequate", metrics: "strong", communication: "adequate" }, ORDER), "tradeoffs");
  // Equal weights: the earlier dimension in order.
  assert.equal(ps.weakest(w, { tradeoffs: "strong", metrics: "weak", communication: "weak" }, ORDER), "metrics");
  assert.equal(ps.weakest(w, { tradeoffs: "strong", metrics: "weak", communication: "weak" },
    ["tradeoffs", "communication", "metrics"]), "communication");
  // A changed weight changes which tied dimension is named.
  assert.equal(ps.weakest({ tradeoffs: 20, metrics: 30, communication: 50 },
    { tradeoffs: "adequate", metrics: "strong", communication: "adequate" }, ORDER), "communication");
  assert.equal(ps.weakest(w, { tradeoffs: "strong", metrics: "strong", communication: "strong" }, ORDER), null);
  assert.equal(ps.weakest(w, { tradeoffs: "weak" }, ORDER), null);
});

test("timer state counts down, pauses, resumes and stops at zero", () => {
  let t = ps.timer(60000);
  assert.equal(ps.remaining(t, 1000), 60000);
  t = ps.start(t, 1000);
  assert.ok(ps.running(t));
  assert.equal(ps.remaining(t, 21000), 40000);
  t = ps.pause(t, 21000);
  assert.ok(!ps.running(t));
  assert.equal(ps.remaining(t, 99000), 40000); // paused: time does not pass
  t = ps.start(t, 100000);
  assert.equal(ps.remaining(t, 130000), 10000);
  assert.equal(ps.remaining(t, 500000), 0);
  t = ps.pause(t, 500000);
  assert.equal(t.elapsed, 60000);
  assert.equal(ps.start(t, 600000), t); // finished: start does nothing
  assert.equal(ps.pause(ps.timer(5), 0).startedAt, null);
});

test("formatTime shows m:ss, rounding partial seconds up", () => {
  assert.equal(ps.formatTime(25 * 60000), "25:00");
  assert.equal(ps.formatTime(61000), "1:01");
  assert.equal(ps.formatTime(59001), "1:00");
  assert.equal(ps.formatTime(1), "0:01");
  assert.equal(ps.formatTime(0), "0:00");
  assert.equal(ps.formatTime(-5), "0:00");
  assert.equal(ps.formatTime(3723000), "1:02:03");
});

const GOOD = { prompt: "Model registry", date: "2026-11-26T10:00:00.000Z",
  scores: { tradeoffs: "weak", metrics: "adequate", communication: "strong" } };

test("history: missing is empty without a reset; good data round-trips", () => {
  assert.deepEqual(ps.parseHistory(null), { store: { v: 1, attempts: [] }, reset: false });
  const text = JSON.stringify({ v: 1, attempts: [GOOD] });
  assert.deepEqual(ps.parseHistory(text), { store: { v: 1, attempts: [GOOD] }, reset: false });
});

test("history: unreadable, old-version or wrong-shape data is reset", () => {
  for (const bad of ["{not json", "null", "[]", '"x"', JSON.stringify({ v: 0, attempts: [GOOD] }),
    JSON.stringify({ v: 1, attempts: {} }), JSON.stringify({ attempts: [GOOD] })]) {
    const r = ps.parseHistory(bad);
    assert.equal(r.reset, true, bad);
    assert.deepEqual(r.store, { v: 1, attempts: [] }, bad);
  }
});

test("history: malformed attempts are dropped and flagged, good ones kept", () => {
  const bad = [
    null, 5, { ...GOOD, prompt: "" }, { ...GOOD, prompt: 7 }, { ...GOOD, date: "yesterday" },
    { ...GOOD, scores: { tradeoffs: "great" } }, { ...GOOD, scores: [] }, { ...GOOD, scores: {} },
    { ...GOOD, prompt: "x".repeat(301) },
  ];
  const r = ps.parseHistory(JSON.stringify({ v: 1, attempts: [GOOD, ...bad, GOOD] }));
  assert.equal(r.reset, true);
  assert.equal(r.store.attempts.length, 2);
});

test("addAttempt appends, validates and caps the history", () => {
  let s = ps.emptyHistory();
  s = ps.addAttempt(s, GOOD);
  assert.equal(s.attempts.length, 1);
  assert.throws(() => ps.addAttempt(s, { ...GOOD, scores: {} }));
  for (let i = 0; i < ps.MAX_ATTEMPTS + 5; i++) s = ps.addAttempt(s, { ...GOOD, prompt: `p${i}` });
  assert.equal(s.attempts.length, ps.MAX_ATTEMPTS);
  assert.equal(s.attempts.at(-1).prompt, `p${ps.MAX_ATTEMPTS + 4}`);
});

test("trend compares the latest score with the one before", () => {
  assert.equal(ps.trend([]), null);
  assert.equal(ps.trend([2]), null);
  assert.equal(ps.trend([1, 2.4]), "up");
  assert.equal(ps.trend([3, 2.4, 2]), "down");
  assert.equal(ps.trend([2, 2]), "flat");
  assert.equal(ps.trend([2, null, 2.6]), "up");
});

test("sparkline maps the level scale into the box", () => {
  assert.equal(ps.sparkline([], 100, 20), "");
  assert.equal(ps.sparkline([3, 1], 100, 20), "2,2 98,18");
  assert.equal(ps.sparkline([2], 100, 20), "2,10");
  assert.equal(ps.sparkline([5, 0], 100, 20), "2,2 98,18"); // clamped to the scale
});

test("CSV quotes commas, quotes and newlines and defuses formulas", () => {
  assert.equal(ps.csvCell("plain"), "plain");
  assert.equal(ps.csvCell('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(ps.csvCell("two\nlines"), '"two\nlines"');
  assert.equal(ps.csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(ps.csvCell("-1"), "'-1");
  assert.equal(ps.csvCell(null), "");
  assert.equal(ps.toCSV([["a", "b"], ["1,5", 2]]), 'a,b\r\n"1,5",2\r\n');
});

test("attempts may carry a self-check: ticked items and how many were offered", () => {
  const base = { prompt: "Model registry", date: "2026-11-26T10:00:00.000Z",
    scores: { tradeoffs: "weak", metrics: "adequate", communication: "strong" } };
  // Attempts saved before self-checks existed stay valid as they are.
  assert.equal(ps.isValidAttempt(base), true);
  assert.equal(ps.checkSummary(base), "");
  const ticked = { ...base, checks: ["I named the user."], checkTotal: 3 };
  assert.equal(ps.isValidAttempt(ticked), true);
  assert.equal(ps.checkSummary(ticked), "1 of 3");
  assert.equal(ps.checkSummary({ ...base, checks: [], checkTotal: 4 }), "0 of 4");
  // Each rule can fail: more ticked than offered, a missing half, a non-string item, too many.
  for (const bad of [
    { ...base, checks: ["a", "b"], checkTotal: 1 },
    { ...base, checks: ["a"] },
    { ...base, checkTotal: 2 },
    { ...base, checks: [3], checkTotal: 2 },
    { ...base, checks: [""], checkTotal: 2 },
    { ...base, checks: ["a"], checkTotal: 1.5 },
    { ...base, checks: Array(11).fill("x"), checkTotal: 11 },
  ]) {
    assert.equal(ps.isValidAttempt(bad), false, JSON.stringify(bad));
  }
  // A stored history keeps old and new attempts side by side, dropping only malformed ones.
  const text = JSON.stringify({ v: 1, attempts: [base, ticked, { ...base, checks: "x", checkTotal: 1 }] });
  const { store, reset } = ps.parseHistory(text);
  assert.deepEqual(store.attempts, [base, ticked]);
  assert.equal(reset, true);
});
