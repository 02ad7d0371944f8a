// Unit tests of docs/assets/srs.js, the glue between the flashcards and ts-fsrs: every
// schedule it produces must be the library's own (same card, same time, same parameters),
// the waits a new card shows must differ per grade, and SM-2 progress saved by store
// version 1 must become FSRS state with its due dates kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import srs from "../../docs/assets/srs.js";
import stores from "../../docs/assets/stores.js";
import * as lib from "ts-fsrs";

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86400000;
const settings = stores.settingsDefault();

test("the shipped bundle is the pinned library", () => {
  assert.deepEqual(srs.library.default_w, lib.default_w);
  assert.deepEqual({ ...srs.library.State }, Object.fromEntries(Object.entries(lib.State)));
});

test("the stores number card states as the library does", () => {
  for (const [name, n] of Object.entries(stores.STATE)) {
    const libName = name[0].toUpperCase() + name.slice(1);
    assert.equal(lib.State[libName], n, name);
  }
});

test("settings default to 90% retention, the library's default", () => {
  assert.equal(settings.retention, lib.default_request_retention);
});

test("each review equals the library's own, grade by grade, over a run of answers", () => {
  const f = lib.fsrs(lib.generatorParameters({ request_retention: 0.9, enable_short_term: true }));
  let rec = null;
  let card = lib.createEmptyCard(new Date(NOW));
  let now = NOW;
  for (const grade of ["good", "again", "good", "hard", "easy", "good", "good"]) {
    rec = srs.review(rec, grade, now, settings);
    const rating = { again: lib.Rating.Again, hard: lib.Rating.Hard, good: lib.Rating.Good, easy: lib.Rating.Easy }[grade];
    card = f.next(card, new Date(now), rating).card;
    assert.equal(rec.due, card.due.getTime(), grade);
    assert.equal(rec.stability, card.stability);
    assert.equal(rec.difficulty, card.difficulty);
    assert.equal(rec.state, card.state);
    assert.equal(rec.first, NOW);
    assert.ok(stores.isCardRecord(rec), JSON.stringify(rec));
    now = rec.due;
  }
});

test("retention is passed to the library: a higher target gives a shorter wait", () => {
  let a = srs.review(null, "easy", NOW, { retention: 0.9, newPerDay: 20 });
  let b = srs.review(null, "easy", NOW, { retention: 0.97, newPerDay: 20 });
  a = srs.review(a, "good", a.due, { retention: 0.9 });
  b = srs.review(b, "good", b.due, { retention: 0.97 });
  assert.ok(b.scheduled_days < a.scheduled_days, `${b.scheduled_days} < ${a.scheduled_days}`);
});

test("a new card shows a different wait for each grade", () => {
  const waits = srs.preview(null, NOW, settings);
  assert.deepEqual(waits, { again: "1 min", hard: "6 min", good: "10 min", easy: "8 days" });
  assert.equal(new Set(Object.values(waits)).size, 4);
});

test("wait labels", () => {
  assert.equal(srs.formatWait(30 * 1000), "1 min");
  assert.equal(srs.formatWait(10 * 60000), "10 min");
  assert.equal(srs.formatWait(5 * 3600000), "5 h");
  assert.equal(srs.formatWait(DAY), "1 day");
  assert.equal(srs.formatWait(8 * DAY), "8 days");
  assert.equal(srs.formatWait(183 * DAY), "6 mo");
  assert.equal(srs.formatWait(548 * DAY), "1.5 yr");
});

test("queue: due learning soonest first, then due reviews, then new cards up to a limit", () => {
  const rec = (state, due) => ({ ...srs.review(null, "good", 0, settings), state, due });
  const cards = { l2: rec(1, NOW - 5), l1: rec(3, NOW - 9), r: rec(2, NOW - 1), later: rec(2, NOW + DAY) };
  const ids = ["n1", "l2", "r", "later", "n2", "l1", "n3"];
  assert.deepEqual(srs.queue(cards, ids, NOW), ["l1", "l2", "r", "n1", "n2", "n3"]);
  assert.deepEqual(srs.queue(cards, ids, NOW, undefined, 1), ["l1", "l2", "r", "n1"]);
  const shuffled = srs.queue(cards, ids, NOW, () => 0, 2);
  assert.deepEqual(shuffled.slice(0, 3), ["l1", "l2", "r"]);
  assert.equal(shuffled.length, 5);
});

test("counts and the daily new-card allowance", () => {
  const first = srs.review(null, "good", NOW, settings);
  const old = { ...srs.review(null, "good", NOW - 3 * DAY, settings), due: NOW - 1 };
  const cards = { a: first, b: old };
  const ids = ["a", "b", "c", "d"];
  const c = stores.counts(cards, ids, NOW);
  assert.deepEqual(c, { new: 2, learning: 1, review: 0, due: 1, studied: 2, total: 4 });
  assert.equal(stores.newLeft(cards, NOW, { retention: 0.9, newPerDay: 3 }), 2);
  assert.equal(stores.newLeft(cards, NOW, { retention: 0.9, newPerDay: 0 }), 0);
  assert.equal(stores.dueLine(cards, ids, NOW, { retention: 0.9, newPerDay: 3 }), "1 due \u00b7 2 new");
  assert.equal(stores.dueLine(cards, ids, NOW, { retention: 0.9, newPerDay: 1 }), "1 due \u00b7 0 new");
});
