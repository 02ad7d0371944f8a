/* Works offline: register the service worker once the page has loaded, and say in the footer
 * (a `[data-offline-status]` line it adds under the copyright) whether the guide is saved for
 * offline reading.
 * Registered after `load` and an idle moment, so it never competes with the first render.
 * States: checking, saving (first install), ready, update (a new version is saved: the
 * "Reload" button activates it and reloads), failed (will retry on the next visit),
 * unsupported, off (`mkdocs serve`: any earlier registration is removed).
 * The footer is replaced on each instant navigation, so the text is written again on every
 * page Material shows (`document$`). Fetched by its own small loader once the page has loaded
 * (hooks/offline.py), so it costs the first render nothing.
 */
(function () {
  "use strict";
  if (window.guideOffline) return;  // once per document, however often the script runs
  window.guideOffline = true;
  var script = document.currentScript;
  var root = new URL("../", script.src).href;  // this file is published in assets/
  var sw = navigator.serviceWorker;
  var state = "checking";
  var registration = null;
  var TEXT = {
    checking: "Checking whether this guide works offline\u2026",
    saving: "Saving the guide on this device for offline reading\u2026",
    ready: "Works offline: every page, the search and the downloads are saved on this device.",
    update: "Works offline. A new version of the guide is saved and ready.",
    failed: "Not saved for offline reading yet: the download was interrupted. " +
      "It will try again on your next visit.",
    unsupported: "Offline reading is not available in this browser.",
    off: "Offline reading is off in this preview (mkdocs serve)."
  };

  /* The footer's status line: the one in the page, else a new one under the copyright. */
  function boxes() {
    var found = document.querySelectorAll("[data-offline-status]");
    if (found.length) return found;
    return Array.prototype.map.call(document.querySelectorAll(".md-copyright"), function (footer) {
      var box = document.createElement("div");
      box.className = "offline-status";
      box.setAttribute("data-offline-status", "");
      box.setAttribute("role", "status");
      return footer.appendChild(box);
    });
  }

  function render() {
    Array.prototype.forEach.call(boxes(), function (box) {
      box.hidden = false;
      if (box.getAttribute("data-state") === state) return;
      box.setAttribute("data-state", state);
      box.textContent = TEXT[state] + " ";
      if (state !== "update") return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "offline-status__reload";
      button.textContent = "Reload to update";
      button.addEventListener("click", update);
      box.appendChild(button);
    });
  }

  function set(next) {
    state = next;
    render();
  }

  /* Activate the waiting version; the page reloads when it takes control. */
  function update() {
    if (!registration || !registration.waiting) return location.reload();
    sw.addEventListener("controllerchange", function () { location.reload(); });
    registration.waiting.postMessage("activate");
  }

  function watch(worker) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && sw.controller) set("update");
      else if (worker.state === "activated" && state === "saving") set("ready");
      else if (worker.state === "redundant" && state === "saving") set("failed");
    });
  }

  function follow(reg) {
    registration = reg;
    if (reg.waiting && reg.active) set("update");
    else if (reg.active) set("ready");
    else set("saving");
    if (reg.installing) watch(reg.installing);
    reg.addEventListener("updatefound", function () {
      if (!reg.active) set("saving");
      watch(reg.installing);
    });
  }

  /* Another tab activated a new version: this page still shows the old one. */
  function changedElsewhere(hadController) {
    sw.addEventListener("controllerchange", function () {
      if (hadController) set("update");
    });
  }

  function start() {
    changedElsewhere(Boolean(sw.controller));
    var register = function () {
      sw.register(root + "sw.js", { scope: root }).then(follow, function () { set("failed"); });
    };
    if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 0);
  }

  function switchOff() {
    sw.getRegistrations().then(function (all) {
      all.forEach(function (reg) { if (reg.scope === root) reg.unregister(); });
    });
  }

  var mode = document.querySelector("[data-offline-status]");
  if (!sw || !window.isSecureContext) state = "unsupported";
  else if (mode && mode.getAttribute("data-offline-mode") === "off") {
    state = "off";
    switchOff();
  } else if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
  if (window.document$) window.document$.subscribe(render);
  else render();
})();
