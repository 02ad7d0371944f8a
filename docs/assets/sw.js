/* The guide's service worker: the whole site saved after one visit, one version at a time.
 * Published as `sw.js` at the site root with the precache manifest written in front of this
 * code at build time (studyguide/offline_precache.py): PRECACHE = {version, files: [[url,
 * revision]]}, URLs relative to the site root. Because the manifest is part of this file,
 * any change to the site changes this file, and the browser installs the new version.
 *
 * - install: fill the cache `wbpm-guide-<version>` with every listed file, reusing a file from
 *   an older version's cache when its revision is unchanged, fetching the rest past the HTTP
 *   cache. Any failure discards the new cache: the old version stays whole.
 * - The new version then waits until no page of the old one is open (next visit) or a page
 *   asks for it (the footer's "Reload" button posts "activate").
 * - activate: delete every other version's cache; take control of pages opened before the
 *   first install, so they work offline at once.
 * - fetch: same-origin GETs in scope come from this version's cache (query strings such as
 *   search highlighting ignored), else the network; offline, an unknown page gets 404.html.
 * - files: null is the switched-off worker of `mkdocs serve`: it deletes the caches,
 *   unregisters and reloads its pages, so a preview never shows an earlier build.
 * localStorage (reader progress) belongs to the pages and is never touched here.
 */
/* global PRECACHE */
"use strict";

const PREFIX = "wbpm-guide-";
const CACHE = PREFIX + PRECACHE.version;
const LISTED = "__precache-manifest.json";
const scope = self.registration.scope;
const absolute = (url) => new URL(url, scope).href;

/* Older versions' caches by "url revision": files that can be copied instead of fetched. */
async function reusable() {
  const found = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const listed = await cache.match(absolute(LISTED));
    if (!listed) continue;
    for (const [url, rev] of await listed.json()) found.set(url + " " + rev, cache);
  }
  return found;
}

/* A fetched response as it may be stored and served for a navigation (never "redirected"). */
async function storable(response, url) {
  if (!response.ok) throw new Error(`offline copy: ${url} answered ${response.status}`);
  if (!response.redirected) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  return new Response(await response.blob(), init);
}

async function fill() {
  const old = await reusable();
  const cache = await caches.open(CACHE);
  await Promise.all(PRECACHE.files.map(async ([url, rev]) => {
    const kept = old.get(url + " " + rev);
    let response = kept && (await kept.match(absolute(url)));
    if (!response) {
      const fresh = await fetch(new Request(absolute(url), { cache: "reload", credentials: "same-origin" }));
      response = await storable(fresh, url);
    }
    await cache.put(absolute(url), response);
  }));
  await cache.put(absolute(LISTED), new Response(JSON.stringify(PRECACHE.files)));
}

self.addEventListener("install", (event) => {
  if (!PRECACHE.files) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(fill().catch(async (error) => {
    await caches.delete(CACHE);
    throw error;
  }));
});

async function switchOff() {
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    if (!PRECACHE.files) return switchOff();
    return self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

/* Offline: `page` without its slash is `page/`; anything else unknown is the 404 page. */
async function offlineFallback(cache, url) {
  if (!url.pathname.endsWith("/")) {
    const folder = url.origin + url.pathname + "/";
    if (await cache.match(folder)) return Response.redirect(folder, 301);
  }
  const missing = await cache.match(absolute("404.html"));
  if (!missing) return Response.error();
  return new Response(missing.body, { status: 404, statusText: "Not Found", headers: missing.headers });
}

async function answer(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode !== "navigate") throw error;
    return offlineFallback(cache, new URL(request.url));
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!PRECACHE.files || request.method !== "GET" || !request.url.startsWith(scope)) return;
  event.respondWith(answer(request));
});
