// Numera benchmark harness. Injected into every measured page before its own scripts run
// (CDP Page.addScriptToEvaluateOnNewDocument), so it can time navigation → ready exactly.
// A page under test exposes either window.numera (the app's contract) or window.benchTarget
// ({runtime, infer(Float32Array 784) → Float32Array 10 or a promise of it}) and then sets
// document.body.dataset.ready = "true".
(() => {
  if (window.__nb) return;
  const nb = window.__nb = { readyAt: null, errors: [] };
  // Settles at ready or at the first error: the runner waits on it with one command instead of
  // polling the page (each poll is a task on the main thread the page is starting on).
  let settle;
  nb.whenReady = new Promise(r => { settle = r; });
  // A page reports an error it caught with nb.fail(message); uncaught ones arrive here by themselves.
  const error = nb.fail = m => { nb.errors.push(m); settle(); };
  addEventListener('error', e => error(String(e.message || e)));
  addEventListener('unhandledrejection', e => error('unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason))));
  // Numera's page says it could not start with data-error on the body (and a message in #status).
  const check = () => {
    const body = document.body;
    if (nb.readyAt === null && body && body.dataset.ready === 'true') { nb.readyAt = performance.now(); settle(); }
    if (body && body.dataset.error && !nb.errors.length) {
      const status = document.getElementById('status');
      error('page error ' + body.dataset.error + ': ' + (status ? status.textContent : ''));
    }
    return nb.readyAt !== null || nb.errors.length > 0;
  };
  // Frames of more than 50 ms (Long Animation Frames): where the main thread was busy before ready.
  nb.longFrames = [];
  try {
    new PerformanceObserver(l => nb.longFrames.push(...l.getEntries()))
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { /* a browser without LoAF: the timeline just lacks them */ }
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-error'] });

  nb.adapter = () => {
    if (window.numera && typeof window.numera.infer === 'function') {
      const n = window.numera;
      return {
        runtime: 'numera ' + n.runtime,
        infer: x => n.infer(x),
        recognize: typeof n.recognize === 'function' ? (rgba, w, h) => n.recognize(rgba, w, h, 'camera') : null,
        // the app's own camera loop step (grab from a 140x140 source, recognise, update the page)
        cameraFrame: typeof n.cameraFrame === 'function' ? source => n.cameraFrame(source) : null,
      };
    }
    if (window.benchTarget) return window.benchTarget;
    throw new Error('page exposes neither window.numera nor window.benchTarget');
  };

  const stats = (t) => {
    const s = t.slice().sort((a, b) => a - b);
    const q = p => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
    return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1],
             mean: s.reduce((a, b) => a + b, 0) / s.length };
  };
  const argmax = p => { let k = 0; for (let i = 1; i < p.length; i++) if (p[i] > p[k]) k = i; return k; };

  nb.timerResolution = () => {
    let min = Infinity;
    for (let i = 0; i < 50; i++) {
      const a = performance.now(); let b = a;
      while (b === a) b = performance.now();
      min = Math.min(min, b - a);
    }
    return min;
  };

  nb.load = async (o) => {
    const [d, c] = await Promise.all([fetch(o.digitsUrl).then(r => r.arrayBuffer()), fetch(o.cameraUrl).then(r => r.arrayBuffer())]);
    nb.digits = new Float32Array(d);
    nb.camera = new Uint8ClampedArray(c);
    nb.count = nb.digits.length / 784;
    nb.inputs = [];
    for (let i = 0; i < nb.count; i++) nb.inputs.push(nb.digits.subarray(i * 784, (i + 1) * 784));
    // the camera box as canvases: what the camera loop draws from instead of the video. A sheet held
    // up to a camera never gives two equal frames, so the loop cycles through the box shifted by
    // 0..6 px: every frame changes every probability the page shows, as live video does.
    const box = document.createElement('canvas');
    box.width = box.height = 140;
    box.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(nb.camera), 140, 140), 0, 0);
    nb.cameraSources = [0, 2, 4, 6].map(dx => {
      const c = document.createElement('canvas');
      c.width = c.height = 140;
      const g = c.getContext('2d');
      g.drawImage(box, 0, 0);                  // the edge the shift uncovers keeps the box's own background
      g.drawImage(box, dx, dx / 2);
      return c;
    });
    // the same four boxes as RGBA bytes: the camera pipeline once a frame's box is read
    nb.cameraBoxes = nb.cameraSources.map(c => c.getContext('2d').getImageData(0, 0, 140, 140).data);
  };

  // Times one call; awaits only when the runtime's API is asynchronous (onnxruntime-web).
  const timed = async (f, x) => {
    const t0 = performance.now();
    const r = f(x);
    const out = r && typeof r.then === 'function' ? await r : r;
    return [performance.now() - t0, out];
  };

  nb.run = async (o) => {
    const a = nb.adapter();
    const res = { runtime: a.runtime, readyMs: nb.readyAt, crossOriginIsolated: self.crossOriginIsolated,
                  timerResolutionMs: nb.timerResolution(), userAgent: navigator.userAgent };
    await nb.load(o);
    const infer = x => a.infer(x);
    // first inference: the first call after ready, on digit 0
    const [first, p0] = await timed(infer, nb.inputs[0]);
    res.firstMs = first;
    res.probabilities0 = Array.from(p0);
    if (o.firstOnly) return res;     // an extra cold-load sample: ready and the first inference only
    // A first visit installs the service worker, which pre-caches the site in the background: let it
    // finish (at most 5 s) so that it does not compete with the timed loops. A page may register its
    // worker only a while after ready: Numera's loader does so 2 s after its start (loader.js,
    // SW_DELAY_MS), so its page is given 4 s to register; the other pages register none, 0.5 s.
    if (navigator.serviceWorker && navigator.serviceWorker.controller === null && o.waitForServiceWorker !== false) {
      const sleep = ms => new Promise(r => setTimeout(r, ms));
      const t0 = performance.now();
      const registerWithin = window.numeraBoot ? 4000 : 500;
      let regs = await navigator.serviceWorker.getRegistrations();
      while (!regs.length && performance.now() - t0 < registerWithin) {
        await sleep(25);
        regs = await navigator.serviceWorker.getRegistrations();
      }
      if (regs.length) {
        await Promise.race([navigator.serviceWorker.ready, sleep(5000)]);
        res.serviceWorkerWaitMs = performance.now() - t0;
      }
    }
    for (let i = 0; i < o.warmup; i++) await timed(infer, nb.inputs[i % nb.count]);
    const times = [];
    for (let i = 0; i < o.n; i++) times.push((await timed(infer, nb.inputs[i % nb.count]))[0]);
    res.infer = stats(times);
    res.infer.steadyMedian = stats(times.slice(-Math.min(o.steadyLast, times.length))).median;
    res.predictions = [];
    for (let i = 0; i < nb.count; i++) res.predictions.push(argmax((await timed(infer, nb.inputs[i]))[1]));
    if (a.recognize) {
      const rec = () => a.recognize(nb.camera, 140, 140);
      for (let i = 0; i < o.warmup; i++) rec();
      const ct = [];
      let last = null;
      for (let i = 0; i < o.n; i++) { const t0 = performance.now(); last = rec(); ct.push(performance.now() - t0); }
      res.camera = stats(ct);
      res.camera.steadyMedian = stats(ct.slice(-Math.min(o.steadyLast, ct.length))).median;
      res.cameraDigit = last ? last.digit : null;
    }
    if (a.cameraFrame) {
      let f = 0;
      const loop = () => a.cameraFrame(nb.cameraSources[f++ & 3]);
      for (let i = 0; i < o.warmup; i++) loop();
      const lt = [];
      let digit = null;
      for (let i = 0; i < o.n; i++) { const t0 = performance.now(); digit = loop(); lt.push(performance.now() - t0); }
      res.cameraLoop = stats(lt);
      res.cameraLoop.steadyMedian = stats(lt.slice(-Math.min(o.steadyLast, lt.length))).median;
      res.cameraLoopDigit = digit;
    }
    res.errors = nb.errors.slice();
    return res;
  };

  // The heap probe's workloads: n camera-loop frames (the app's per-frame path: grab from a canvas,
  // recognition, page update), n camera-pipeline frames (the same from an RGBA box already read: no
  // grab), n recognize() calls (the API), or n inferences where there is no camera pipeline.
  nb.workloads = () => {
    const a = nb.adapter();
    return a.cameraFrame ? ['camera loop', 'camera pipeline', 'recognize'] : a.recognize ? ['recognize'] : ['infer'];
  };
  nb.frames = async (n, workload) => {
    const a = nb.adapter();
    if (workload === 'camera loop') {
      const s = nb.cameraSources;
      for (let i = 0; i < n; i++) a.cameraFrame(s[i & 3]);
    } else if (workload === 'camera pipeline') {
      const s = nb.cameraBoxes;
      for (let i = 0; i < n; i++) a.cameraFrame(s[i & 3]);
    } else if (workload === 'recognize') {
      for (let i = 0; i < n; i++) a.recognize(nb.camera, 140, 140);
    } else {
      for (let i = 0; i < n; i++) { const r = a.infer(nb.inputs[i % nb.count]); if (r && r.then) await r; }
    }
    return workload;
  };
  nb.memory = () => performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null;
})();
