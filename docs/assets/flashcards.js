/* Flashcards everywhere they are counted: the index's due and new counts per deck and in
 * total, the "N due · M new" line, the reader's study settings, and the notices about saved
 * progress (read, reset or migrated) that the study panel (flashcards-study.js, deck and
 * Review pages) shows too. Progress and settings live in the stores of stores.js; progress
 * saved by the SM-2 version of this site is migrated there on first read (srs.js).
 * Loaded as the global `GuideFlashcards` ({key, notices, settings}).
 * Start-up: GuideStart.onPage.
 */
(function (root) {
  "use strict";
  if (root.GuideFlashcards) return;
  var Stores = root.GuideStores, Start = root.GuideStart, el = Start.el;
  var doc = root.document;
  var NOTICES = {
    reset: "Saved flashcard progress in this browser could not be read, so it was reset " +
      "(a copy was kept aside in this browser's storage).",
    dropped: "Some saved cards could not be read and were left out.",
    migrated: "Your progress from the previous version of the guide was carried over to the " +
      "new scheduler (FSRS): every card keeps its due date."
  };

  function settings() { return Stores.settings.read().value; }

  /* The index: each deck's due and new counts, and the totals. */
  function fillIndex(table) {
    var loaded = Stores.flashcards.read(), now = Date.now(), all = [], cards = loaded.value.cards;
    function put(row, ids) {
      var c = Stores.counts(cards, ids, now);
      row.querySelector("[data-fc-due]").textContent = String(c.due);
      row.querySelector("[data-fc-new]").textContent = String(c["new"]);
    }
    table.querySelectorAll("[data-fc-deck-row]").forEach(function (row) {
      var ids = (row.getAttribute("data-fc-ids") || "").split(" ").filter(Boolean);
      all = all.concat(ids);
      put(row, ids);
    });
    var foot = table.querySelector("tfoot tr");
    if (foot) put(foot, all);
    var line = doc.querySelector("[data-fc-review-line]");
    if (line) line.textContent = Stores.dueLine(cards, all, now, settings());
    if (NOTICES[loaded.notice]) {
      table.parentNode.insertBefore(el("p", { "class": "fc-notice", role: "status" },
        NOTICES[loaded.notice]), table);
    }
  }

  /* The settings form: shows the saved settings and saves each change. */
  function fillSettings(form) {
    var s = settings(), status = form.querySelector("[data-fc-settings-status]");
    var retention = form.elements.retention, perDay = form.elements.newPerDay;
    retention.value = String(s.retention);
    perDay.value = String(s.newPerDay);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", function () {
      var next = { retention: Number(retention.value), newPerDay: Number(perDay.value) };
      if (!Stores.settings.def.parse(next)) {
        status.textContent = "New cards a day must be a whole number from 0 to 500.";
        return;
      }
      Stores.settings.write(next);
      status.textContent = "Saved: " + Stores.settings.def.describe(next) + ".";
    });
  }

  function init() {
    var index = doc.querySelector("[data-fc-index]");
    if (index) fillIndex(index);
    var form = doc.querySelector("[data-fc-settings]");
    if (form) fillSettings(form);
  }

  /* After an import (backup.js), show the merged progress: the counts and the settings. */
  function refresh() {
    var index = doc.querySelector("[data-fc-index]");
    if (index) fillIndex(index);
    var form = doc.querySelector("[data-fc-settings]"), s = settings();
    if (form) { form.elements.retention.value = String(s.retention); form.elements.newPerDay.value = String(s.newPerDay); }
  }

  root.GuideFlashcards = { key: Stores.flashcards.key, notices: NOTICES, settings: settings };
  root.addEventListener("guide:imported", refresh);
  Start.onPage("flashcards", init);
})(this);
