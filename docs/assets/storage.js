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
 *   GuideStorage.store(name), GuideStorage.names() -> a defined store, every store's name
 * Backup and restore of every store (export, import) are in storage-backup.js, loaded only by
 * the page that offers them.
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

    return { define: define, store: function (name) { return stores[name] || null; },
      names: function () { return order.slice(); } };
  }

  var api = { PREFIX: PREFIX, Pending: Pending, keyFor: keyFor, upgrade: upgrade, create: create };
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
