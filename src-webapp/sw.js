/* Numera service worker: pre-caches every artefact of the site under a versioned cache name, so
   after one visit the app works with the network off. The build (SiteBuilder) replaces the two
   marked values below: VERSION is a hash of all artefacts, so new code and a new model always
   arrive together, and an old cache is never mixed with new files. */
"use strict";
const VERSION = /*@VERSION@*/"dev";
const ASSETS = /*@ASSETS@*/[];
// CacheStorage belongs to the whole origin: two copies of the site on one origin (say /numera/ and
// /preview/) name their caches after their own scope and delete only their own old ones.
const PREFIX = "numera-" + new URL(self.registration.scope).pathname + "-";
const CACHE = PREFIX + VERSION;
const LEGACY = /^numera-[0-9a-f]{12}$/;   // before the scope was in the name (one copy per origin then)

self.addEventListener("install", (event) => {
  // cache: "reload" skips the HTTP cache, so the new cache holds exactly this version's files
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: "reload" }))))
      .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((n) => (n.startsWith(PREFIX) && n !== CACHE) || LEGACY.test(n))
        .map((n) => caches.delete(n))))
      .then(() => self.clients.claim()));
});

// Cache first, for this origin only. A page's query is ignored (index.html?runtime=js is
// index.html); everything else must match exactly, so a page of another build, asking for its
// model and modules by their hashes (?v=), never gets this build's. Anything not pre-cached goes to
// the network unchanged.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(req, { ignoreSearch: req.mode === "navigate" }))
      .then((hit) => hit || fetch(req)));
});
