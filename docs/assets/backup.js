/* Backup and restore of everything the guide keeps in this browser (the flashcards index's
 * `[data-backup]` section, rendered by studyguide/review_page.py).
 *
 * Export downloads every store of stores.js as one JSON file (GuideStorage.exportAll). Import
 * reads a file, validates it (GuideStorage.readBackup: a clear sentence for a bad or foreign
 * file), works out what merging it would change (GuideStorage.planImport: each card keeps its
 * newer review, ticks and attempts are united), says so, and writes only when the reader
 * confirms with "Apply". Start-up: GuideStart.onPage.
 */
(function (root) {
  "use strict";
  if (root.GuideBackup) return;
  root.GuideBackup = true;
  var Storage = root.GuideStorage, Start = root.GuideStart, el = Start.el, doc = root.document;

  /* "wbpm-guide-progress-2026-12-01.json" for today's date. */
  function fileName(now) {
    return "wbpm-guide-progress-" + new Date(now).toISOString().slice(0, 10) + ".json";
  }

  function download(text, name) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var a = el("a", { href: url, download: name });
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  function wire(box) {
    var status = box.querySelector("[data-backup-status]"), input = box.querySelector("[data-backup-file]");
    function say(children) {
      status.textContent = "";
      status.append.apply(status, [].concat(children));
    }
    box.querySelector("[data-backup-export]").addEventListener("click", function () {
      var name = fileName(Date.now());
      download(JSON.stringify(Storage.exportAll(), null, 1), name);
      say(el("p", {}, "Saved " + name + ". Import it on another browser from this page."));
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        input.value = "";
        var read = Storage.readBackup(text);
        if (read.error) { say(el("p", { "data-backup-error": true }, read.error)); return; }
        var plan = Storage.planImport(read.backup);
        if (plan.error) { say(el("p", { "data-backup-error": true }, plan.error)); return; }
        var notes = plan.skipped.map(function (s) { return el("li", {}, s); });
        if (!plan.changes.length) {
          say([el("p", {}, "Nothing to import: this browser already holds everything in " +
            file.name + "."), notes.length ? el("ul", {}, notes) : null]);
          return;
        }
        var apply = el("button", { type: "button", "class": "md-button md-button--primary" }, "Apply");
        var cancel = el("button", { type: "button", "class": "md-button" }, "Cancel");
        say([el("p", {}, "Importing " + file.name + " will change:"), el("ul", {},
          plan.changes.map(function (c) {
            return el("li", { "data-backup-change": c.store }, c.label + ": " + c.before + " now, " +
              c.after + " after" + (c.dropped ? " (" + c.dropped + " unreadable entries left out)" : ""));
          }).concat(notes)), el("p", { "class": "fc-backup-actions" }, [apply, " ", cancel])]);
        apply.focus();
        apply.addEventListener("click", function () {
          var ok = Storage.applyImport(plan);
          say(el("p", {}, ok ? "Imported. Reload other open pages of the guide to see it." :
            "This browser would not save the import (storage full or blocked); nothing changed."));
          if (ok) root.dispatchEvent(new CustomEvent("guide:imported"));
        });
        cancel.addEventListener("click", function () { say(el("p", {}, "Import cancelled; nothing changed.")); });
      });
    });
  }

  Start.onPage("backup", function () {
    var box = doc.querySelector("[data-backup]");
    if (box) wire(box);
  });
})(this);
