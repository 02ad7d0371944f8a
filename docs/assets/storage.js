/* One storage layer for everything the guide keeps in the reader's browser.
 *
 * Why: three features (flashcards, checklist, practice room) each wrote localStorage with
 * their own key literals and each deleted "other versions" of their key on start, so a format
 * change would have wiped a reader's history. Here every feature declares a *store* once:
 *
 *   var cards = GuideStorage.define({
 *     name: "flashcards",           // key prefix: "wbpm-guide.flashcards."
 *     version: 2,                   // key: "wbpm-guide.flashcards.v2" (never written by hand)
 *     label: "Flashcards",          // for import and reset messages
 *     empty: function () { return {cards: {}}; },
 *     parse: function (data) { return {value: ..., dropped: 0}; },  // validate parsed JSON
 *     migrations: {1: function (v1data) { return v2data; }},         // version n -> n + 1
 *     merge: function (mine, theirs) { return merged; },             // for import
 *     describe: function (value) { return "12 cards studied"; }     // one line, for messages
 *   });
 *   cards.read()            -> {value, notice}  (migrates older versions on the way)
 *   cards.write(value)      -> true when saved
 *   cards.update(fn)        -> writes fn(current value), returns the new value
 *   cards.subscribe(fn)     -> calls fn(value) after each write (this tab or another); returns
 *                              a function that unsubscribes
 *   GuideStorage.exportAll()        -> backup object {format, schema, exported, stores}
 *   GuideStorage.readBackup(text)   -> {error} or {backup}
 *   GuideStorage.planImport(backup) -> {error} or {changes: [...], skipped: [...]}: what an
 *                                      import would change, to show before anything is written
 *   GuideStorage.applyImport(plan)  -> writes the planned values
 *
 * Older data is never deleted before its migrated form is saved; data that cannot be read is
 * kept aside under "<key>.unreadable" rather than dropped. A migration may throw
 * `GuideStorage.Pending` when the code it needs is not on this page (the flashcards migration
 * needs the scheduler): the old data then stays where it is and `read()` says `pending`.
 * Pure logic; the browser instance uses localStorage, tests pass a Map-like backend.
 * Loaded in the browser as the global `GuideStorage`, and in Node via `require`/`import`.
 */
