// The committed ts-fsrs bundle (docs/assets/vendor/ts-fsrs.min.js) is exactly what
// `make fsrs-bundle` builds from the ts-fsrs and esbuild pinned in package-lock.json, and its
// licence ships beside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { bundleText } from "../../scripts/vendor/build-fsrs.mjs";

const dir = new URL("../../docs/assets/vendor/", import.meta.url);

test("the committed bundle equals a fresh build", async () => {
  const committed = readFileSync(new URL("ts-fsrs.min.js", dir), "utf8");
  assert.ok(committed === (await bundleText()), "stale bundle: run `make fsrs-bundle`");
});

test("the library's MIT licence ships with it", () => {
  const shipped = readFileSync(new URL("ts-fsrs.LICENSE.txt", dir), "utf8");
  assert.match(shipped, /MIT License/);
  assert.equal(shipped, readFileSync(new URL("../../node_modules/ts-fsrs/LICENSE", import.meta.url), "utf8"));
});
