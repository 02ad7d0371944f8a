/* Practice room (docs/practice.md): draw a prompt, time it, self-score it, keep a history.
 * All content is read from the page: prompts from `.practice-prompts` lists, timer lengths from
 * the claim named by each list's `data-timer-claim`, dimensions, weights
 * and training links from the `.practice-rubric` table. Arithmetic: practice-score.js.
 * The whole app (buttons, timer, score choices) is static HTML in the page, in its final
 * place and size before this runs, so wiring it up shifts nothing: the shell is written in
 * docs/practice.md, the score choices by hooks/practice.py from the rubric table.
 * History is versioned in localStorage; unreadable data is reset with a notice. Runs on every
 * page load and instant navigation (Material's `document$`); inert without `[data-practice]`.
 */
(function () {
  "use strict";
  var KEY = "wbpm-guide.practice.v1", PREFIX = "wbpm-guide.practice.", SHOWN = 20;
  var S = window.GuidePracticeScore, each = function (l, f) { Array.prototype.forEach.call(l, f); };
  var ticker = null;

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function text(node) { /* a claim's value without its "example" label */
    if (!node) return "";
    var c = node.cloneNode(true);
    each(c.querySelectorAll(".claim__kind"), function (k) { k.remove(); });
    return c.textContent.trim();
  }
  function read() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function write(v) { try { localStorage.setItem(KEY, v); return true; } catch (e) { return false; } }
  function dropOld() {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k !== KEY) localStorage.removeItem(k);
      }
    } catch (e) { /* storage unavailable */ }
  }
  function stamp(iso) {
    var d = new Date(iso), p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + " " +
      p(d.getHours()) + ":" + p(d.getMinutes());
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

  function build(app) {
    var root = document.querySelector(".md-content") || document;
    var prompts = readPrompts(root), dims = readRubric(root);
    var weights = {}, order = dims.map(function (d) { weights[d.key] = d.weight; return d.key; });
    var ok = dims.length > 0 && S.validWeights(weights);
    var st = { prompt: null, done: false, timer: S.timer(0) };
    var loaded = S.parseHistory(read()), history = loaded.store;

    var $ = function (s) { return app.querySelector(s); };
    var notice = $(".practice-notice"), drawn = $(".practice-drawn"), clock = $("[data-timer]");
    var note = $(".practice-timer__note"), alert = $("[data-time-up]"), box = $(".practice-timer");
    var startB = $('[data-action="start"]'), pauseB = $('[data-action="pause"]');
    var form = $("form"), result = $("[data-result]"), hist = $("[data-history]");
    if (loaded.reset) {
      write(JSON.stringify(history));
      notice.textContent = "Your saved practice history could not be fully read, so the unreadable part was reset.";
    }

    function stop() { if (ticker !== null) { clearInterval(ticker); ticker = null; } }

    function tick() {
      var now = Date.now(), left = S.remaining(st.timer, now), run = S.running(st.timer);
      var has = st.timer.duration > 0;
      clock.textContent = has ? S.formatTime(left) : "--:--";
      if (has && left <= 0 && !st.done) {
        st.done = true;
        st.timer = S.pause(st.timer, now);
        stop();
        run = false;
        alert.textContent = "Time is up. Finish your sentence, then score your answer.";
      }
      startB.disabled = !has || run || left <= 0;
      pauseB.disabled = !run;
      startB.textContent = st.timer.elapsed > 0 && !run && left > 0 ? "Resume" : "Start";
      box.classList.toggle("is-up", st.done);
    }

    function reset() {
      var p = st.prompt || prompts[0];
      stop();
      st.timer = S.timer((p && p.ms) || 0);
      st.done = false;
      alert.textContent = "";
      note.textContent = p && p.ms ? "Counts down from " + p.time + " (" + p.group.toLowerCase() + ")."
        : "The timer length could not be read from this page.";
      tick();
    }

    function draw() {
      if (!prompts.length) return;
      var pick;
      do { pick = prompts[Math.floor(Math.random() * prompts.length)]; }
      while (prompts.length > 1 && pick === st.prompt);
      st.prompt = pick;
      var copy = pick.node.cloneNode(true);
      each(copy.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
      drawn.innerHTML = '<p class="practice-drawn__group"></p><div data-drawn></div>';
      drawn.firstChild.textContent = pick.group;
      drawn.lastChild.setAttribute("data-drawn", pick.title);
      while (copy.firstChild) drawn.lastChild.appendChild(copy.firstChild);
      reset();
    }

    function scores() {
      var s = {};
      order.forEach(function (k) {
        var c = form.querySelector('input[name="practice-' + k + '"]:checked');
        if (c) s[k] = c.value;
      });
      return s;
    }

    function showResult(msg) {
      var s = scores(), score = ok ? S.weightedScore(weights, s) : null, html;
      if (!ok) html = "<p>The rubric weights on this page could not be read, so no weighted score can be shown.</p>";
      else if (score === null) html = "<p>" + (msg || "Choose weak, adequate or strong for each dimension to see your weighted score.") + "</p>";
      else {
        var w = S.weakest(weights, s, order), d = dims[order.indexOf(w)];
        html = '<p data-weighted="' + score + '">Weighted score: <strong>' + score.toFixed(1) + " of " +
          S.MAX_LEVEL + "</strong> (" + S.band(score) + ').</p><p data-weakest="' + (w || "") + '">' +
          (d ? "Weakest dimension: " + (d.href ? '<a href="' + esc(d.href) + '">' + esc(d.name) + "</a>"
            : esc(d.name)) + ". Train it next, then draw another prompt."
            : "Strong on every dimension. Draw a follow-up to test the design further.") + "</p>" +
          (msg ? "<p>" + msg + "</p>" : "");
      }
      result.innerHTML = html;
    }

    function weighted(a) { return ok ? S.weightedScore(weights, a.scores) : null; }
    function fmt(v) { return v === null ? "" : v.toFixed(1); }

    function showHistory() {
      var list = history.attempts, recent = list.slice(-SHOWN);
      $("[data-history-buttons]").hidden = !list.length;
      if (!list.length) {
        hist.innerHTML = "<p>No attempts saved yet. They stay in this browser only.</p>";
        return;
      }
      var vals = recent.map(weighted), t = S.trend(vals), n = vals.length;
      var arrow = { up: "\u2191 up", down: "\u2193 down", flat: "\u2192 level" };
      hist.innerHTML = '<p class="practice-trend" data-trend="' + (t || "") + '">' +
        '<svg viewBox="0 0 120 32" width="120" height="32" role="img" aria-label="Weighted scores of ' +
        "recent attempts, oldest first: " + vals.map(fmt).join(", ") + '"><polyline points="' +
        S.sparkline(vals, 120, 32) + '"/></svg> ' + (t ? arrow[t] + " on your previous attempt (" +
        fmt(vals[n - 2]) + " \u2192 " + fmt(vals[n - 1]) + ")" : "Save another attempt to see a trend.") +
        '</p><div class="practice-history__wrap"><table><caption>' +
        (list.length > SHOWN ? "Latest " + SHOWN + " of " + list.length + " attempts, newest first" +
          " (export CSV for all)" : "Attempts, newest first") + "</caption><thead><tr><th>Date</th><th>Prompt</th>" +
        dims.map(function (d) { return "<th>" + esc(d.name) + "</th>"; }).join("") +
        "<th>Weighted</th></tr></thead><tbody>" + recent.slice().reverse().map(function (a) {
          return "<tr><td>" + stamp(a.date) + "</td><td>" + esc(a.prompt) + "</td>" + order.map(function (k) {
            return "<td>" + esc(a.scores[k] || "") + "</td>";
          }).join("") + "<td>" + fmt(weighted(a)) + "</td></tr>";
        }).join("") + "</tbody></table></div>";
    }

    function exportCSV() {
      var rows = [["date", "prompt"].concat(order, ["weighted"])];
      history.attempts.forEach(function (a) {
        var w = weighted(a);
        rows.push([a.date, a.prompt].concat(order.map(function (k) { return a.scores[k] || ""; }),
          [w === null ? "" : w.toFixed(2)]));
      });
      var url = URL.createObjectURL(new Blob([S.toCSV(rows)], { type: "text/csv;charset=utf-8" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = "practice-attempts.csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    app.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("[data-action]"), now = Date.now();
      switch (b && b.getAttribute("data-action")) {
        case "draw": draw(); break;
        case "start": st.timer = S.start(st.timer, now); stop(); ticker = setInterval(tick, 250); tick(); break;
        case "pause": st.timer = S.pause(st.timer, now); stop(); tick(); break;
        case "reset": reset(); break;
        case "export": exportCSV(); break;
        case "clear":
          if (window.confirm("Delete all " + history.attempts.length + " saved practice attempts " +
              "from this browser? This cannot be undone.")) {
            history = S.emptyHistory();
            try { localStorage.removeItem(KEY); } catch (err) { /* nothing stored */ }
            notice.textContent = "Practice history cleared.";
            showHistory();
          }
      }
    });
    form.addEventListener("change", function () { showResult(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var s = scores();
      if (!ok || S.weightedScore(weights, s) === null) return showResult("Score all dimensions before saving.");
      history = S.addAttempt(history, { prompt: st.prompt ? st.prompt.title : "Own prompt",
        date: new Date().toISOString(), scores: s });
      var saved = write(JSON.stringify(history));
      showHistory();
      showResult(saved ? "Saved to your history below." : "Could not save: this browser's storage is unavailable.");
    });
    reset();
    showResult();
    showHistory();
  }

  function init() {
    if (ticker !== null) { clearInterval(ticker); ticker = null; }
    var app = document.querySelector("[data-practice]");
    if (!app || app.hasAttribute("data-ready") || !S) return;
    app.setAttribute("data-ready", "");
    dropOld();
    try { build(app); } catch (err) {
      app.hidden = true; /* never a broken page: the lists and rubric stay readable */
      if (window.console) console.warn("practice room unavailable:", err);
    }
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