(function (root) {
  "use strict";

  if (root.GuideStorage) return;
  var PREFIX = "wbpm-guide.";
  var FORMAT = "wbpm-guide-backup";
  var SCHEMA = 1;

  /* Thrown by a migration whose code is not loaded on this page. */
  function Pending(what) { this.message = what + " is not loaded on this page"; }

  /* The localStorage key of store `name` at `version`. */
  function keyFor(name, version) { return PREFIX + name + ".v" + version; }

  /* Bring `data` saved at version `from` up to `def.version` through the chain of
   * `def.migrations` (each turns version n into n + 1). Throws when a step is missing. */
  function upgrade(def, from, data) {
    for (var v = from; v < def.version; v++) {
      var step = def.migrations && def.migrations[v];
      if (!step) throw new Error(def.name + ": no migration from version " + v);
      data = step(data);
    }
    return data;
  }

  /* Parse stored text with the store's rules: {value, dropped, damaged}. */
  function parseText(def, text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { value: def.empty(), dropped: 0, damaged: true }; }
    var r = def.parse(data);
    if (!r) return { value: def.empty(), dropped: 0, damaged: true };
    return { value: r.value, dropped: r.dropped || 0, damaged: false };
  }

  /* A backend over window.localStorage that never throws (blocked or full storage). */
  function browserBackend() {
    var ls = null;
    try { ls = root.localStorage; } catch (e) { ls = null; }
    return {
      get: function (k) { try { return ls ? ls.getItem(k) : null; } catch (e) { return null; } },
      set: function (k, v) { try { ls.setItem(k, v); return true; } catch (e) { return false; } },
      remove: function (k) { try { ls.removeItem(k); } catch (e) { /* blocked */ } }
    };
  }

  /* A storage layer over `backend` ({get, set, remove}). */
  function create(backend) {
    var stores = {}, order = [];

    function define(def) {
      if (!def || !/^[a-z][a-z0-9-]*$/.test(def.name || "") || !(def.version >= 1)) {
        throw new Error("a store needs a lower-case name and a version >= 1");
      }
      var key = keyFor(def.name, def.version), listeners = [];

      /* The stored value, migrating an older version's data when this one has none. */
      function read() {
        var text = backend.get(key);
        if (text !== null) {
          var r = parseText(def, text);
          if (r.damaged) backend.set(key + ".unreadable", text);
          return { value: r.value, notice: r.damaged ? "reset" : r.dropped ? "dropped" : null };
        }
        for (var v = def.version - 1; v >= 1; v--) {
          var oldKey = keyFor(def.name, v), old = backend.get(oldKey);
          if (old === null) continue;
          var data;
          try { data = JSON.parse(old); } catch (e) {
            backend.set(oldKey + ".unreadable", old);
            backend.remove(oldKey);
            return { value: def.empty(), notice: "reset" };
          }
          var migrated;
          try { migrated = upgrade(def, v, data); } catch (e) {
            if (e instanceof Pending) return { value: def.empty(), notice: "pending" };
            backend.set(oldKey + ".unreadable", old);
            backend.remove(oldKey);
            return { value: def.empty(), notice: "reset" };
          }
          var parsed = def.parse(migrated) || { value: def.empty(), dropped: 1 };
          if (backend.set(key, JSON.stringify(parsed.value))) backend.remove(oldKey);
          return { value: parsed.value, notice: "migrated" };
        }
        return { value: def.empty(), notice: null };
      }

      function notify(value) {
        listeners.slice().forEach(function (fn) { fn(value); });
      }

      function write(value) {
        var ok = backend.set(key, JSON.stringify(value));
        notify(value);
        return ok;
      }

      var store = {
        name: def.name, version: def.version, key: key, label: def.label || def.name,
        def: def, read: read, write: write,
        update: function (fn) { var v = fn(read().value); write(v); return v; },
        subscribe: function (fn) {
          listeners.push(fn);
          return function () { listeners = listeners.filter(function (f) { return f !== fn; }); };
        },
        /* Called with another tab's change of this key (the `storage` event). */
        changed: function () { if (listeners.length) notify(read().value); }
      };
      if (!stores[def.name]) order.push(def.name);
      stores[def.name] = store;
      return store;
    }

    /* Every defined store's current value, as a backup object. */
    function exportAll(now) {
      var out = { format: FORMAT, schema: SCHEMA, exported: new Date(now || Date.now()).toISOString(),
        stores: {} };
      order.forEach(function (name) {
        var s = stores[name];
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
        var name = names[i], entry = backup.stores[name], s = stores[name];
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
        try { incoming = upgrade(s.def, entry.version, entry.data); } catch (e) {
          return { error: s.label + " in this backup could not be brought up to date" +
            (e instanceof Pending ? " on this page; open the flashcards index and import there." : ".") };
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
      return plan.changes.every(function (c) { return stores[c.store].write(c.value); });
    }

    return { define: define, store: function (name) { return stores[name] || null; },
      names: function () { return order.slice(); }, exportAll: exportAll,
      readBackup: readBackup, planImport: planImport, applyImport: applyImport };
  }

  var api = { PREFIX: PREFIX, FORMAT: FORMAT, SCHEMA: SCHEMA, Pending: Pending, keyFor: keyFor,
    upgrade: upgrade, create: create };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  var instance = create(browserBackend());
  Object.keys(instance).forEach(function (k) { api[k] = instance[k]; });
  root.GuideStorage = api;
  /* Another tab saved: tell that store's subscribers. */
  root.addEventListener("storage", function (e) {
    instance.names().forEach(function (n) {
      var s = instance.store(n);
      if (e.key === s.key) s.changed();
    });
  });
})(this);
