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
  // a failed install leaves this worker redundant: it says why before it goes
  event.waitUntil(precache().then(() => self.skipWaiting(),
      (err) => tell({ numeraOffline: "failed", error: reason(err) }).then(() => { throw err; })));
});

// The offline copy's state is the caches themselves: a cache of this scope holding COMPLETE (put
// last) is a whole copy of the build its name ends in, which the page compares with its own
// (loader.js, the footer). Messages only tell the pages of this scope to look again, with the
// reason when a pre-cache failed: matchAll reaches every window of the origin, other copies too.
const COMPLETE = "numera-complete";

async function tell(message) {
  message.scope = self.registration.scope;
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  pages.forEach((page) => page.postMessage(message));
}

function reason(err) {
  return String(err && err.message ? err.message : err);
}

function saved() {
  return caches.match(COMPLETE, { cacheName: CACHE }).then((hit) => hit !== undefined);
}

// One refill at a time, whether a navigation or a page found the copy missing.
let filling = null;
function fill() {
  if (filling === null) {
    filling = precache().finally(() => { filling = null; });
  }
  return filling;
}

// A page that finds no copy of its build while this worker is active (the cache deleted under it,
// a refill that failed or never ran, as after a reload that bypassed the worker) asks for one.
self.addEventListener("message", (event) => {
  if (event.data === "numera-fill" && event.source) {
    const reply = (m) => { m.scope = self.registration.scope; event.source.postMessage(m); };
    event.waitUntil(saved().then((has) => has || fill())
      .then(() => reply({ numeraOffline: "saved" }), (err) => reply({ numeraOffline: "failed", error: reason(err) })));
  }
});

// Every file is downloaded and checked before any goes into the cache, and a failed check fails the
// install: the worker and the cache already in place stay, and the offline copy is never one whose
// model or module is not this build's (a captive portal's page, a cache that ignores the query).
// A file asked for by its version (?v=, the first 12 hex digits of its SHA-256, SiteBuilder.versionUrls)
// must have that hash, so it may come from the HTTP cache, where the page's own download of it
// usually still is (a first visit then costs the network once, not twice); only when those bytes
// fail the check is it asked for again past the HTTP cache. The page (./, index.html) has no version:
// it is always fetched past the HTTP cache ("reload") and must ask for this build's files
// (checkPage), and it is fetched once and kept under both names.
async function precache() {
  // a new worker of the same files has the same version (the worker's own text is not in it)
  const existed = await caches.has(CACHE);
  const bothPageNames = ASSETS.includes("./") && ASSETS.includes("index.html");
  try {
    const checked = await Promise.all(ASSETS.filter((url) => !(bothPageNames && url === "index.html")).map(async (url) => {
      const version = new URL(url, self.location.href).searchParams.get("v");
      let res = await download(url, version === null ? "reload" : "default");
      if (version !== null && !(await hashOf(res)).startsWith(version)) {
        res = await download(url, "reload");
        const hash = await hashOf(res);
        if (!hash.startsWith(version)) {
          throw new Error(url + " is not the file of this build (its SHA-256 starts " + hash.slice(0, 12) + ")");
        }
      } else if (version === null && (url.endsWith("/") || url.endsWith(".html"))) {
        checkPage(url, await res.clone().text());
      }
      // A host that redirects index.html to its folder (Cloudflare Pages) hands over a redirected
      // response, and a navigation answered with one fails (its redirect mode is manual): the page's
      // bytes and headers are cached, not the redirect they came through.
      return [url, res.redirected ? new Response(await res.blob(), { status: res.status, headers: res.headers }) : res];
    }));
    if (bothPageNames) {
      const page = checked.find(([url]) => url === "./")[1];
      checked.push(["index.html", page.clone()]);
    }
    const cache = await caches.open(CACHE);
    await Promise.all(checked.map(([url, res]) => cache.put(url, res)));
    await cache.put(COMPLETE, new Response(VERSION));
  } catch (err) {
    if (!existed) {
      await caches.delete(CACHE);   // a put that failed (quota) leaves nothing half-filled behind
    }
    throw err;
  }
}

// The page (./, index.html) is asked for without a version: its URL is the one the visitor opens. A
// host or CDN edge that still serves the previous build's page beside this worker during a deploy
// would get that page cached and served cache first until the next build, offline asking for a model
// by a version this cache does not hold. The page cannot carry VERSION (a hash over all files, the
// page among them), but it asks for every versioned file by that file's own hash (the inline loader,
// SiteBuilder.versionUrls): this build's page names each exactly as ASSETS does, and no other
// version of it. A page that names none (a captive portal's) fails too.
function checkPage(url, html) {
  for (const asset of ASSETS) {
    const at = asset.indexOf("?v=");
    if (at < 0) {
      continue;
    }
    const path = asset.slice(0, at + 3), own = asset.slice(at + 3);   // "model/numera.nmod?v=", its hash
    const named = html.split(path).slice(1).map((after) => after.slice(0, own.length));
    const other = named.find((v) => v !== own);
    if (named.length === 0 || other !== undefined) {
      throw new Error(url + " is not the page of this build: it asks for "
          + (other === undefined ? "no " + asset : path + other + ", not " + asset));
    }
  }
}

async function download(url, mode) {
  const res = await fetch(new Request(url, { cache: mode }));
  if (!res.ok) {
    throw new Error(url + ": HTTP " + res.status);
  }
  return res;
}

async function hashOf(res) {
  return sha256Hex(await res.clone().arrayBuffer());
}

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// An older build of this copy: PREFIX then a version. A copy in a sub-folder (/a/-x/ under /a/) has
// a name that also starts with PREFIX, but a "/" follows it, which a version never holds.
function ownOld(name) {
  return name.startsWith(PREFIX) && name !== CACHE && !name.slice(PREFIX.length).includes("/");
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((n) => (ownOld(n) || LEGACY.test(n)))
        .map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
      .then(() => tell({ numeraOffline: "saved" })));
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
  const navigate = req.mode === "navigate";
  // The cache can go while this worker stays (another app on the origin whose worker deletes every
  // cache but its own, "clear site data" for the cache storage only): a page load then fills it
  // again, two seconds on so it does not compete with the app's start (loader.js, SW_DELAY_MS), with
  // the same checked pre-cache. Looked up by COMPLETE, not caches.open: opening would make an empty
  // cache of this name, and a half-filled one must be filled again too.
  if (navigate) {
    event.waitUntil(saved()
      .then((has) => has || new Promise((done) => setTimeout(done, 2000)).then(saved)
        .then((now) => now || fill().then(() => tell({ numeraOffline: "saved" }),   // a failed refill is tried again on the next page load
          (err) => tell({ numeraOffline: "failed", error: reason(err) }))))
      .catch(() => {}));
  }
  event.respondWith(
    caches.match(req, { cacheName: CACHE, ignoreSearch: navigate })
      .then((hit) => hit || fetch(req)));
});
