/* Practice room control (docs/practice.md): draw a prompt, time it, compare it with the model
 * outline, self-check and self-score it, keep a history.
 *
 * Reads everything from the page: prompts from `.practice-prompts` lists (each with its
 * model-answer outline and self-check), timer lengths from the claim named by each list's
 * `data-timer-claim`, dimensions, weights and training links from the `.practice-rubric` table.
 * Arithmetic and stored-data rules: practice-score.js. Rendering: practice-view.js; this file
 * only keeps state, reacts to the reader and decides what to show.
 * The app's shell is static HTML in its final place and size before this runs (the shell in
 * docs/practice.md, the score choices from hooks/practice.py), so starting shifts nothing.
 * History lives in the guide's `practice` store (stores.js over storage.js: versioned, migrated,
 * unreadable data kept aside with a notice). Start-up: GuideStart.onPage, once per page shown
 * (full load or instant navigation); inert without `[data-practice]`.
 */
(function () {
  "use strict";
  var SHOWN = 20;
  var S = window.GuidePracticeScore, V = window.GuidePracticeView, Store = window.GuideStores.practice;
  var each = function (l, f) { Array.prototype.forEach.call(l, f); };
  var ticker = null;
  var MSG = {
    choose: "Choose weak, adequate or strong for each dimension to see your weighted score.",
    noWeights: "The rubric weights on this page could not be read, so no weighted score can be shown.",
    timeUp: "Time is up. Open the model outline under the prompt, tick what you did, then score.",
    reset: "Your saved practice history could not be fully read, so the unreadable part was reset."
  };

  /* ---- Reading the page ------------------------------------------------------------------ */

  function text(node) { /* a claim's value without its "example" label */
    if (!node) return "";
    var c = node.cloneNode(true);
    each(c.querySelectorAll(".claim__kind"), function (k) { k.remove(); });
    return c.textContent.trim();
  }

  function readPrompts(root) {
    var out = [];
    each(root.querySelectorAll(".practice-prompts"), function (set) {
      var t = text(root.querySelector('[data-claim-id="' + set.getAttribute("data-timer-claim") + '"]'));
      var h = set.previousElementSibling;
      while (h && !/^H[2-4]$/.test(h.tagName)) h = h.previousElementSibling;
      each(set.querySelectorAll(":scope > ol > li"), function (li) {
        var b = li.querySelector("strong");
        out.push({ title: (b || li).textContent.trim().replace(/[.:]\s*$/, ""), node: li,
          ms: S.parseDuration(t), time: t, group: h ? h.textContent.replace(/¶\s*$/, "").trim() : "" });
      });
    });
    return out;
  }

  function readRubric(root) {
    var dims = [];
    each(root.querySelectorAll(".practice-rubric tbody tr"), function (tr) {
      var claim = tr.querySelector('[data-claim-id^="weight-"]'), td = tr.querySelector("td"), a;
      if (!claim || !td) return;
      a = td.querySelector("a");
      dims.push({ key: claim.getAttribute("data-claim-id").slice(7), name: td.textContent.trim(),
        href: a && a.getAttribute("href"), weight: S.parseWeight(text(claim)) });
    });
    return dims;
  }

  function stamp(iso) {
    var d = new Date(iso), p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + " " +
      p(d.getHours()) + ":" + p(d.getMinutes());
  }

  /* ---- The session ----------------------------------------------------------------------- */

  function Session(app) {
    var root = document.querySelector(".md-content") || document;
    var $ = function (s) { return app.querySelector(s); };
    this.app = app;
    this.prompts = readPrompts(root);
    this.dims = readRubric(root);
    this.weights = {};
    this.order = this.dims.map(function (d) { this.weights[d.key] = d.weight; return d.key; }, this);
    this.ok = this.dims.length > 0 && S.validWeights(this.weights);
    this.prompt = null;
    this.drawn = { outline: null, checks: [] };
    this.done = false;
    this.timer = S.timer(0);
    var loaded = Store.read();
    this.history = loaded.value;
    this.el = { notice: $(".practice-notice"), drawn: $(".practice-drawn"), form: $("form"),
      result: $("[data-result]"), hist: $("[data-history]"), histButtons: $("[data-history-buttons]") };
    this.timerParts = { clock: $("[data-timer]"), note: $(".practice-timer__note"),
      alert: $("[data-time-up]"), box: $(".practice-timer"), start: $('[data-action="start"]'),
      pause: $('[data-action="pause"]') };
    if (loaded.notice === "reset" || loaded.notice === "dropped") {
      Store.write(this.history); /* the readable part, saved back; the rest is kept aside */
      this.el.notice.textContent = MSG.reset;
    }
  }

  Session.prototype.stop = function () {
    if (ticker !== null) { clearInterval(ticker); ticker = null; }
  };

  Session.prototype.tick = function () {
    if (!this.app.isConnected) return this.stop(); /* the reader navigated away */
    var now = Date.now(), left = S.remaining(this.timer, now), run = S.running(this.timer);
    var has = this.timer.duration > 0;
    if (has && left <= 0 && !this.done) {
      this.done = true;
      this.timer = S.pause(this.timer, now);
      this.stop();
      run = false;
    }
    var p = this.prompt || this.prompts[0];
    V.showTimer(this.timerParts, {
      clock: has ? S.formatTime(left) : "--:--",
      note: p && p.ms ? "Counts down from " + p.time + " (" + p.group.toLowerCase() + ")."
        : "The timer length could not be read from this page.",
      alert: this.done ? MSG.timeUp : "",
      canStart: has && !run && left > 0, canPause: run, up: this.done,
      startLabel: this.timer.elapsed > 0 && !run && left > 0 ? "Resume" : "Start"
    });
  };

  Session.prototype.reset = function () {
    var p = this.prompt || this.prompts[0];
    this.stop();
    this.timer = S.timer((p && p.ms) || 0);
    this.done = false;
    this.tick();
  };

  Session.prototype.start = function () {
    var self = this;
    this.timer = S.start(this.timer, Date.now());
    this.stop();
    ticker = setInterval(function () { self.tick(); }, 250);
    this.tick();
  };

  Session.prototype.pause = function () {
    this.timer = S.pause(this.timer, Date.now());
    this.stop();
    this.tick();
  };

  Session.prototype.draw = function () {
    var list = this.prompts, pick;
    if (!list.length) return;
    do { pick = list[Math.floor(Math.random() * list.length)]; }
    while (list.length > 1 && pick === this.prompt);
    this.prompt = pick;
    this.drawn = V.showDrawn(this.el.drawn, pick);
    this.reset();
  };

  Session.prototype.scores = function () {
    var s = {}, form = this.el.form;
    this.order.forEach(function (k) {
      var c = form.querySelector('input[name="practice-' + k + '"]:checked');
      if (c) s[k] = c.value;
    });
    return s;
  };

  Session.prototype.showResult = function (msg) {
    var s = this.scores(), score = this.ok ? S.weightedScore(this.weights, s) : null;
    if (score === null) {
      return V.showResult(this.el.result, { score: null,
        message: !this.ok ? MSG.noWeights : msg || MSG.choose });
    }
    var key = S.weakest(this.weights, s, this.order), d = this.dims[this.order.indexOf(key)];
    V.showResult(this.el.result, { score: score, max: S.MAX_LEVEL, band: S.band(score),
      weakest: d ? { key: key, name: d.name, href: d.href } : null, message: msg || "" });
  };

  Session.prototype.weighted = function (a) {
    return this.ok ? S.weightedScore(this.weights, a.scores) : null;
  };

  Session.prototype.showHistory = function () {
    var list = this.history.attempts, recent = list.slice(-SHOWN), self = this;
    this.el.histButtons.hidden = !list.length;
    var values = recent.map(function (a) { return self.weighted(a); });
    V.showHistory(this.el.hist, {
      values: values, points: S.sparkline(values, 120, 32), trend: S.trend(values),
      dims: this.dims.map(function (d) { return d.name; }),
      caption: list.length > SHOWN ? "Latest " + SHOWN + " of " + list.length +
        " attempts, newest first (export CSV for all)" : "Attempts, newest first",
      rows: recent.slice().reverse().map(function (a) {
        return { date: stamp(a.date), prompt: a.prompt, weighted: self.weighted(a),
          checks: S.checkSummary(a),
          levels: self.order.map(function (k) { return a.scores[k] || ""; }) };
      })
    });
  };

  /* The attempt to save: prompt, time, scores and, for a drawn prompt with a self-check, the
   * items ticked and how many were offered. */
  Session.prototype.attempt = function () {
    var a = { prompt: this.prompt ? this.prompt.title : "Own prompt",
      date: new Date().toISOString(), scores: this.scores() };
    if (this.drawn.checks.length) {
      a.checks = this.drawn.checks.filter(function (c) { return c.input.checked; })
        .map(function (c) { return c.text.slice(0, 300); });
      a.checkTotal = this.drawn.checks.length;
    }
    return a;
  };

  Session.prototype.save = function () {
    if (!this.ok || S.weightedScore(this.weights, this.scores()) === null) {
      return this.showResult("Score all dimensions before saving.");
    }
    this.history = S.addAttempt(this.history, this.attempt());
    var saved = Store.write(this.history);
    this.showHistory();
    this.showResult(saved ? "Saved to your history below." : "Could not save: this browser's storage is unavailable.");
  };

  Session.prototype.exportCSV = function () {
    var self = this, rows = [["date", "prompt"].concat(this.order, ["weighted", "self_check", "ticked"])];
    this.history.attempts.forEach(function (a) {
      var w = self.weighted(a);
      rows.push([a.date, a.prompt].concat(self.order.map(function (k) { return a.scores[k] || ""; }),
        [w === null ? "" : w.toFixed(2), S.checkSummary(a), (a.checks || []).join("; ")]));
    });
    var url = URL.createObjectURL(new Blob([S.toCSV(rows)], { type: "text/csv;charset=utf-8" }));
    var link = window.GuideStart.el("a", { href: url, download: "practice-attempts.csv" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  };

  Session.prototype.clear = function () {
    if (!window.confirm("Delete all " + this.history.attempts.length + " saved practice attempts " +
        "from this browser? This cannot be undone.")) return;
    this.history = S.emptyHistory();
    Store.write(this.history);
    this.el.notice.textContent = "Practice history cleared.";
    this.showHistory();
  };

  Session.prototype.wire = function () {
    var self = this, actions = { draw: "draw", start: "start", pause: "pause", reset: "reset",
      export: "exportCSV", clear: "clear" };
    this.app.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("[data-action]");
      var method = b && actions[b.getAttribute("data-action")];
      if (method) self[method]();
    });
    this.el.form.addEventListener("change", function () { self.showResult(); });
    this.el.form.addEventListener("submit", function (e) { e.preventDefault(); self.save(); });
    this.reset();
    this.showResult();
    this.showHistory();
  };

  window.GuideStart.onPage("practice", function () {
    if (ticker !== null) { clearInterval(ticker); ticker = null; }
    var app = document.querySelector("[data-practice]");
    if (!app || app.hasAttribute("data-ready") || !S || !V) return;
    app.setAttribute("data-ready", "");
    try { new Session(app).wire(); } catch (err) {
      app.hidden = true; /* never a broken page: the lists and rubric stay readable */
      if (window.console) console.warn("practice room unavailable:", err);
    }
  });
})();
