/* Glue between the guide's flashcards and ts-fsrs (FSRS-6), the maintained scheduler library.
 *
 * Why FSRS from a library: on the open srs-benchmark FSRS-6 with default parameters predicts
 * recall far better than SM-2 (which this guide used until store version 2), and ts-fsrs (MIT,
 * pinned in package-lock.json, bundled by `make fsrs-bundle` into docs/assets/vendor/) is its
 * maintained browser implementation. Every interval, stability and difficulty comes from
 * the library with its default parameters; this file only converts between the stored record
 * and the library's Card, formats waits, counts and orders cards.
 *
 * Stored card record (flashcards store, version 2): the library's Card fields with dates as
 * epoch milliseconds, plus `first` (when the card was first answered, for the daily new-card
 * limit). A card with no record is new.
 * The reader's settings (the settings store in stores.js): desired retention and new cards
 * per day; counting due and new cards is the stores' business (stores.js), not the scheduler's.
 * Short-term learning steps are the library's defaults (1 and 10 minutes), so a new card shows
 * a different wait for each grade.
 * Loaded in the browser as the global `GuideSRS`, and in Node via `require`/`import`.
 */
(function (root) {
  "use strict";

  var node = typeof module === "object" && module.exports;
  if (!node && root.GuideSRS) return;
  var F = root.TSFSRS || (node ? require("./vendor/ts-fsrs.min.js") : null);
  var Stores = root.GuideStores || (node ? require("./stores.js") : null);
  var stateName = Stores.stateName;
  var MINUTE = 60 * 1000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
  var GRADES = ["again", "hard", "good", "easy"];
  var RATING = { again: F.Rating.Again, hard: F.Rating.Hard, good: F.Rating.Good, easy: F.Rating.Easy };
  var FIELDS = ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps",
    "reps", "lapses", "state"];
  var schedulers = {};

  /* The library's scheduler for `settings`, built once per retention. */
  function scheduler(settings) {
    var r = (settings && settings.retention) || Stores.settingsDefault().retention;
    if (!schedulers[r]) {
      schedulers[r] = F.fsrs(F.generatorParameters({ request_retention: r, enable_short_term: true }));
    }
    return schedulers[r];
  }

  /* The library's Card for a stored record (a new card when there is none). */
  function toCard(rec, now) {
    if (!rec) return F.createEmptyCard(new Date(now));
    var card = {};
    FIELDS.forEach(function (f) { card[f] = rec[f]; });
    card.due = new Date(rec.due);
    card.last_review = rec.last_review ? new Date(rec.last_review) : undefined;
    return card;
  }

  /* The stored record for a library Card; `first` is when the card was first answered. */
  function fromCard(card, first) {
    var rec = {};
    FIELDS.forEach(function (f) { rec[f] = card[f]; });
    rec.due = card.due.getTime();
    rec.last_review = card.last_review ? card.last_review.getTime() : 0;
    rec.first = first;
    return rec;
  }

  /* The record after answering `grade` (again|hard|good|easy) at `now` (ms). */
  function review(rec, grade, now, settings) {
    if (!RATING[grade]) throw new Error("unknown grade: " + grade);
    var next = scheduler(settings).next(toCard(rec, now), new Date(now), RATING[grade]);
    return fromCard(next.card, rec && rec.first ? rec.first : now);
  }

  /* A short label for a wait: "1 min", "10 min", "5 h", "8 days", "3 mo", "1.5 yr". */
  function formatWait(ms) {
    if (ms < HOUR) return Math.max(1, Math.round(ms / MINUTE)) + " min";
    if (ms < DAY) return Math.round(ms / HOUR) + " h";
    var d = Math.round(ms / DAY);
    if (d < 1.5) return "1 day";
    if (d < 100) return d + " days";
    if (d < 365) return Math.round(d / 30.4) + " mo";
    return Math.round(d / 36.5) / 10 + " yr";
  }

  /* The wait label each grade would give, {again, hard, good, easy}, from the library. */
  function preview(rec, now, settings) {
    var log = scheduler(settings).repeat(toCard(rec, now), new Date(now)), out = {};
    GRADES.forEach(function (g) { out[g] = formatWait(log[RATING[g]].card.due.getTime() - now); });
    return out;
  }

  /* Fisher-Yates shuffle of a copy of `list`, with `rand` returning [0, 1). */
  function shuffle(list, rand) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  /* The study order: due learning cards (soonest first), due reviews, then at most `maxNew`
   * new cards (all when maxNew is undefined). With `rand`, reviews and new cards are shuffled,
   * which interleaves decks on the Review page. */
  function queue(cards, ids, now, rand, maxNew) {
    var learn = [], rev = [], fresh = [];
    ids.forEach(function (id) {
      var kind = stateName(cards[id]);
      if (kind === "new") fresh.push(id);
      else if (cards[id].due <= now) (kind === "learning" ? learn : rev).push(id);
    });
    learn.sort(function (a, b) { return cards[a].due - cards[b].due; });
    if (rand) { rev = shuffle(rev, rand); fresh = shuffle(fresh, rand); }
    if (maxNew !== undefined) fresh = fresh.slice(0, Math.max(0, maxNew));
    return learn.concat(rev, fresh);
  }

  /* ---- Migration from the SM-2 store (version 1) ------------------------------------------ */

  function isNum(x) { return typeof x === "number" && isFinite(x); }

  /* True when `c` is a card state as version 1 (SM-2) saved it. */
  function isSM2Card(c) {
    return !!c && typeof c === "object" && ["new", "learning", "review"].indexOf(c.state) >= 0 &&
      isNum(c.reps) && c.reps >= 0 && isNum(c.ef) && c.ef >= 1.3 && c.ef <= 10 &&
      isNum(c.interval) && c.interval >= 0 && isNum(c.due) && c.due >= 0 &&
      isNum(c.lapses) && c.lapses >= 0;
  }

  /* FSRS memory state for an SM-2 review card, as fsrs-rs `memory_state_from_sm2` computes it
   * (the conversion Anki uses when a collection switches to FSRS), with the library's default
   * weights and SM-2's assumed retention of 0.9: stability = the interval, and difficulty from
   * the ease the interval grew by. */
  function memoryFromSM2(ease, interval) {
    var w = F.default_w, decay = -w[20], retention = 0.9;
    var factor = Math.pow(0.9, 1 / decay) - 1;
    var stability = Math.max(interval, F.S_MIN) * factor / (Math.pow(retention, 1 / decay) - 1);
    var difficulty = 11 - (ease - 1) /
      (Math.exp(w[8]) * Math.pow(stability, -w[9]) * (Math.exp((1 - retention) * w[10]) - 1));
    return { stability: stability, difficulty: Math.min(10, Math.max(1, difficulty)) };
  }

  /* One SM-2 card as an FSRS record, its due date kept; null for a new card (no record).
   * `first` is 0 (before any day's new-card count): SM-2 did not record it. */
  function cardFromSM2(c) {
    if (c.state === "new") return null;
    var rec;
    if (c.state === "review") {
      var m = memoryFromSM2(c.ef, c.interval), last = Math.max(0, c.due - c.interval * DAY);
      rec = fromCard(F.createEmptyCard(new Date(last)), 0);
      rec.state = F.State.Review;
      rec.stability = m.stability;
      rec.difficulty = m.difficulty;
      rec.scheduled_days = c.interval;
      rec.last_review = last;
    } else {
      // Answered Again (SM-2's one-minute relearning): the library's state after Again then.
      var at = Math.max(0, c.due - MINUTE);
      rec = fromCard(scheduler().next(F.createEmptyCard(new Date(at)), new Date(at),
        F.Rating.Again).card, 0);
      if (c.lapses > 0) rec.state = F.State.Relearning;
    }
    rec.due = c.due;
    rec.reps = c.reps;
    rec.lapses = c.lapses;
    return rec;
  }

  /* The version 1 store {v: 1, cards: {id: SM-2 state}} as version 2 {cards: {id: record}};
   * malformed cards are left out (version 1 dropped them too). */
  function storeFromSM2(old) {
    var cards = {}, src = old && old.cards && typeof old.cards === "object" ? old.cards : {};
    Object.keys(src).forEach(function (id) {
      if (!isSM2Card(src[id])) return;
      var rec = cardFromSM2(src[id]);
      if (rec) cards[id] = rec;
    });
    return { cards: cards };
  }

  var api = { MINUTE: MINUTE, HOUR: HOUR, DAY: DAY, GRADES: GRADES,
    library: F, scheduler: scheduler, toCard: toCard, fromCard: fromCard, review: review,
    formatWait: formatWait, preview: preview, shuffle: shuffle, queue: queue, isSM2Card: isSM2Card,
    memoryFromSM2: memoryFromSM2, cardFromSM2: cardFromSM2, storeFromSM2: storeFromSM2 };
  if (node) module.exports = api;
  else root.GuideSRS = api;
})(this);
