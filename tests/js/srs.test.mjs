// Unit tests of docs/assets/srs.js (the SM-2 arithmetic) with Node's built-in test runner.
// Reference values: the E-Factor changes and the interval rule published with SM-2
// (Wozniak 1990: EF' = EF + (0.1 - (5-q)(0.08 + (5-q)0.02)), floor 1.3, I(1)=1, I(2)=6).
import { test } from "node:test";
import assert from "node:assert/strict";
import srs from "../../docs/assets/srs.js";

const NOW = Date.UTC(2026, 0, 1);
const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test("E-Factor change per quality matches the published SM-2 table", () => {
  // From EF 2.5: q=5 +0.10, q=4 0, q=3 -0.14, q=2 -0.32, q=1 -0.54, q=0 -0.80.
  const expected = { 5: 2.6, 4: 2.5, 3: 2.36, 2: 2.18, 1: 1.96, 0: 1.7 };
  for (const [q, ef] of Object.entries(expected)) close(srs.nextEase(2.5, Number(q)), ef);
});

test("E-Factor never falls below 1.3", () => {
  close(srs.nextEase(1.3, 3), 1.3);
  close(srs.nextEase(1.4, 0), 1.3);
  close(srs.nextEase(1.5, 3), 1.36);
});

test("intervals follow 1, 6, then round(I * EF)", () => {
  assert.equal(srs.nextInterval(0, 0, 2.5), 1);
  assert.equal(srs.nextInterval(1, 1, 2.5), 6);
  assert.equal(srs.nextInterval(2, 6, 2.5), 15);
  assert.equal(srs.nextInterval(3, 15, 2.5), 38); // 37.5 rounds to 38
  assert.equal(srs.nextInterval(3, 15, 1.3), 20); // 19.5 rounds to 20
});

test("four Good answers give 1, 6, 15, 38 days with EF held at 2.5", () => {
  let card = srs.newCard();
  const days = [];
  let now = NOW;
  for (let i = 0; i < 4; i++) {
    card = srs.review(card, "good", now);
    days.push(card.interval);
    assert.equal(card.due, now + card.interval * srs.DAY);
    now = card.due;
  }
  assert.deepEqual(days, [1, 6, 15, 38]);
  close(card.ef, 2.5);
  assert.equal(card.reps, 4);
});

test("Easy raises EF and the third interval uses the EF before the review", () => {
  let card = srs.review(srs.newCard(), "easy", NOW); // I=1, EF 2.6
  card = srs.review(card, "easy", NOW); // I=6, EF 2.7
  card = srs.review(card, "easy", NOW); // I=round(6*2.7)=16, EF 2.8
  assert.equal(card.interval, 16);
  close(card.ef, 2.8);
});

test("Hard lowers EF by 0.14 and still advances", () => {
  const card = srs.review(srs.newCard(), "hard", NOW);
  assert.equal(card.interval, 1);
  close(card.ef, 2.36);
  assert.equal(card.state, "review");
});

test("Again restarts repetitions, keeps EF, counts a lapse, and is due in a minute", () => {
  let card = srs.review(srs.newCard(), "good", NOW);
  card = srs.review(card, "good", NOW);
  const ef = card.ef;
  card = srs.review(card, "again", NOW);
  assert.equal(card.state, "learning");
  assert.equal(card.reps, 0);
  assert.equal(card.lapses, 1);
  assert.equal(card.due, NOW + srs.MINUTE);
  close(card.ef, ef);
  card = srs.review(card, "good", NOW);
  assert.equal(card.interval, 1); // back to I(1)
});

test("unknown grades are rejected", () => {
  assert.throws(() => srs.review(srs.newCard(), "perfect", NOW));
});

test("preview labels the wait for each grade", () => {
  assert.equal(srs.preview(srs.newCard(), "again", NOW), "1 min");
  assert.equal(srs.preview(srs.newCard(), "good", NOW), "1 day");
  const once = srs.review(srs.newCard(), "good", NOW);
  assert.equal(srs.preview(once, "good", NOW), "6 days");
});

test("parseStore accepts a valid store and resets corrupt or old ones", () => {
  const good = { v: srs.VERSION, cards: { a: srs.review(srs.newCard(), "good", NOW) } };
  let r = srs.parseStore(JSON.stringify(good));
  assert.equal(r.reset, false);
  assert.deepEqual(r.store, good);
  assert.equal(srs.parseStore(null).reset, false);
  for (const bad of ["{not json", "[]", "null", '{"v":0,"cards":{}}', '{"v":1,"cards":[]}']) {
    r = srs.parseStore(bad);
    assert.equal(r.reset, true, bad);
    assert.deepEqual(r.store.cards, {});
  }
  r = srs.parseStore(JSON.stringify({ v: 1, cards: { a: good.cards.a, b: { state: "x" } } }));
  assert.equal(r.reset, true);
  assert.deepEqual(Object.keys(r.store.cards), ["a"]);
  r = srs.parseStore(JSON.stringify({ v: 1, cards: { a: { ...good.cards.a, ef: 0.5 } } }));
  assert.equal(r.reset, true);
});

test("counts and queue order: learning, due reviews, new", () => {
  const store = srs.emptyStore();
  store.cards.l = srs.review(srs.newCard(), "again", NOW - srs.DAY);
  store.cards.r = srs.review(srs.newCard(), "good", NOW - 2 * srs.DAY);
  store.cards.f = srs.review(srs.newCard(), "good", NOW); // due tomorrow
  const ids = ["n1", "f", "r", "l", "n2"];
  assert.deepEqual(srs.counts(store, ids, NOW), {
    new: 2, learning: 1, review: 1, due: 2, studied: 3, total: 5,
  });
  assert.deepEqual(srs.queue(store, ids, NOW), ["l", "r", "n1", "n2"]);
});

test("shuffle is a permutation and deterministic for a given random source", () => {
  const lcg = (seed) => () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const list = ["a", "b", "c", "d", "e"];
  const out = srs.shuffle(list, lcg(7));
  assert.deepEqual([...out].sort(), list);
  assert.deepEqual(srs.shuffle(list, lcg(7)), out);
  assert.notDeepEqual(out, list);
  assert.deepEqual(list, ["a", "b", "c", "d", "e"]);
});
