/* Numera loader. Picks the runtime (WebAssembly GC where the browser supports it, JavaScript
   otherwise; ?runtime=js or ?runtime=wasm forces one), starts every download the app needs at
   once (the model, which index.html already preloads, that runtime's code and the SIMD layers),
   then starts the Java main as soon as the code, the model bytes and the parsed page are all there.
   ?kernels=java leaves the SIMD layers out. window.numeraBoot: runtime, model (Int8Array) or
   modelError, and notice, which Java reads; takeEarly, which hands Java what was drawn on the pad
   before it was ready; marks, to which Java appends its own; and, for a
   developer at the console, simdError (why the SIMD layers, when tried, did not load, so the Java
   kernels run), swError (why the service worker did not register) and offlineError (why no offline
   copy was kept), each set only on a failure; the footer says how the offline copy stands.
   Java also reads window.numeraSimd / numeraSimdMemory. The service worker is registered two
   seconds after the start, so its start never competes with the app's. index.html loads this file
   first thing in <head>, before the style sheet, so that it runs before any layout: it touches the
   body only once the page is parsed. The site build puts it inline (SiteBuilder: one request
   fewer before anything can start, allowed by its hash in the page's script-src), with the Wasm
   GC runtime, its glue and the style sheet. Plain ES5 on purpose: HtmlUnit's engine runs this
   file too. */
