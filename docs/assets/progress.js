/* Saved progress: a checklist that remembers ticks, and the home page's "Your progress".
 *
 * Checklist: task-list boxes (pymdownx.tasklist renders them disabled) become working,
 * labelled checkboxes. Ticks live in the checklist store (stores.js), by an id hashed from the
 * item's text, not its position: reordering keeps ticks, rewording clears that tick. The page
 * holds the bar (`[data-progress-bar]`) in its final place, so filling it shifts nothing.
 * Summary: `[data-progress-summary]` (its `data-fc-ids-url` names the JSON list of every card
 * id, from hooks/flashcards.py) shows flashcards "N due · M new" with a link to Review,
 * checklist done x/y and practice attempts, all read-only. Start-up: GuideStart.onPage.
 * Loaded in the browser as the global `GuideProgress`; `itemId` also in Node.
 */
(function (root) {
  "use strict";

  /* A stable id from an item's text: FNV-1a of the normalised text, base 36, plus its length. */
  function itemId(text) {
    var s = text.replace(/\s+/g, " ").trim().toLowerCase(), h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return "t" + h.toString(36) + s.length.toString(36);
  }

  /* Ids for items' texts, in order: a repeated text gets "-2", "-3"... after its id. */
  function itemIds(texts) {
    var seen = {};
    return texts.map(function (t) {
      var id = itemId(t);
      seen[id] = (seen[id] || 0) + 1;
      return seen[id] > 1 ? id + "-" + seen[id] : id;
    });
  }

  /* The checklist store keeping only ticks of items still on the list `ids`. */
  function prune(store, ids) {
    var done = {};
    ids.forEach(function (id) { if (store.done[id]) done[id] = 1; });
    return { v: 1, done: done, ids: ids.slice() };
  }

  var api = { itemId: itemId, itemIds: itemIds, prune: prune };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  if (root.GuideProgress) return;
  root.GuideProgress = api;

  var Start = root.GuideStart, Stores = root.GuideStores, el = Start.el, doc = root.document;
  var each = function (l, f) { Array.prototype.forEach.call(l, f); };

  function checklist() {
    var content = doc.querySelector(".md-content__inner");
    var bar = content && content.querySelector("[data-progress-bar]");
    if (!bar) return;
    var boxes = [];
    each(content.querySelectorAll("li.task-list-item"), function (li) {
      var input = li.querySelector(":scope > label > input[type=checkbox], :scope > input[type=checkbox]");
      if (!input) return;
      var copy = li.cloneNode(true);
      each(copy.querySelectorAll("ul, ol, label"), function (n) { n.remove(); });
      boxes.push({ input: input, text: copy.textContent.replace(/\s+/g, " ").trim() });
    });
    if (!boxes.length) return;
    var ids = itemIds(boxes.map(function (b) { return b.text; }));
    var r = Stores.checklist.read(), store = prune(r.value, ids);
    Stores.checklist.write(store);

    var status = bar.firstElementChild, resetB = bar.querySelector("button");
    if (r.notice === "reset" || r.notice === "dropped") {
      bar.append(el("p", { "class": "progress-bar__notice", role: "status" },
        "Saved checklist ticks in this browser could not be read, so they were reset."));
    }
    function show() {
      var n = Object.keys(store.done).length;
      status.textContent = n + " of " + boxes.length + " done";
      resetB.disabled = !n;
    }
    boxes.forEach(function (b, i) {
      b.input.disabled = false;
      b.input.setAttribute("aria-label", b.text.slice(0, 160));
      b.input.setAttribute("data-item-id", ids[i]);
      b.input.checked = !!store.done[ids[i]];
      b.input.addEventListener("change", function () {
        if (b.input.checked) store.done[ids[i]] = 1;
        else delete store.done[ids[i]];
        Stores.checklist.write(store);
        show();
      });
    });
    resetB.addEventListener("click", function () {
      if (!root.confirm("Untick every item of the checklist?")) return;
      store.done = {};
      boxes.forEach(function (b) { b.input.checked = false; });
      Stores.checklist.write(store);
      show();
      boxes[0].input.focus();
    });
    show();
  }

  /* The flashcards line of the summary: "N due · M new", or a note while old progress waits
   * for a flashcards page to bring it up to date. */
  function cardsLine(ids) {
    var r = Stores.flashcards.read();
    if (r.notice === "pending") return "progress saved by an earlier version; open Review to update it";
    return Stores.dueLine(r.value.cards, ids, Date.now(), Stores.settings.read().value);
  }

  /* Fill the summary once the list of card ids (hooks/flashcards.py) has arrived; without
   * it (offline, not cached) the flashcards line is left out. */
  function summary() {
    var box = doc.querySelector("[data-progress-summary]");
    if (!box) return;
    var url = box.getAttribute("data-fc-ids-url");
    if (!url) { fillSummary(box, []); return; }
    root.fetch(url).then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (ids) { if (box.isConnected) fillSummary(box, ids); });
  }

  function fillSummary(box, ids) {
    var rows = [], review = "review/";
    if (ids.length) rows.push(["cards", "Flashcards", cardsLine(ids), review]);
    var c = Stores.checklist.read().value, n = Object.keys(c.done).length;
    if (n) rows.push(["checklist", "Checklist", n + " of " + c.ids.length + " done", "checklist/"]);
    var tries = Stores.practice.read().value.attempts.length;
    if (tries) rows.push(["practice", "Practice", tries + (tries === 1 ? " attempt" : " attempts"), "practice/"]);
    box.textContent = "";
    box.setAttribute("data-ready", "");
    if (!rows.length) { box.hidden = true; return; }
    box.append(el("h2", { id: "your-progress" }, "Your progress"), el("ul", {}, rows.map(function (row) {
      return el("li", { "data-summary": row[0] },
        [el("strong", {}, row[1] + ":"), " ", el("a", { href: row[3] }, row[2])]);
    })), el("p", {}, "Kept in this browser only; nothing is sent anywhere. Back it up from the " +
      "flashcards page."));
    box.hidden = false;
  }

  Start.onPage("checklist", checklist);
  Start.onPage("summary", summary);
})(this);
