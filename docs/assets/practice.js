/* The practice room (docs/practice.md): draw a prompt, time the answer, self-score it on the
 * rubric, keep a history of attempts in this browser.
 *
 * Everything the page says comes from the page: prompts from `.practice-prompts` lists, the
 * timer lengths from the claim elements their `data-timer-claim` names, the dimensions, weights,
 * level descriptions and training links from the `.practice-rubric` table. The arithmetic lives
 * in practice-score.js (GuidePracticeScore). Stored data is versioned and validated; anything
 * unreadable is reset with a notice. Runs on every page load and every instant navigation
 * (Material's `document$`), and does nothing on pages without `[data-practice]`.
 */
(function () {
  "use strict";

  var KEY = "wbpm-guide.practice.v1";
  var KEY_PREFIX = "wbpm-guide.practice.";
  var SHOWN = 20;
  var TICK = 250;
  var S = window.GuidePracticeScore;
  var ticker = null;

  /* ---- small DOM and storage helpers ------------------------------------------------ */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, action, primary) {
    var b = el("button", { type: "button", "class": "md-button" + (primary ? " md-button--primary" : ""),
      "data-action": action }, label);
    return b;
  }

  /* A claim element's value without its "example" label. */
  function claimText(node) {
    if (!node) return "";
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".claim__kind"), function (k) { k.remove(); });
    return copy.textContent.trim();
  }

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  /* Remove stores of other (older) versions of this key. */
  function dropOldVersions() {
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(KEY_PREFIX) === 0 && k !== KEY) window.localStorage.removeItem(k);
      }
    } catch (e) { /* storage unavailable: nothing to clean */ }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localDate(iso) {
    var d = new Date(iso);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /* ---- reading the page --------------------------------------------------------------- */

  function readPrompts(root) {
    var prompts = [];
    Array.prototype.forEach.call(root.querySelectorAll(".practice-prompts"), function (set) {
      var claim = set.getAttribute("data-timer-claim");
      var claimEl = claim ? root.querySelector('[data-claim-id="' + claim + '"]') : null;
      var timeText = claimText(claimEl);
      var duration = S.parseDuration(timeText);
      var heading = set.previousElementSibling;
      while (heading && !/^H[2-4]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      Array.prototype.forEach.call(set.querySelectorAll(":scope > ol > li"), function (li) {
        var strong = li.querySelector("strong");
        var title = (strong ? strong.textContent : li.textContent).trim().replace(/[.:]\s*$/, "");
        prompts.push({ title: title, node: li, duration: duration, timeText: timeText,
          group: heading ? heading.textContent.replace(/¶\s*$/, "").trim() : "" });
      });
    });
    return prompts;
  }

  function readRubric(root) {
    var table = root.querySelector(".practice-rubric table");
    if (!table) return null;
    var levels = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    }).slice(2);
    var dims = [];
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      var claim = tr.querySelector('[data-claim-id^="weight-"]');
      if (!claim) return;
      var cells = tr.querySelectorAll("td");
      var link = cells[0] && cells[0].querySelector("a");
      var text = claimText(claim);
      var desc = {};
      levels.forEach(function (name, i) {
        desc[name.toLowerCase()] = cells[i + 2] ? cells[i + 2].textContent.trim() : "";
      });
      dims.push({ key: claim.getAttribute("data-claim-id").replace(/^weight-/, ""),
        name: cells[0] ? cells[0].textContent.trim() : "", href: link ? link.getAttribute("href") : null,
        weightText: text, weight: S.parseWeight(text), desc: desc, levels: levels });
    });
    return dims.length ? dims : null;
  }

  /* ---- the app ------------------------------------------------------------------------ */

  function build(app) {
    var root = document.querySelector(".md-content") || document;
    var prompts = readPrompts(root);
    var dims = readRubric(root) || [];
    var weights = {};
    dims.forEach(function (d) { weights[d.key] = d.weight; });
    var order = dims.map(function (d) { return d.key; });
    var weightsOk = dims.length > 0 && S.validWeights(weights);
    var defaultDuration = (prompts[0] && prompts[0].duration) || null;

    var state = { prompt: null, timer: S.timer(defaultDuration || 0), done: false };
    var loaded = S.parseHistory(read(KEY));
    var history = loaded.store;

    app.textContent = "";
    app.hidden = false;
    var notice = el("p", { "class": "practice-notice", role: "status" });

    /* Draw */
    var drawBox = el("section", { "class": "practice-draw", "aria-labelledby": "practice-draw-h" });
    drawBox.appendChild(el("h2", { id: "practice-draw-h" }, "Your session"));
    var drawBtn = button("Draw a prompt", "draw", true);
    drawBox.appendChild(drawBtn);
    var drawn = el("div", { "class": "practice-drawn", "aria-live": "polite" });
    drawn.appendChild(el("p", { "class": "practice-drawn__empty" },
      "No prompt drawn yet. Draw one, or pick any prompt from the list below."));
    drawBox.appendChild(drawn);

    /* Timer */
    var timerBox = el("div", { "class": "practice-timer", role: "group", "aria-labelledby": "practice-timer-h" });
    timerBox.appendChild(el("h3", { id: "practice-timer-h" }, "Timer"));
    var clock = el("p", { "class": "practice-timer__time", "data-timer": "" });
    var timeNote = el("p", { "class": "practice-timer__note" });
    var startBtn = button("Start", "start", true);
    var pauseBtn = button("Pause", "pause");
    var resetBtn = button("Reset", "reset");
    var controls = el("div", { "class": "practice-buttons" });
    [startBtn, pauseBtn, resetBtn].forEach(function (b) { controls.appendChild(b); });
    var alertBox = el("p", { "class": "practice-timer__alert", "aria-live": "assertive",
      "aria-atomic": "true", "data-time-up": "" });
    [clock, timeNote, controls, alertBox].forEach(function (n) { timerBox.appendChild(n); });
    drawBox.appendChild(timerBox);

    /* Score */
    var form = el("form", { "class": "practice-score", "aria-labelledby": "practice-score-h", novalidate: "" });
    form.appendChild(el("h3", { id: "practice-score-h" }, "Score your answer"));
    dims.forEach(function (d) {
      var fs = el("fieldset", { "class": "practice-dim", "data-dim": d.key });
      fs.appendChild(el("legend", {}, d.name + " (weight " + d.weightText + ")"));
      d.levels.forEach(function (levelName) {
        var level = levelName.toLowerCase();
        if (S.LEVELS[level] === undefined) return;
        var id = "practice-" + d.key + "-" + level;
        var label = el("label", { "for": id, "class": "practice-level" });
        var input = el("input", { type: "radio", id: id, name: "practice-" + d.key, value: level });
        label.appendChild(input);
        var name = el("strong", {}, levelName);
        name.appendChild(el("span", { "class": "practice-sr" }, ": "));
        label.appendChild(name);
        label.appendChild(el("span", { "class": "practice-level__desc" }, d.desc[level] || ""));
        fs.appendChild(label);
      });
      form.appendChild(fs);
    });
    var result = el("div", { "class": "practice-result", "aria-live": "polite", "data-result": "" });
    var saveBtn = el("button", { type: "submit", "class": "md-button md-button--primary" }, "Save attempt");
    form.appendChild(result);
    form.appendChild(saveBtn);

    /* History */
    var hist = el("section", { "class": "practice-history", "aria-labelledby": "practice-history-h" });
    hist.appendChild(el("h3", { id: "practice-history-h" }, "Your attempts"));
    var histBody = el("div", { "data-history": "" });
    var histButtons = el("div", { "class": "practice-buttons" });
    var exportBtn = button("Export CSV", "export");
    var clearBtn = button("Clear history", "clear");
    histButtons.appendChild(exportBtn);
    histButtons.appendChild(clearBtn);
    var confirmBox = el("div", { "class": "practice-confirm", role: "group", hidden: "" });
    var confirmText = el("p", {});
    var confirmYes = button("Delete all attempts", "confirm-clear");
    var confirmNo = button("Cancel", "cancel-clear");
    [confirmText, confirmYes, confirmNo].forEach(function (n) { confirmBox.appendChild(n); });
    [histBody, histButtons, confirmBox].forEach(function (n) { hist.appendChild(n); });

    [notice, drawBox, form, hist].forEach(function (n) { app.appendChild(n); });

    if (loaded.reset) {
      write(KEY, JSON.stringify(history));
      notice.textContent = "Your saved practice history could not be fully read, so the " +
        "unreadable part was reset.";
    }

    /* ---- behaviour ---- */

    function stopTicker() { if (ticker !== null) { clearInterval(ticker); ticker = null; } }

    function renderTimer() {
      var now = Date.now();
      var left = S.remaining(state.timer, now);
      var has = state.timer.duration > 0;
      clock.textContent = has ? S.formatTime(left) : "--:--";
      var running = S.running(state.timer);
      startBtn.disabled = !has || running || left <= 0;
      pauseBtn.disabled = !running;
      startBtn.textContent = state.timer.elapsed > 0 && !running && left > 0 ? "Resume" : "Start";
      timerBox.classList.toggle("is-running", running);
      timerBox.classList.toggle("is-up", state.done);
      if (has && left <= 0 && !state.done) {
        state.done = true;
        state.timer = S.pause(state.timer, now);
        stopTicker();
        timerBox.classList.add("is-up");
        startBtn.disabled = true;
        pauseBtn.disabled = true;
        alertBox.textContent = "Time is up. Finish your sentence, then score your answer.";
      }
    }

    function setDuration(prompt) {
      var p = prompt || prompts[0];
      var duration = (p && p.duration) || defaultDuration || 0;
      stopTicker();
      state.timer = S.timer(duration);
      state.done = false;
      alertBox.textContent = "";
      timeNote.textContent = duration
        ? "Counts down from " + (p ? p.timeText : "") + (p && p.group ? " (" + p.group.toLowerCase() + ")" : "") + "."
        : "The timer length could not be read from this page.";
      renderTimer();
    }

    function draw() {
      if (!prompts.length) return;
      var pick = prompts[Math.floor(Math.random() * prompts.length)];
      if (prompts.length > 1) {
        while (pick === state.prompt) pick = prompts[Math.floor(Math.random() * prompts.length)];
      }
      state.prompt = pick;
      drawn.textContent = "";
      drawn.appendChild(el("p", { "class": "practice-drawn__group" }, pick.group));
      var copy = pick.node.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
      var card = el("div", { "class": "practice-drawn__prompt", "data-drawn": pick.title });
      while (copy.firstChild) card.appendChild(copy.firstChild);
      drawn.appendChild(card);
      setDuration(pick);
    }

    function scores() {
      var s = {};
      order.forEach(function (k) {
        var checked = form.querySelector('input[name="practice-' + k + '"]:checked');
        if (checked) s[k] = checked.value;
      });
      return s;
    }

    function dimOf(key) {
      for (var i = 0; i < dims.length; i++) if (dims[i].key === key) return dims[i];
      return null;
    }

    function renderResult(message) {
      result.textContent = "";
      if (!weightsOk) {
        result.appendChild(el("p", {}, "The rubric weights on this page could not be read, so no " +
          "weighted score can be shown."));
        return;
      }
      var s = scores();
      var score = S.weightedScore(weights, s);
      if (score === null) {
        result.appendChild(el("p", {}, message ||
          "Choose weak, adequate or strong for each dimension to see your weighted score."));
        return;
      }
      var p = el("p", { "data-weighted": String(score) });
      p.appendChild(document.createTextNode("Weighted score: "));
      p.appendChild(el("strong", {}, score.toFixed(1) + " of " + S.MAX_LEVEL));
      p.appendChild(document.createTextNode(" (" + S.band(score) + ")."));
      result.appendChild(p);
      var weak = S.weakest(weights, s, order);
      var w = el("p", { "data-weakest": weak || "" });
      if (weak) {
        var d = dimOf(weak);
        w.appendChild(document.createTextNode("Weakest dimension: "));
        if (d.href) w.appendChild(el("a", { href: d.href }, d.name));
        else w.appendChild(el("strong", {}, d.name));
        w.appendChild(document.createTextNode(". Train it next, then draw another prompt."));
      } else {
        w.textContent = "Strong on every dimension. Draw a follow-up to test the design further.";
      }
      result.appendChild(w);
      if (message) result.appendChild(el("p", { "class": "practice-result__saved" }, message));
    }

    function save(e) {
      e.preventDefault();
      var s = scores();
      if (!weightsOk || S.weightedScore(weights, s) === null) {
        renderResult("Score all dimensions before saving.");
        return;
      }
      var attempt = { prompt: state.prompt ? state.prompt.title : "Own prompt",
        date: new Date().toISOString(), scores: s };
      history = S.addAttempt(history, attempt);
      var ok = write(KEY, JSON.stringify(history));
      renderHistory();
      renderResult(ok ? "Saved to your history below." :
        "Could not save: this browser's storage is unavailable.");
    }

    function weightedOf(a) { return weightsOk ? S.weightedScore(weights, a.scores) : null; }

    function renderHistory() {
      histBody.textContent = "";
      var list = history.attempts;
      histButtons.hidden = list.length === 0;
      if (!list.length) {
        histBody.appendChild(el("p", { "class": "practice-history__empty" },
          "No attempts saved yet. They stay in this browser only."));
        return;
      }
      var values = list.slice(-SHOWN).map(weightedOf);
      var t = S.trend(values);
      var trend = el("p", { "class": "practice-trend", "data-trend": t || "" });
      var svgNS = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(svgNS, "svg");
      svg.setAttribute("viewBox", "0 0 120 32");
      svg.setAttribute("width", "120");
      svg.setAttribute("height", "32");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "Weighted scores of recent attempts, oldest first: " +
        values.map(function (v) { return v === null ? "n/a" : v.toFixed(1); }).join(", "));
      var line = document.createElementNS(svgNS, "polyline");
      line.setAttribute("points", S.sparkline(values, 120, 32));
      svg.appendChild(line);
      trend.appendChild(svg);
      var last = values[values.length - 1], prev = values[values.length - 2];
      var words = { up: "\u2191 up", down: "\u2193 down", flat: "\u2192 level" };
      trend.appendChild(document.createTextNode(t
        ? " " + words[t] + " on your previous attempt (" + prev.toFixed(1) + " \u2192 " + last.toFixed(1) + ")"
        : " Save another attempt to see a trend."));
      histBody.appendChild(trend);

      var table = el("table", {});
      table.appendChild(el("caption", {}, list.length > SHOWN
        ? "Latest " + SHOWN + " of " + list.length + " attempts, newest first (export CSV for all)"
        : "Attempts, newest first"));
      var head = el("tr", {});
      ["Date", "Prompt"].concat(dims.map(function (d) { return d.name; }), ["Weighted"])
        .forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      var thead = el("thead", {});
      thead.appendChild(head);
      table.appendChild(thead);
      var tbody = el("tbody", {});
      list.slice(-SHOWN).reverse().forEach(function (a) {
        var tr = el("tr", {});
        tr.appendChild(el("td", {}, localDate(a.date)));
        tr.appendChild(el("td", {}, a.prompt));
        order.forEach(function (k) { tr.appendChild(el("td", {}, a.scores[k] || "")); });
        var w = weightedOf(a);
        tr.appendChild(el("td", {}, w === null ? "" : w.toFixed(1)));
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      var wrap = el("div", { "class": "practice-history__wrap", tabindex: "0",
        "aria-label": "Attempts table" });
      wrap.appendChild(table);
      histBody.appendChild(wrap);
    }

    function exportCSV() {
      var rows = [["date", "prompt"].concat(order, ["weighted"])];
      history.attempts.forEach(function (a) {
        var w = weightedOf(a);
        rows.push([a.date, a.prompt].concat(order.map(function (k) { return a.scores[k] || ""; }),
          [w === null ? "" : w.toFixed(2)]));
      });
      var blob = new Blob([S.toCSV(rows)], { type: "text/csv;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: "practice-attempts.csv", hidden: "" });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    function askClear() {
      confirmText.textContent = "Delete all " + history.attempts.length +
        " saved attempts from this browser? This cannot be undone.";
      confirmBox.hidden = false;
      histButtons.hidden = true;
      confirmNo.focus();
    }

    function endClear(doIt) {
      confirmBox.hidden = true;
      if (doIt) {
        history = S.emptyHistory();
        try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
        notice.textContent = "Practice history cleared.";
      }
      renderHistory();
      (doIt ? drawBtn : clearBtn).focus();
    }

    app.addEventListener("click", function (e) {
      var target = e.target.closest ? e.target.closest("[data-action]") : null;
      if (!target || !app.contains(target)) return;
      var now = Date.now();
      switch (target.getAttribute("data-action")) {
        case "draw": draw(); break;
        case "start":
          state.timer = S.start(state.timer, now);
          stopTicker();
          ticker = setInterval(renderTimer, TICK);
          renderTimer();
          break;
        case "pause": state.timer = S.pause(state.timer, now); stopTicker(); renderTimer(); break;
        case "reset": setDuration(state.prompt); break;
        case "export": exportCSV(); break;
        case "clear": askClear(); break;
        case "confirm-clear": endClear(true); break;
        case "cancel-clear": endClear(false); break;
      }
    });
    form.addEventListener("change", function () { renderResult(); });
    form.addEventListener("submit", save);

    setDuration(null);
    renderResult();
    renderHistory();
  }

  function init() {
    if (ticker !== null) { clearInterval(ticker); ticker = null; }
    var app = document.querySelector("[data-practice]");
    if (!app || app.getAttribute("data-ready") || !S) return;
    app.setAttribute("data-ready", "");
    dropOldVersions();
    try {
      build(app);
    } catch (err) {
      /* Never a broken page: the prompt list and rubric stay readable without the app. */
      app.hidden = true;
      if (window.console) window.console.warn("practice room unavailable:", err);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
