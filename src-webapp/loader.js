/* Numera loader. Picks the runtime (WebAssembly GC where the browser supports it, JavaScript
   otherwise; ?runtime=js or ?runtime=wasm forces one), fetches the model file once, then starts
   the Java main of that runtime. Java reads window.numeraBoot: {runtime, model (Int8Array) or
   modelError, notice}. Plain ES5 on purpose: HtmlUnit's engine runs this file too. */
(function () {
  "use strict";
  var boot = window.numeraBoot = { runtime: null, model: null, modelError: null, notice: null };
  var statusEl = document.getElementById("status");

  function param(name) {
    var q = window.location.search.substring(1).split("&");
    for (var i = 0; i < q.length; i++) {
      var kv = q[i].split("=");
      if (decodeURIComponent(kv[0]) === name) { return kv.length > 1 ? decodeURIComponent(kv[1]) : ""; }
    }
    return null;
  }

  function show(msg, isError) {
    statusEl.textContent = msg;
    statusEl.className = isError ? "status error" : "status";
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

  // The model arrives as bytes; Java validates it (magic, version, CRC) and reports what is wrong.
  function fetchModel(done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "model/numera.nmod", true);
    xhr.responseType = "arraybuffer";
    xhr.onload = function () {
      if (xhr.status === 200 && xhr.response) {
        boot.model = new Int8Array(xhr.response);
      } else {
        boot.modelError = "The model file is missing (HTTP " + xhr.status + " for model/numera.nmod).";
      }
      done();
    };
    xhr.onerror = function () {
      boot.modelError = "The model file could not be downloaded (network error). Reload when you are online.";
      done();
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

  function startJs() {
    boot.runtime = "js";
    loadScript("js/numera.js", function () {
      window.main([]);
    }, function () {
      show("Could not load the app (js/numera.js). Reload to try again.", true);
      document.body.setAttribute("data-error", "load");
    });
  }

  function startWasm(forced) {
    boot.runtime = "wasm-gc";
    var failed = function (err) {
      var why = "WebAssembly GC failed to start (" + (err && err.message ? err.message : err) + ")";
      if (forced) {
        show(why + ". Remove ?runtime=wasm to use the JavaScript build.", true);
        document.body.setAttribute("data-error", "wasm");
      } else {
        boot.notice = why + "; running the JavaScript build instead.";
        startJs();
      }
    };
    var instantiate = function () {
      var started = false;
      window.TeaVM.wasmGC.load("wasm/numera.wasm").then(function (teavm) {
        started = true;
        teavm.exports.main([]);
      }).then(null, function (err) {
        if (!started) { failed(err); } else { show("The app stopped with an error: " + err, true); }
      });
    };
    // TeaVM's runtime would compile its JavaScript glue with new Function(), which the page's
    // policy forbids (no 'unsafe-eval'). The build wrote that glue out as numera-glue.js and
    // patched the runtime to use it; the two download in parallel and run in this order.
    var pending = 2;
    var gone = false;
    var loaded = function () {
      pending--;
      if (pending === 0 && !gone) { instantiate(); }
    };
    var missing = function (src) {
      return function () {
        if (!gone) { gone = true; failed("could not load " + src); }
      };
    };
    loadScript("wasm/numera-glue.js", loaded, missing("wasm/numera-glue.js"));
    loadScript("wasm/numera.wasm-runtime.js", loaded, missing("wasm/numera.wasm-runtime.js"));
  }

  fetchModel(function () {
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
  });

  // Offline support. Registration failures are not fatal: the app still works online.
  if ("serviceWorker" in navigator && window.location.protocol !== "file:") {
    navigator.serviceWorker.register("sw.js").then(null, function (err) {
      boot.swError = String(err);
    });
  }
}());