(function () {
  "use strict";
  var boot = window.numeraBoot = { runtime: null, model: null, modelError: null, notice: null, marks: [] };
  var modelIn = false;     // the model request has finished (bytes or modelError)
  var main = null;         // starts the loaded runtime's Java main
  var settled = false;     // main has run, or the start failed
  var swRegistered = false;

  // A malformed escape (?a%) must not stop the start: such a part is taken as it is written.
  function decode(s) {
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  function param(name) {
    var q = window.location.search.substring(1).split("&");
    for (var i = 0; i < q.length; i++) {
      var kv = q[i].split("=");
      if (decode(kv[0]) === name) { return kv.length > 1 ? decode(kv[1]) : ""; }
    }
    return null;
  }

  // compileStreaming compiles while the bytes arrive, but only from a response the server labelled
  // application/wasm; a host that sends another type (some static hosts do) makes it reject with a
  // TypeError, and then the module is fetched again (from the HTTP cache, normally) and compiled
  // whole. A failed download gives the same TypeError: the retry then fails with what went wrong.
  function compileWasm(url, options) {
    return WebAssembly.compileStreaming(fetch(url), options).then(null, function (err) {
      if (!(err instanceof TypeError)) { throw err; }
      return fetch(url).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status + " for " + url); }
        return r.arrayBuffer();
      }).then(function (bytes) {
        return WebAssembly.compile(bytes, options);
      });
    });
  }

  // Named points for the benchmark's "where the time to ready goes": name, ms since navigation
  // start, appended to boot.marks (Java's Js.mark adds its own). A plain array, not
  // performance.mark: ten of those cost the start measurable time (ready 141 -> 133 ms, medians of
  // 15 loads each). Diagnostics only, so never an error.
  function mark(name) {
    try { boot.marks.push(name, performance.now()); } catch (e) { /* no performance.now here */ }
  }

  function whenParsed(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function show(msg, isError) {
    whenParsed(function () {
      var statusEl = document.getElementById("status");
      statusEl.textContent = msg;
      statusEl.className = isError ? "status error" : "status";
    });
  }

  // The header's badge says "loading…" until Java names the runtime; a start that failed before that
  // must not leave it saying so beside the error.
  function failStart(msg, code) {
    show(msg, true);
    whenParsed(function () {
      document.body.setAttribute("data-error", code);
      document.getElementById("runtime-badge").textContent = "not loaded";
      disablePad();
    });
    settle();
  }

  // No app to draw for: the pad leaves the tab order (numera.css dims it), as App.fail does when the model fails.
  function disablePad() {
    document.getElementById("draw-canvas").removeAttribute("tabindex");
  }

  // Scripts added with async = false run in the order they were added, however they arrive.
  function loadScript(src, ok, fail) {
    var s = document.createElement("script");
    s.async = false;
    s.src = src;
    s.onload = ok;
    s.onerror = fail;
    document.head.appendChild(s);
  }

  // Java main runs once its code, the model (or the reason it is missing) and the page are in.
  // An exception out of it, from either runtime, is the page's error: otherwise the page would
  // sit on "Loading the model…" with only the console knowing why.
  function startWhenReady() {
    if (main === null || !modelIn || settled) { return; }
    whenParsed(function () {
      if (settled) { return; }
      settled = true;
      mark("start main");
      try {
        main();
      } catch (err) {
        failStart("Numera stopped with an error. Reload the page; if this keeps happening, the copy of Numera on this" +
          " site is broken: please tell whoever runs it. (Details: " + (err && err.message ? err.message : err) + ")", "app");
      } finally {
        settle();
      }
    });
  }

  // The model arrives as bytes; Java validates it (magic, version, CRC) and reports what is wrong.
  // index.html preloads the same URL (as="fetch", crossorigin), so this request reuses that download.
  function fetchModel() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "model/numera.nmod", true);
    xhr.responseType = "arraybuffer";
    xhr.onload = function () {
      mark("model in");
      if (xhr.status === 200 && xhr.response) {
        boot.model = new Int8Array(xhr.response);
      } else {
        boot.modelError = "Numera cannot recognise digits: its model file is missing from this site. Reload the page;" +
          " if this keeps happening, the copy of Numera on this site is incomplete: please tell whoever runs it." +
          " (Details: HTTP " + xhr.status + " for model/numera.nmod)";
      }
      modelIn = true;
      startWhenReady();
    };
    xhr.onerror = function () {
      boot.modelError = "The model file could not be downloaded (network error). Reload when you are online.";
      modelIn = true;
      startWhenReady();
    };
    xhr.send();
  }

  // A module declaring one GC struct type validates only where WebAssembly GC exists.
  function wasmGcSupported() {
    try {
      return typeof WebAssembly === "object" &&
        WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 95, 1, 127, 0]));
    } catch (e) {
      return false;
    }
  }

  // The SIMD layers (wasm/numera-simd.wasm, 128-bit WebAssembly SIMD, 9 KB): the network's conv and
  // dense layers, for either runtime. Compiled once, alongside the app's code, from the start. Without
  // them (a browser without SIMD or without WebAssembly, a failed download, ?kernels=java) the Java
  // kernels run: slower, the same results.
  var simdModule = null;
  function simdFailed(err) { boot.simdError = boot.simdError || String(err && err.message ? err.message : err); }
  function compileSimd() {
    if (simdModule === null) {
      if (param("kernels") === "java") {
        simdModule = Promise.reject(new Error("?kernels=java"));
      } else {
        try {
          simdModule = compileWasm("wasm/numera-simd.wasm");
        } catch (e) {
          simdModule = Promise.reject(e);
        }
      }
      simdModule.then(null, simdFailed);
    }
    return simdModule;
  }

  // Instantiates the SIMD module on memory (the Java module's own linear memory in Wasm GC, a memory
  // of its own for the JavaScript build), then sets window.numeraSimd (its exports, or null) and
  // window.numeraSimdMemory (that memory, or null), which Java reads, and calls next.
  function instantiateSimd(memory, next) {
    compileSimd().then(function (m) {
      return WebAssembly.instantiate(m, { env: { memory: memory } });
    }).then(function (instance) {
      return instance.exports;
    }, function (err) {
      simdFailed(err);
      return null;
    }).then(function (exports) {
      window.numeraSimd = exports;
      window.numeraSimdMemory = exports ? memory : null;
      next();
    });
  }

  function startJs() {
    boot.runtime = "js";
    // HtmlUnit (no WebAssembly) and browsers without streaming compilation run the Java kernels
    var simdMemory = null;
    if (typeof WebAssembly === "object" && typeof WebAssembly.compileStreaming === "function" && typeof Promise === "function") {
      compileSimd();
      try {
        simdMemory = new WebAssembly.Memory({ initial: 2 });   // the module's import asks for 2 pages at least
      } catch (e) {
        simdFailed(e);
      }
    }
    loadScript("js/numera.js", function () {
      mark("code in");
      var go = function () {
        main = function () { window.main([]); };
        startWhenReady();
      };
      if (simdMemory === null) {
        go();
      } else {
        instantiateSimd(simdMemory, go);
      }
    }, function () {
      failStart("Could not load the app (js/numera.js). Reload to try again.", "load");
    });
  }

  function startWasm(forced) {
    boot.runtime = "wasm-gc";
    var failed = function (err) {
      var why = "WebAssembly GC failed to start (" + (err && err.message ? err.message : err) + ")";
      if (forced) {
        failStart(why + ". Remove ?runtime=wasm to use the JavaScript build.", "wasm");
      } else {
        // what the user can do first, then which build runs in a few plain words; why, for whoever looks closer, in the
        // console and numeraBoot.noticeDetail ("HTTP 404 for wasm/numera.wasm?v=..." in the notice meant little to anyone,
        // and took 2-5 lines that pushed the pad down as the app got ready)
        // as Java's own status line: no camera to start on a page that cannot have one (not secure)
        boot.notice = (navigator.mediaDevices ? "Ready. Draw a digit, or start the camera." : "Ready. Draw a digit.")
          + " (JavaScript build: WebAssembly GC did not start.)";
        boot.noticeDetail = why;
        if (window.console) { console.warn("Numera: " + why + "; the JavaScript build runs instead."); }
        startJs();
      }
    };
    // The module compiles while it downloads, off the main thread, from now on: TeaVM's runtime
    // (patched by the site build to take this promise) would only start once it has run itself.
    // The options are the runtime's own (JS string builtins where the browser has them).
    var module;
    try {
      module = compileWasm("wasm/numera.wasm", { builtins: ["js-string"] });
    } catch (e) {
      failed(e);
      return;
    }
    module.then(function () { mark("compiled"); }, function () {});
    // The SIMD layers work on the Java module's own linear memory: instantiated once that exists.
    compileSimd();
    var memory = null;
    // TeaVM's runtime would compile its JavaScript glue with new Function(), which the page's
    // policy forbids (no 'unsafe-eval'). The build wrote that glue out as numera-glue.js and
    // patched the runtime to use it; both are module scripts in this page (inline in the built
    // one), so they have run by the time the page is parsed. The runtime's own set-up then runs
    // while the module is still downloading.
    whenParsed(function () {
      mark("code in");
      if (!window.TeaVM || !window.TeaVM.wasmGC || !window.numeraWasmGlue) {
        failed("its runtime script did not run");
        return;
      }
      window.TeaVM.wasmGC.load(module, { installImports: function (o) { memory = o.env.memory; } }).then(function (teavm) {
        mark("instantiated");
        instantiateSimd(memory, function () {
          main = function () { teavm.exports.main([]); };
          startWhenReady();
        });
      }).then(null, failed);
    });
  }

  // Offline support, two seconds after the app has started (or failed to): a service worker's
  // start is a new JavaScript engine instance, its script and the pre-cache downloads, and on a
  // two-core machine right after the start it took the CPU the first recognitions needed (the
  // benchmark's first inference: 19 -> 10 ms, medians of 8 alternating runs). Nobody needs the
  // offline copy in the first seconds of a first visit. Registration failures are not fatal: the
  // app still works online.
  var SW_DELAY_MS = 2000;
  function settle() {
    settled = true;
    if (boot.takeEarly() !== null && earlyPen !== null) {
      earlyPen.canvas.width = earlyPen.canvas.width;   // no app took the strokes drawn: nothing will read them
    }
    if (swRegistered) { return; }
    swRegistered = true;
    if (window.location.protocol === "file:") {
      offline("Opened from a file, so no copy is kept for offline use.");
    } else if (!("serviceWorker" in navigator)) {
      offline(window.isSecureContext === false ? "Not kept for offline use: that needs the page served over HTTPS."
        : "No copy is kept for offline use: this browser (or this window's mode) does not allow it.");
    } else {
      window.setTimeout(function () {
        navigator.serviceWorker.register("sw.js").then(watchOffline, function (err) {
          boot.swError = String(err);
          offline(NOT_KEPT, boot.swError);
        });
      }, SW_DELAY_MS);
    }
  }

  // The footer says how the offline copy stands, not only that there could be one: the worker's
  // pre-cache can fail (a file that is not this build's, a full disk), and a page whose build a new
  // one replaced in the cache still runs until reloaded. The copy's state is read from the caches
  // (sw.js: a cache of this scope named after a build's version, whole once it holds
  // "numera-complete") and compared with the version the page carries; the worker's messages only
  // say when to look again, and why a pre-cache failed. Plain text, not a live region: read on
  // every visit a few seconds in, it would talk over the results.
  var SAVING = "Saving a copy on this device for offline use\u2026";
  var updateLater = false;   // "Not now": the notice stays away for this page (the footer line still says it)
  var NOT_KEPT = "Could not keep a copy for offline use.";

  // The line's text, and why when something could not be saved, in words beside it (a title would
  // reach no keyboard, touch or screen reader user).
  function offline(text, why, reload) {
    whenParsed(function () {
      var line = document.getElementById("offline"), reason = document.getElementById("offline-why");
      if (line.textContent !== text) { line.textContent = text; }   // looked at again on every worker event
      if (reason.textContent !== (why || "")) { reason.textContent = why || ""; }
      reason.hidden = !why;
      // at the top, where it is seen (not only in the footer), until put off for this page
      document.getElementById("update").hidden = !reload || updateLater;
    });
    if (why) { boot.offlineError = why; }
  }

  // The workers' messages are heard from the start, not only once the page's registration settles
  // (SW_DELAY_MS on): the update check a navigation makes installs a new build's worker on its own
  // timing, and its pre-cache can fail, and say why, before then. Kept until watchOffline takes them.
  var heard = [];
  var hear = function (m) { heard.push(m); };
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.numeraOffline) { hear(e.data); }
    });
    navigator.serviceWorker.startMessages();
  }

  function watchOffline(reg) {
    var sw = navigator.serviceWorker;
    var meta = document.querySelector("meta[name=numera-version]");
    var build = meta ? meta.content : "dev";
    var prefix = "numera-" + new URL(reg.scope).pathname + "-";
    var complete = new URL("numera-complete", reg.scope).href;
    var error = null;      // why the last pre-cache this page heard of failed
    var asked = false;     // the active worker was asked for a copy of this build (at most once)
    var updated = false;   // an update check was asked for (at most once)

    function look() {
      caches.keys().then(function (names) {
        var mine = names.filter(function (n) { return n.indexOf(prefix) === 0 && /^[0-9a-f]{12}$/.test(n.slice(prefix.length)); });
        return Promise.all(mine.map(function (n) {
          return caches.match(complete, { cacheName: n }).then(function (hit) { return hit ? n.slice(prefix.length) : null; });
        }));
      }).then(function (versions) {
        var whole = versions.filter(function (v) { return v !== null; });
        var busy = reg.installing !== null || reg.waiting !== null;
        if (whole.indexOf(build) >= 0) {
          offline("Saved on this device: works offline.", error && "A newer version could not be saved: " + error);
        } else if (whole.length > 0 && sw.controller !== null) {
          // served from the cache, whose build has since been replaced by a newer one
          offline("A new version of Numera is saved on this device.", null, true);
        } else if (busy) {
          offline(SAVING);
        } else if (whole.length > 0 && !updated) {
          // this page is newer than the copy (it came past the worker: a first load, a hard reload)
          updated = true;
          offline(SAVING);
          reg.update().then(function () { if (!reg.installing) { look(); } }, look);
        } else if (whole.length === 0 && reg.active !== null && !asked) {
          asked = true;
          offline(SAVING);
          reg.active.postMessage("numera-fill");
        } else if (whole.length > 0) {
          offline("Works offline with an earlier version; this one could not be saved.", error);
        } else {
          offline(NOT_KEPT, error);
        }
      }, function (err) {
        offline(NOT_KEPT, String(err));
      });
    }

    document.getElementById("offline-reload").onclick = function () { window.location.reload(); };
    document.getElementById("update-later").onclick = function () {
      updateLater = true;
      document.getElementById("update").hidden = true;
      document.getElementById("draw-canvas").focus({preventScroll: true});   // not lost to the body with the hidden button
    };
    // messages from other copies of the site on this origin (matchAll reaches them all) are not ours
    function mine(m) {
      if (m.scope === reg.scope) { error = m.numeraOffline === "failed" ? m.error : null; }
      return m.scope === reg.scope;
    }
    heard.forEach(mine);
    heard = null;
    hear = function (m) { if (mine(m)) { look(); } };
    sw.addEventListener("controllerchange", look);
    // a new worker's install ends activated or redundant: the first visit's (already installing when
    // register settles) and any update's
    function follow(next) {
      if (next) {
        next.addEventListener("statechange", function () {
          if (next.state === "activated" || next.state === "redundant") { look(); }
        });
      }
    }
    reg.addEventListener("updatefound", function () { follow(reg.installing); look(); });
    follow(reg.installing || reg.waiting);
    look();
  }

  // What is drawn before the app is ready: the pad shows from the first frame, the app comes 1-3 s later on a slow
  // phone or line, and a user who writes at once would lose the first strokes. The pad's pointer events are heard
  // from the start (on the document: the pad is not parsed yet), and DrawPad replays them through its own handlers
  // once it is wired (DrawPad.replayEarly, with boot.takeEarly). Keys pressed meanwhile are not kept: Ctrl+Z or Escape
  // would act at ready on strokes the user saw them not act on (a second Ctrl+Z, pressed as the first seemed to do nothing,
  // took a real stroke for good).
  // A record holds what those handlers read of a pointer event, its position and its coalesced moves' in pad points
  // (280 over the drawing area as shown, as DrawPad.locate maps the pointer), measured at the time: the pad
  // may move by ready (the page scrolled, a line above it changed). Meanwhile the strokes show as DrawPad will paint
  // them at ready: by its rules (one pointer draws; a pen coming down drops a finger's or a palm's stroke; a pinch
  // drops its first finger's dot), segment by segment, on a bitmap of its size, 280 x devicePixelRatio px (which it
  // makes again at ready, blank, and paints). Before, every pointer drew its line (a pinch's two fingers, a palm beside
  // the pen), lines that went at ready, on a bitmap of 280 px, blurred at devicePixelRatio 2; now the pad at ready is the
  // bitmap shown before, pixel for pixel (ChromiumPadTest: 0 of 24,350 inked pixels unlike, a 7 at ratio 2). The pad's
  // 2D context is made by the first stroke (none at start).
  var early = [];          // records, oldest first; null once taken
  var EARLY = ["pointerdown", "pointermove", "pointerup", "pointercancel", "lostpointercapture"];
  var strokes = [];        // the strokes DrawPad will paint, each the records of its points
  var drawing = null;      // the pointerId drawing the last of them (DrawPad's activePointer), null: none
  var touching = false;    // that pointer is a finger or a palm (activeTouch)
  var secondAt = -1;       // its stroke's points when a second finger came down (secondTouchAt), -1: none
  var earlyPen = null;     // the pad's 2D context, once a stroke is painted
  var Record = { preventDefault: function () {}, getCoalescedEvents: function () { return this.moves; } };

  // Stroke s from its point i on, a segment to each point from the one before (its first point: a dot), as DrawPad paints.
  function paint(s, i) {
    for (; i < s.length; i++) {
      var a = s[i > 0 ? i - 1 : 0], b = s[i];
      earlyPen.beginPath();
      earlyPen.moveTo(a.clientX, a.clientY);
      earlyPen.lineTo(b.clientX + (a === b ? 0.01 : 0), b.clientY);
      earlyPen.stroke();
    }
  }

  // The last stroke goes (DrawPad.dropLastStroke): the pad is painted again with the others.
  function drop() {
    strokes.pop();
    drawing = null;
    earlyPen.clearRect(0, 0, 280, 280);
    strokes.forEach(function (s) { paint(s, 0); });
  }

  // The length of the path through stroke s's first n points, pad points (DrawPad.pathLength).
  function pathLength(s, n) {
    for (var length = 0, i = 1; i < n; i++) {
      var dx = s[i].clientX - s[i - 1].clientX, dy = s[i].clientY - s[i - 1].clientY;
      length += Math.sqrt(dx * dx + dy * dy);
    }
    return length;
  }

  function hearEarly(e) {
    var pad = e.target, type = e.type, id = e.pointerId, kind = e.pointerType, pen = kind === "pen";
    if (pad.id !== "draw-canvas" || (type === "pointermove" && !e.buttons && id !== drawing)) { return; }   // a hover
    var box = pad.getBoundingClientRect(), left = box.left + pad.clientLeft, top = box.top + pad.clientTop;
    var sx = 280 / (box.width - (pad.offsetWidth - pad.clientWidth));
    var sy = 280 / (box.height - (pad.offsetHeight - pad.clientHeight));
    var at = function (p) {
      var r = Object.create(Record);
      r.clientX = (p.clientX - left) * sx;
      r.clientY = (p.clientY - top) * sy;
      return r;
    };
    var r = at(e), stroke = strokes[strokes.length - 1];
    r.type = type;
    r.pointerId = id;
    r.pointerType = kind;
    r.button = e.button;
    r.buttons = e.buttons;
    r.moves = type === "pointermove" && e.getCoalescedEvents ? e.getCoalescedEvents().map(at) : [];
    early.push(r);
    // what DrawPad's down, move, up and cancel will do with it, in their order
    if (type === "pointerdown") {
      e.preventDefault();   // as DrawPad: no text selection, no compatibility mouse events
      try { pad.setPointerCapture(id); } catch (x) { /* its moves off the pad are not heard then */ }
      if (id === drawing) { drawing = null; }   // pressed again: its pointerup was missed
      if (pen && e.button === 5) { return; }   // a pen's eraser end draws nothing
      if (drawing !== null && touching && pen) { drop(); }   // a palm resting as the pen comes down
      if (drawing !== null && touching && secondAt < 0 && kind === "touch") { secondAt = stroke.length; }
      if (drawing !== null || (e.button && !pen)) { return; }   // one stroke at a time; a mouse's other buttons draw nothing
    } else if (type !== "pointermove" || (!e.buttons && kind === "mouse")) {
      // lifted, its capture lost, taken by the browser (a pinch: its first finger's stroke goes if it was under the pen's
      // width when the second came down), or a mouse moved with no button held (its pointerup was missed)
      if (id === drawing && type === "pointercancel" && secondAt >= 0 && pathLength(stroke, secondAt) < 18) { drop(); }
      if (id === drawing) { drawing = null; }
      return;
    } else if (id !== drawing) {
      // a mouse or pen pressed off the pad and moved onto it: DrawPad.move starts its stroke here and captures it, so
      // that its lift off the pad is heard; uncaptured, the replayed stroke stayed open and a hovering pen drew on
      if (!(e.buttons & 1) || drawing !== null || kind === "touch") { return; }
      try { pad.setPointerCapture(id); } catch (x) { /* as at a press */ }
    }
    if (id !== drawing) {
      strokes.push(stroke = []);
      drawing = id;
      touching = kind === "touch";
      secondAt = -1;
    }
    if (!earlyPen) {
      document.body.setAttribute("data-early", "");   // the "Loading…" note no longer over the pad's middle, where the strokes go
      var dpr = window.devicePixelRatio || 1;
      pad.width = pad.height = Math.round(280 * dpr);   // as DrawPad.sizeBitmap; the records stay in pad points
      earlyPen = pad.getContext("2d");
      earlyPen.scale(dpr, dpr);
      earlyPen.lineWidth = 18;   // DrawPad's pen
      earlyPen.lineCap = "round";
      earlyPen.strokeStyle = "#111";
    }
    var from = stroke.length;
    stroke.push.apply(stroke, r.moves.length ? r.moves : [r]);
    paint(stroke, from);
  }

  // The records, once (then null), and the pad is no longer heard here: taken by DrawPad, or by settle when the
  // start failed.
  boot.takeEarly = function () {
    var taken = early;
    early = null;
    EARLY.forEach(function (type) { document.removeEventListener(type, hearEarly); });
    return taken;
  };
  EARLY.forEach(function (type) { document.addEventListener(type, hearEarly); });

  fetchModel();
  var forced = param("runtime");
  if (forced === "js") {
    startJs();
  } else if (forced === "wasm") {
    startWasm(true);
  } else if (wasmGcSupported()) {
    startWasm(false);
  } else {
    startJs();
  }
}());
