/* Backup and restore of everything the guide keeps in this browser: one JSON file holding
 * every store of a storage layer (docs/assets/storage.js), validated with a clear sentence for
 * a bad or foreign file, merged store by store with each store's own `merge`, and planned
 * before anything is written. Loaded only with the backup feature (the flashcards index:
 * docs/assets/backup.js is its interface), so pages that only keep their own store do not
 * carry it.
 *
 *   GuideStorage.exportAll()        -> backup object {format, schema, exported, stores}
 *   GuideStorage.readBackup(text)   -> {error} or {backup}
 *   GuideStorage.planImport(backup) -> {error} or {changes: [...], skipped: [...]}: what an
 *                                      import would change, to show before anything is written
 *   GuideStorage.applyImport(plan)  -> writes the planned values
 *
 * In the browser it adds these to `GuideStorage` (load it after storage.js); in Node,
 * `attach(layer)` adds them to a storage layer of the test's own.
 */
(function (root) {
  "use strict";

  var node = typeof module === "object" && module.exports;
  if (!node && root.GuideStorageBackup) return;
  var Storage = root.GuideStorage || (node ? require("./storage.js") : null);
  var FORMAT = "wbpm-guide-backup";
  var SCHEMA = 1;

  /* Give `layer` (a storage layer: `store(name)`, `names()`) export and import. */
  function attach(layer) {
    /* Every defined store's current value, as a backup object. */
    function exportAll(now) {
      var out = { format: FORMAT, schema: SCHEMA, exported: new Date(now || Date.now()).toISOString(),
        stores: {} };
      layer.names().forEach(function (name) {
        var s = layer.store(name);
        out.stores[name] = { version: s.version, data: s.read().value };
      });
      return out;
    }

    /* Parse a backup file's text: {backup} or {error: a sentence for the reader}. */
    function readBackup(text) {
      var data;
      try { data = JSON.parse(text); } catch (e) {
        return { error: "This file is not a progress backup from this guide: it is not JSON." };
      }
      if (!data || typeof data !== "object" || data.format !== FORMAT) {
        return { error: "This file is not a progress backup from this guide (it lacks \"format\": \"" +
          FORMAT + "\"). Choose a file saved with \"Export progress\"." };
      }
      if (typeof data.schema !== "number" || data.schema > SCHEMA) {
        return { error: "This backup was made by a newer version of the guide (backup schema " +
          data.schema + ", this page reads " + SCHEMA + "). Reload the page and try again." };
      }
      if (!data.stores || typeof data.stores !== "object" || Array.isArray(data.stores)) {
        return { error: "This backup holds no progress (its \"stores\" entry is missing)." };
      }
      return { backup: data };
    }

    /* What importing `backup` would do, store by store, without writing anything:
     * {changes: [{store, before, after, value, dropped}], skipped: [sentences]} or {error}. */
    function planImport(backup) {
      var changes = [], skipped = [];
      var names = Object.keys(backup.stores);
      for (var i = 0; i < names.length; i++) {
        var name = names[i], entry = backup.stores[name], s = layer.store(name);
        if (!s) { skipped.push("\"" + name + "\" is not kept by this guide, so it was left out."); continue; }
        if (!entry || typeof entry !== "object" || typeof entry.version !== "number" ||
            entry.version < 1 || Math.floor(entry.version) !== entry.version) {
          return { error: s.label + " in this backup has no valid version number." };
        }
        if (entry.version > s.version) {
          return { error: s.label + " in this backup was saved by a newer version of the guide " +
            "(version " + entry.version + ", this page reads " + s.version + "). Reload the page " +
            "and try again." };
        }
        var incoming;
        try { incoming = Storage.upgrade(s.def, entry.version, entry.data); } catch (e) {
          return { error: s.label + " in this backup could not be brought up to date" +
            (e instanceof Storage.Pending ? " on this page; open the flashcards index and import there." : ".") };
        }
        var parsed = s.def.parse(incoming);
        if (!parsed) return { error: s.label + " in this backup is not in the expected form." };
        var current = s.read().value;
        var merged = s.def.merge ? s.def.merge(current, parsed.value) : parsed.value;
        var before = s.def.describe ? s.def.describe(current) : "";
        var after = s.def.describe ? s.def.describe(merged) : "";
        if (JSON.stringify(merged) === JSON.stringify(current)) {
          skipped.push(s.label + ": nothing new in the backup.");
          continue;
        }
        changes.push({ store: name, label: s.label, before: before, after: after, value: merged,
          dropped: parsed.dropped || 0 });
      }
      return { changes: changes, skipped: skipped };
    }

    /* Write every planned value; true when all were saved. */
    function applyImport(plan) {
      return plan.changes.every(function (c) { return layer.store(c.store).write(c.value); });
    }

    layer.exportAll = exportAll;
    layer.readBackup = readBackup;
    layer.planImport = planImport;
    layer.applyImport = applyImport;
    return layer;
  }

  var api = { FORMAT: FORMAT, SCHEMA: SCHEMA, attach: attach };
  if (node) { module.exports = api; return; }
  attach(Storage);
  root.GuideStorageBackup = api;
})(this);
