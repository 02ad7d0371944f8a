// Builds docs/assets/vendor/ts-fsrs.min.js from the ts-fsrs pinned in package-lock.json:
// esbuild, minified, as a classic script defining the global `TSFSRS` (and `module.exports`
// in Node, so the Node tests run the very file the site ships). `--check` compares a fresh
// build with the committed file instead of writing it, and exits 1 when they differ.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "docs/assets/vendor/ts-fsrs.min.js");
const version = JSON.parse(readFileSync(join(root, "node_modules/ts-fsrs/package.json"), "utf8")).version;

/** The bundle's text, built in memory. */
export async function bundleText() {
  const result = await build({
    entryPoints: [join(root, "scripts/vendor/ts-fsrs-entry.mjs")],
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "TSFSRS",
    target: "es2020",
    write: false,
    legalComments: "none",
    banner: { js: `/*! ts-fsrs ${version} (MIT, see ts-fsrs.LICENSE.txt) built by scripts/vendor/build-fsrs.mjs */` },
    footer: { js: 'typeof module=="object"&&module.exports&&(module.exports=TSFSRS);' },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleText();
  if (process.argv.includes("--check")) {
    if (readFileSync(out, "utf8") !== text) {
      console.error(`${out}: differs from a fresh build of ts-fsrs ${version}; run \`make fsrs-bundle\``);
      process.exit(1);
    }
  } else {
    writeFileSync(out, text);
    writeFileSync(join(root, "docs/assets/vendor/ts-fsrs.LICENSE.txt"),
      readFileSync(join(root, "node_modules/ts-fsrs/LICENSE"), "utf8"));
    console.log(`${out}: ${text.length} bytes`);
  }
}
