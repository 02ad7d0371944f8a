// Unit tests of docs/assets/progress.js's pure parts: checklist item ids from their text
// (stable across reordering and whitespace, distinct for repeats) and pruning ticks of
// items no longer on the list.
import { test } from "node:test";
import assert from "node:assert/strict";
import progress from "../../docs/assets/progress.js";

test("an item's id follows its text, not its position or spacing or case", () => {
  const id = progress.itemId("Read the  rubric");
  assert.equal(id, progress.itemId(" read the rubric "));
  assert.notEqual(id, progress.itemId("Read the rubrics"));
  assert.match(id, /^t[0-9a-z]+$/);
});

test("repeated texts get numbered ids, in order", () => {
  const a = progress.itemId("Same");
  assert.deepEqual(progress.itemIds(["Same", "Other", "Same", "Same"]),
    [a, progress.itemId("Other"), `${a}-2`, `${a}-3`]);
});

test("pruning keeps only ticks of items still listed, in the list's order", () => {
  const store = { v: 1, done: { a: 1, gone: 1 }, ids: ["a", "gone"] };
  assert.deepEqual(progress.prune(store, ["b", "a"]), { v: 1, done: { a: 1 }, ids: ["b", "a"] });
});
