// Migrations of the reader's saved progress (docs/assets/stores.js + srs.js through
// storage.js): each format an earlier version of the site saved loads, keeps what the reader
// did, and is never reset.
import { test } from "node:test";
import assert from "node:assert/strict";
import storage from "../../docs/assets/storage.js";
import backups from "../../docs/assets/storage-backup.js";
import stores from "../../docs/assets/stores.js";
import srs from "../../docs/assets/srs.js";

const DAY = 86400000;
const NOW = Date.UTC(2026, 11, 1, 12);

function memory(initial = {}) {
  const m = new Map(Object.entries(initial));
  return { map: m, get: (k) => (m.has(k) ? m.get(k) : null), set: (k, v) => { m.set(k, v); return true; },
    remove: (k) => { m.delete(k); } };
}

// Exactly what docs/assets/srs.js version 1 (SM-2) wrote under wbpm-guide.flashcards.v1.
const SM2 = {
  v: 1,
  cards: {
    reviewed: { state: "review", reps: 3, ef: 2.5, interval: 15, due: NOW + 4 * DAY, lapses: 0 },
    hardOne: { state: "review", reps: 4, ef: 1.3, interval: 15, due: NOW - DAY, lapses: 2 },
    easyOne: { state: "review", reps: 4, ef: 3.1, interval: 40, due: NOW + 20 * DAY, lapses: 0 },
    missed: { state: "learning", reps: 0, ef: 2.2, interval: 0, due: NOW + 60000, lapses: 1 },
    firstMiss: { state: "learning", reps: 0, ef: 2.5, interval: 0, due: NOW - 60000, lapses: 0 },
    untouched: { state: "new", reps: 0, ef: 2.5, interval: 0, due: 0, lapses: 0 },
    broken: { state: "review", reps: -1 },
  },
};

test("SM-2 progress (flashcards v1) becomes FSRS state, due dates kept, never reset", () => {
  const mem = memory({ "wbpm-guide.flashcards.v1": JSON.stringify(SM2) });
  const s = stores.create(storage.create(mem));
  const r = s.flashcards.read();
  assert.equal(r.notice, "migrated");
  const cards = r.value.cards;
  assert.deepEqual(Object.keys(cards).sort(), ["easyOne", "firstMiss", "hardOne", "missed", "reviewed"]);
  for (const id of Object.keys(cards)) {
    assert.equal(cards[id].due, SM2.cards[id].due, `${id} keeps its due date`);
    assert.equal(cards[id].reps, SM2.cards[id].reps);
    assert.equal(cards[id].lapses, SM2.cards[id].lapses);
    assert.ok(stores.isCardRecord(cards[id]), id);
  }
  assert.equal(cards.reviewed.state, srs.library.State.Review);
  assert.ok(Math.abs(cards.reviewed.stability - 15) < 1e-9, "stability = interval at 90% retention");
  assert.equal(cards.reviewed.last_review, NOW + 4 * DAY - 15 * DAY);
  assert.ok(cards.hardOne.difficulty > cards.reviewed.difficulty, "low ease = harder");
  assert.ok(cards.easyOne.difficulty < cards.reviewed.difficulty, "high ease = easier");
  assert.equal(cards.missed.state, srs.library.State.Relearning);
  assert.equal(cards.firstMiss.state, srs.library.State.Learning);
  // The old key is gone only because the new one holds the migrated data.
  assert.equal(mem.get("wbpm-guide.flashcards.v1"), null);
  assert.deepEqual(JSON.parse(mem.get("wbpm-guide.flashcards.v2")), r.value);
  // And the migrated cards schedule on from there with the library.
  const next = srs.review(cards.hardOne, "good", NOW, stores.settingsDefault());
  assert.ok(next.due > NOW + DAY, "a mature card answered Good waits days, not minutes");
});

