// Unit tests of docs/assets/storage.js (the one storage layer) and storage-backup.js (its
// export and import) with Node's built-in test runner, over a Map-backed stand-in for
// localStorage.
import { test } from "node:test";
import assert from "node:assert/strict";
import storage from "../../docs/assets/storage.js";
import backups from "../../docs/assets/storage-backup.js";

function memory(initial = {}) {
  const m = new Map(Object.entries(initial));
  return {
    map: m,
    get: (k) => (m.has(k) ? m.get(k) : null),
    set: (k, v) => { m.set(k, v); return true; },
    remove: (k) => { m.delete(k); },
  };
}

const counter = (extra = {}) => ({
  name: "tally",
  version: 3,
  label: "Tally",
  empty: () => ({ n: 0 }),
  parse: (d) => (d && typeof d.n === "number" ? { value: { n: d.n }, dropped: 0 } : null),
  migrations: { 1: (d) => ({ count: d.c }), 2: (d) => ({ n: d.count * 10 }) },
  merge: (a, b) => ({ n: Math.max(a.n, b.n) }),
  describe: (v) => `${v.n} counted`,
  ...extra,
});

test("keys are derived from the store's name and version", () => {
  assert.equal(storage.keyFor("flashcards", 2), "wbpm-guide.flashcards.v2");
  const s = storage.create(memory()).define(counter());
  assert.equal(s.key, "wbpm-guide.tally.v3");
});

test("a store needs a name and a version", () => {
  const layer = storage.create(memory());
  assert.throws(() => layer.define(counter({ name: "Bad Name" })));
  assert.throws(() => layer.define(counter({ version: 0 })));
});

test("nothing saved reads as empty with no notice", () => {
  const s = storage.create(memory()).define(counter());
  assert.deepEqual(s.read(), { value: { n: 0 }, notice: null });
});

test("write then read round-trips, and subscribers hear each write", () => {
  const s = storage.create(memory()).define(counter());
  const heard = [];
  const off = s.subscribe((v) => heard.push(v.n));
  assert.equal(s.write({ n: 4 }), true);
  assert.deepEqual(s.read().value, { n: 4 });
  assert.deepEqual(s.update((v) => ({ n: v.n + 1 })), { n: 5 });
  off();
  s.write({ n: 9 });
  assert.deepEqual(heard, [4, 5]);
});

test("the oldest saved version is migrated through every step, then its key removed", () => {
  const mem = memory({ "wbpm-guide.tally.v1": JSON.stringify({ c: 7 }) });
  const s = storage.create(mem).define(counter());
  assert.deepEqual(s.read(), { value: { n: 70 }, notice: "migrated" });
  assert.equal(mem.get("wbpm-guide.tally.v1"), null);
  assert.equal(mem.get("wbpm-guide.tally.v3"), JSON.stringify({ n: 70 }));
  assert.deepEqual(s.read(), { value: { n: 70 }, notice: null });
});

test("the newest older version wins over older ones", () => {
  const mem = memory({
    "wbpm-guide.tally.v1": JSON.stringify({ c: 1 }),
    "wbpm-guide.tally.v2": JSON.stringify({ count: 2 }),
  });
  assert.deepEqual(storage.create(mem).define(counter()).read().value, { n: 20 });
});

test("old data is kept when the new form cannot be saved", () => {
  const mem = memory({ "wbpm-guide.tally.v1": JSON.stringify({ c: 1 }) });
  mem.set = () => false;
  storage.create(mem).define(counter()).read();
  assert.notEqual(mem.get("wbpm-guide.tally.v1"), null);
});

test("a migration whose code is not on the page leaves the old data alone", () => {
  const mem = memory({ "wbpm-guide.tally.v2": JSON.stringify({ count: 2 }) });
  const s = storage.create(mem).define(counter({ migrations: {
    2: () => { throw new storage.Pending("the scheduler"); } } }));
  assert.deepEqual(s.read(), { value: { n: 0 }, notice: "pending" });
  assert.equal(mem.get("wbpm-guide.tally.v2"), JSON.stringify({ count: 2 }));
  assert.equal(mem.get("wbpm-guide.tally.v3"), null);
});

test("unreadable text is reset but kept aside, never dropped", () => {
  const mem = memory({ "wbpm-guide.tally.v3": "{not json" });
  const s = storage.create(mem).define(counter());
  assert.deepEqual(s.read(), { value: { n: 0 }, notice: "reset" });
  assert.equal(mem.get("wbpm-guide.tally.v3.unreadable"), "{not json");
});

test("storage of a newer version is left alone", () => {
  const mem = memory({ "wbpm-guide.tally.v4": JSON.stringify({ n: 1 }) });
  assert.deepEqual(storage.create(mem).define(counter()).read().value, { n: 0 });
  assert.equal(mem.get("wbpm-guide.tally.v4"), JSON.stringify({ n: 1 }));
});

test("export, then import elsewhere merges and says what changes before writing", () => {
  const a = storage.create(memory()).define(counter());
  a.write({ n: 5 });
  const layerA = backups.attach(storage.create(memory({ "wbpm-guide.tally.v3": JSON.stringify({ n: 5 }) })));
  layerA.define(counter());
  const backup = layerA.exportAll(Date.UTC(2026, 11, 1));
  assert.equal(backup.format, backups.FORMAT);
  assert.equal(backup.schema, backups.SCHEMA);
  assert.equal(backup.exported, "2026-12-01T00:00:00.000Z");
  assert.deepEqual(backup.stores.tally, { version: 3, data: { n: 5 } });

  const memB = memory({ "wbpm-guide.tally.v3": JSON.stringify({ n: 2 }) });
  const layerB = backups.attach(storage.create(memB));
  const b = layerB.define(counter());
  const read = layerB.readBackup(JSON.stringify(backup));
  const plan = layerB.planImport(read.backup);
  assert.deepEqual(plan.changes.map((c) => [c.label, c.before, c.after]), [["Tally", "2 counted", "5 counted"]]);
  assert.deepEqual(b.read().value, { n: 2 }, "planning writes nothing");
  assert.equal(layerB.applyImport(plan), true);
  assert.deepEqual(b.read().value, { n: 5 });
  assert.deepEqual(layerB.planImport(read.backup).changes, [], "importing twice changes nothing");
});

test("an import of an older store version is migrated first", () => {
  const layer = backups.attach(storage.create(memory()));
  layer.define(counter());
  const plan = layer.planImport({ stores: { tally: { version: 1, data: { c: 3 } } } });
  assert.deepEqual(plan.changes[0].value, { n: 30 });
});

test("bad and foreign files get a clear message", () => {
  const layer = backups.attach(storage.create(memory()));
  layer.define(counter());
  assert.match(layer.readBackup("nope").error, /not JSON/);
  assert.match(layer.readBackup('{"a": 1}').error, /not a progress backup/);
  assert.match(layer.readBackup(JSON.stringify({ format: backups.FORMAT, schema: 99, stores: {} })).error,
    /newer version/);
  assert.match(layer.readBackup(JSON.stringify({ format: backups.FORMAT, schema: 1 })).error, /no progress/);
  assert.match(layer.planImport({ stores: { tally: { version: 9, data: {} } } }).error, /newer version/);
  assert.match(layer.planImport({ stores: { tally: { version: "x", data: {} } } }).error, /version/);
  assert.match(layer.planImport({ stores: { tally: { version: 3, data: { n: "x" } } } }).error, /expected form/);
  assert.deepEqual(layer.planImport({ stores: { other: { version: 1, data: {} } } }).skipped,
    ['"other" is not kept by this guide, so it was left out.']);
});
