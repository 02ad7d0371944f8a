/* Practice room rendering: turns plain data into DOM, and nothing else.
 *
 * practice.js (control) decides what to show: it reads the page, keeps the session state and
 * the saved history, and calls these functions with plain objects. Every element here is built
 * with GuideStart.el (start.js: elements and text nodes, never HTML strings), so text from the
 * page or from storage can never become markup. Loaded in the browser as the global
 * `GuidePracticeView`, after start.js.
 */
(function (root) {
  "use strict";

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var el = root.GuideStart.el; /* the guide's one way to build elements (start.js) */

  function replace(container, nodes) {
    while (container.firstChild) container.removeChild(container.firstChild);
    nodes.forEach(function (n) { container.appendChild(n); });
  }

  /* The drawn prompt: its group, then a copy of its list item (ids dropped so none repeats).
   * The copy's model-answer outline stays closed until the reader opens it, and its self-check
   * boxes become working checkboxes named by their text. Returns those boxes and the outline. */
  function showDrawn(container, prompt) {
    var copy = prompt.node.cloneNode(true), body = el("div", { "data-drawn": prompt.title });
    each(copy.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    while (copy.firstChild) body.appendChild(copy.firstChild);
    replace(container, [el("p", { class: "practice-drawn__group" }, [prompt.group]), body]);
    var outline = body.querySelector("details.practice-outline");
    if (outline) outline.open = false;
    var checks = [];
    each(body.querySelectorAll(".practice-outline li.task-list-item"), function (li) {
      var input = li.querySelector("input[type=checkbox]");
      if (!input) return;
      var text = li.textContent.replace(/\s+/g, " ").trim();
      input.disabled = false;
      input.checked = false;
      input.setAttribute("aria-label", text);
      input.setAttribute("data-check", "");
      checks.push({ input: input, text: text });
    });
    return { outline: outline, checks: checks };
  }

  /* The timer's clock, note, alert and buttons from a plain model. */
  function showTimer(parts, m) {
    parts.clock.textContent = m.clock;
    parts.note.textContent = m.note;
    if (parts.alert.textContent !== m.alert) parts.alert.textContent = m.alert; /* announce once */
    parts.start.disabled = !m.canStart;
    parts.start.textContent = m.startLabel;
    parts.pause.disabled = !m.canPause;
    parts.box.classList.toggle("is-up", m.up);
  }

  /* The weighted score (or why there is none), the weakest dimension with its training link,
   * and an optional message. */
  function showResult(container, m) {
    var nodes = [];
    if (m.score === null) nodes.push(el("p", {}, [m.message]));
    else {
      nodes.push(el("p", { "data-weighted": String(m.score) }, ["Weighted score: ",
        el("strong", {}, [m.score.toFixed(1) + " of " + m.max]), " (" + m.band + ")."]));
      var weakest = m.weakest;
      nodes.push(el("p", { "data-weakest": weakest ? weakest.key : "" }, weakest
        ? ["Weakest dimension: ", weakest.href ? el("a", { href: weakest.href }, [weakest.name]) : weakest.name,
          ". Train it next, then draw another prompt."]
        : ["Strong on every dimension. Draw a follow-up to test the design further."]));
      if (m.message) nodes.push(el("p", {}, [m.message]));
    }
    replace(container, nodes);
  }

  function fmt(v) { return v === null || v === undefined ? "" : v.toFixed(1); }

  /* The history: a sparkline with the trend, then a table of recent attempts, newest first.
   * m: {rows: [{date, prompt, levels: [...], weighted, checks}], dims: [names], values: [...],
   *     points, trend, caption}. */
  function showHistory(container, m) {
    if (!m.rows.length) {
      replace(container, [el("p", {}, ["No attempts saved yet. They stay in this browser only."])]);
      return;
    }
    var arrows = { up: "\u2191 up", down: "\u2193 down", flat: "\u2192 level" }, n = m.values.length;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    [["viewBox", "0 0 120 32"], ["width", "120"], ["height", "32"], ["role", "img"],
      ["aria-label", "Weighted scores of recent attempts, oldest first: " + m.values.map(fmt).join(", ")]]
      .forEach(function (a) { svg.setAttribute(a[0], a[1]); });
    var line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", m.points);
    svg.appendChild(line);
    var trend = el("p", { class: "practice-trend", "data-trend": m.trend || "" }, [svg, " ",
      m.trend ? arrows[m.trend] + " on your previous attempt (" + fmt(m.values[n - 2]) + " \u2192 " +
        fmt(m.values[n - 1]) + ")" : "Save another attempt to see a trend."]);
    var head = el("tr", {}, ["Date", "Prompt"].concat(m.dims, ["Self-check", "Weighted"])
      .map(function (h) { return el("th", {}, [h]); }));
    var body = el("tbody", {}, m.rows.map(function (r) {
      return el("tr", {}, [r.date, r.prompt].concat(r.levels, [r.checks, fmt(r.weighted)])
        .map(function (c) { return el("td", {}, [c]); }));
    }));
    replace(container, [trend, el("div", { class: "practice-history__wrap" }, [
      /* The theme makes the table its own scroll box on narrow screens: focusable, so the
       * keyboard can scroll it too. */
      el("table", { tabindex: "0" }, [el("caption", {}, [m.caption]), el("thead", {}, [head]), body])])]);
  }

  var api = { showDrawn: showDrawn, showTimer: showTimer, showResult: showResult,
    showHistory: showHistory };
  root.GuidePracticeView = api;
})(this);