test("counts read the same before and after migration", () => {
  const ids = Object.keys(SM2.cards);
  const mem = memory({ "wbpm-guide.flashcards.v1": JSON.stringify(SM2) });
  const cards = stores.create(storage.create(mem)).flashcards.read().value.cards;
  const c = stores.counts(cards, ids, NOW);
  // Due now: hardOne (review) and firstMiss (learning); new: untouched and broken.
  assert.deepEqual(c, { new: 2, learning: 1, review: 1, due: 2, studied: 5, total: 7 });
});

test("SM-2 ease maps to FSRS difficulty, falling with ease, within 1..10", () => {
  const d = [1.3, 1.7, 2.1, 2.5, 2.9, 3.5].map((e) => srs.memoryFromSM2(e, 20).difficulty);
  for (let i = 1; i < d.length; i++) assert.ok(d[i] <= d[i - 1], d.join(" "));
  assert.ok(d.every((x) => x >= 1 && x <= 10));
  assert.equal(srs.memoryFromSM2(2.5, 0).stability, srs.library.S_MIN);
});

test("checklist and practice history (v1) load unchanged under their own keys", () => {
  const checklist = { v: 1, done: { t1: 1 }, ids: ["t1", "t2"] };
  const practice = { v: 1, attempts: [{ prompt: "Design a model registry", date: "2026-11-30T10:00:00.000Z",
    scores: { tradeoffs: "strong" } }] };
  const mem = memory({ "wbpm-guide.checklist.v1": JSON.stringify(checklist),
    "wbpm-guide.practice.v1": JSON.stringify(practice) });
  const s = stores.create(storage.create(mem));
  assert.deepEqual(s.checklist.read(), { value: checklist, notice: null });
  assert.deepEqual(s.practice.read(), { value: practice, notice: null });
  assert.equal(s.checklist.key, "wbpm-guide.checklist.v1");
  assert.equal(s.practice.key, "wbpm-guide.practice.v1");
});

test("a backup round trip merges by card id, keeping the newer review", () => {
  const set = stores.settingsDefault();
  const older = srs.review(null, "good", NOW - 5 * DAY, set);
  const newer = srs.review(older, "good", NOW - DAY, set);
  const a = stores.create(storage.create(memory()));
  a.flashcards.write({ cards: { x: newer, y: older } });
  a.practice.write({ v: 1, attempts: [{ prompt: "P", date: "2026-11-01T00:00:00.000Z", scores: { m: "weak" } }] });
  const layerA = backups.attach(storage.create(memory(Object.fromEntries(
    [a.flashcards, a.practice].map((s) => [s.key, JSON.stringify(s.read().value)])))));
  stores.create(layerA);
  const backup = JSON.stringify(layerA.exportAll(NOW));

  const layerB = backups.attach(storage.create(memory()));
  const b = stores.create(layerB);
  b.flashcards.write({ cards: { x: older, z: older } });
  b.checklist.write({ v: 1, done: { t9: 1 }, ids: ["t9"] });
  const plan = layerB.planImport(layerB.readBackup(backup).backup);
  assert.deepEqual(plan.changes.map((c) => `${c.label}: ${c.before} -> ${c.after}`), [
    "Flashcards: 2 cards studied -> 3 cards studied",
    "Practice history: 0 attempts -> 1 attempt",
  ]);
  layerB.applyImport(plan);
  const cards = b.flashcards.read().value.cards;
  assert.deepEqual(cards.x, newer, "the newer review of x wins");
  assert.deepEqual(cards.y, older);
  assert.deepEqual(cards.z, older);
  assert.deepEqual(b.checklist.read().value.done, { t9: 1 }, "ticks not in the backup stay");
});

test("an old backup (flashcards v1 inside) is migrated on import", () => {
  const layer = backups.attach(storage.create(memory()));
  stores.create(layer);
  const plan = layer.planImport({ stores: { flashcards: { version: 1, data: SM2 } } });
  assert.equal(plan.changes[0].after, "5 cards studied");
});
