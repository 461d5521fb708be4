package dev.numera.bench.browser;

import dev.numera.bench.Bench;
import dev.numera.bench.BenchDoc;
import dev.numera.bench.Prepare;
import dev.numera.bench.Project;
import dev.numera.bench.Results;
import dev.numera.bench.kernels.BatchTimer;
import dev.numera.bench.kernels.KernelSet;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The browser benchmark: Numera (Wasm GC and JS builds of the site) side by side with
 * onnxruntime-web and TF.js (wasm backend) running the same network and weights, in one headless
 * Chromium, on a cross-origin-isolated static server.
 *
 * <p>Each measured variant gets a fresh browser with a fresh profile (cold HTTP and code caches) that
 * first opens a blank page of the runner's server, so that browser and renderer start-up stay outside
 * the measured navigation; the variants are interleaved and their order rotates from run to run. The
 * "empty" page (one deferred script that says ready at once) measures the fixed cost of a navigation. Per variant: navigation →
 * ready, the first inference, median / p95 / steady median of single-digit inferences after
 * warm-up, the camera-frame pipeline (Numera: the recognize() API, and the app's own camera-loop
 * step via window.numera.cameraFrame), bytes allocated and retained over N frames of each (CDP
 * sampling heap profiler + heap usage), and the bytes downloaded (server log).
 * The options: {@code browser --help} ({@code Bench.USAGE}), their defaults in {@link Options}.
 * {@code --loads}: cold loads per variant and run (one inside the full measurement, the others
 * load-only). {@code --merge}: re-measure only the {@code --variants} given and keep the other
 * variants' runs from the existing bench/results/browser.json, marked as earlier runs (never paired
 * with this invocation's runs in the ratios) and listed under "mergedFrom".
 */
public final class BrowserBench {
    public static final String CHROMIUM = "/usr/bin/chromium", CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-precise-memory-info", "--window-size=1024,768");

    /** Every page or side the runner can measure, in the order of a default run. */
    public static final List<String> VARIANTS = List.of("numera-wasm", "numera-js", "ort", "tfjs", "plainjs", "empty",
            "kernels-wasm", "kernels-js", "kernels-jvm", "kernels-jvm-avx2");

    /** A page to measure. */
    public static final class Variant {
        public final String name, label, path;
        public final boolean numera;

        Variant(String name, String label, String path, boolean numera) {
            this.name = name;
            this.label = label;
            this.path = path;
            this.numera = numera;
        }
    }

    /** Options of one benchmark run. */
    public static final class Options {
        public int runs = 3, n = 500, warmup = 50, steady = 100, frames = 1000, kernelMillis = 200, kernelSlices = 7;
        /**
         * Cold loads per variant and run: one inside the full measurement, the others load-only (ready and
         * the first inference in a fresh browser). A single load varies by ±30 % on this shared machine.
         */
        public int loads = 3;
        public List<String> variants = new ArrayList<>(VARIANTS);
        public String numeraWasmPath = "index.html?runtime=wasm", numeraJsPath = "index.html?runtime=js";
        public boolean smoke;
        /** Keep the other variants' runs from the existing bench/results/browser.json (re-measure only some pages). */
        public boolean merge;
        /** The built site to serve at "/" (default web-app/target/site). */
        public Path site = Project.site();
        /** One browser for all variants (smoke tests: fast, but not cold loads). */
        public boolean reuseBrowser;
        /** The kernels the kernel sides measure (null: all of {@link KernelSet#NAMES}); trials of one or two kernels. */
        public List<String> kernels;
    }

    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");   // strong reference, or JUL forgets the level

    private BrowserBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Map<String, Object> out = run(o);
        printRatios(out);
        if (o.smoke) {
            System.out.println("smoke run done (results not written)");
        } else {
            Results.write("browser", out);
            BenchDoc.generate();
        }
    }

    /** Numera / ORT and Numera / TF.js for load, first inference, steady inference and bytes, on stdout. */
    @SuppressWarnings("unchecked")
    static void printRatios(Map<String, Object> out) {
        Map<String, Object> ratios = (Map<String, Object>) ((Map<String, Object>) out.get("summary")).get("ratios");
        if (ratios.isEmpty()) return;
        System.out.println("ratios (median over runs of the within-run ratio):");
        System.out.printf("  %-20s %12s %10s %10s %10s %10s%n", "pair", "ready+first", "ready", "first", "steady", "gzip bytes");
        for (Map.Entry<String, Object> e : ratios.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            StringBuilder sb = new StringBuilder(String.format("  %-20s", e.getKey()));
            for (String m : List.of("readyPlusFirstMs", "readyMs", "firstMs", "steadyMs", "bytesGzip")) {
                Object v = p.get(m);
                double x = v instanceof Map ? num(((Map<String, Object>) v).get("median")) : Double.NaN;
                sb.append(String.format(m.equals("readyPlusFirstMs") ? " %12.3f" : " %10.3f", x));
            }
            System.out.println(sb);
        }
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs": o.runs = Bench.intValue(args, i++, 1); break;
                case "--n": o.n = Bench.intValue(args, i++, 1); break;
                case "--warmup": o.warmup = Bench.intValue(args, i++, 0); break;
                case "--steady": o.steady = Bench.intValue(args, i++, 1); break;
                case "--frames": o.frames = Bench.intValue(args, i++, 1); break;
                case "--kernel-millis": o.kernelMillis = Bench.intValue(args, i++, 1); break;
                case "--kernel-slices": o.kernelSlices = Bench.intValue(args, i++, 1); break;
                case "--kernels":
                    o.kernels = List.of(Bench.value(args, i++).split(","));
                    for (String k : o.kernels) if (KernelSet.index(k) < 0) throw new Bench.UsageError("no kernel " + k + " (" + String.join(", ", KernelSet.NAMES) + ")");
                    break;
                case "--loads": o.loads = Bench.intValue(args, i++, 1); break;
                case "--variants": o.variants = new ArrayList<>(List.of(Bench.value(args, i++).split(","))); break;
                case "--numera-wasm-path": o.numeraWasmPath = Bench.value(args, i++); break;
                case "--numera-js-path": o.numeraJsPath = Bench.value(args, i++); break;
                case "--site": o.site = Path.of(Bench.value(args, i++)).toAbsolutePath().normalize(); break;
                case "--merge": o.merge = true; break;
                case "--smoke":
                    o.smoke = true;
                    o.runs = 1; o.n = 20; o.warmup = 5; o.steady = 10; o.frames = 20; o.kernelMillis = 30; o.kernelSlices = 2; o.reuseBrowser = true; o.loads = 1;
                    break;
                default: throw new Bench.UsageError("unknown option " + args[i]);
            }
        }
        return o;
    }

    /** Why the browser benchmark cannot run here, per variant group; empty when everything is present. */
    public static List<String> missing(Options o) {
        List<String> why = new ArrayList<>();
        if (!Files.isExecutable(Path.of(CHROMIUM))) why.add("no " + CHROMIUM + " (apt-get install chromium)");
        if (!Files.isExecutable(Path.of(CHROMEDRIVER))) why.add("no " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        return why;
    }

    public static Map<String, Object> variants(Options o, List<Variant> chosen) {
        Map<String, Object> skipped = new LinkedHashMap<>();
        boolean site = Files.isRegularFile(o.site.resolve("index.html"));
        boolean nodeModules = Files.isDirectory(Project.benchDir().resolve("node_modules/onnxruntime-web"))
                && Files.isDirectory(Project.benchDir().resolve("node_modules/@tensorflow/tfjs-backend-wasm"));
        for (String v : o.variants) {
            switch (v) {
                case "numera-wasm":
                case "numera-js":
                    if (!site) skipped.put(v, "no built site at " + o.site + " (mvn -B -q -pl benchmarks -am package -DskipTests)");
                    else chosen.add(new Variant(v, v.equals("numera-wasm") ? "Numera, Wasm GC" : "Numera, TeaVM JS",
                            v.equals("numera-wasm") ? o.numeraWasmPath : o.numeraJsPath, true));
                    break;
                case "ort":
                    if (!nodeModules) skipped.put(v, "no bench/node_modules (cd bench && npm ci)");
                    else chosen.add(new Variant(v, "onnxruntime-web, wasm, 1 thread", "bench/pages/ort.html", false));
                    break;
                case "tfjs":
                    if (!nodeModules) skipped.put(v, "no bench/node_modules (cd bench && npm ci)");
                    else chosen.add(new Variant(v, "TF.js, wasm backend, 1 thread", "bench/pages/tfjs.html", false));
                    break;
                case "plainjs":
                    chosen.add(new Variant(v, "hand-written JS, Float32Array", "bench/pages/plainjs.html", false));
                    break;
                case "empty":
                    chosen.add(new Variant(v, "empty page (one deferred script; the fixed cost)", "bench/pages/empty.html", false));
                    break;
                case "kernels-wasm":
                case "kernels-js":
                    if (!Files.isDirectory(kernelsDir())) skipped.put(v, "no " + kernelsDir() + " (mvn -B -q -pl benchmarks -am package -DskipTests)");
                    else chosen.add(new Variant(v, v.endsWith("wasm") ? "Numera kernels, Wasm GC" : "Numera kernels, TeaVM JS",
                            "bench/pages/" + v + ".html", false));
                    break;
                case "kernels-jvm":   // the same KernelSet in the runner's JVM, interleaved with the kernel pages
                    chosen.add(new Variant(v, "Numera kernels, JVM", "", false));
                    break;
                case "kernels-jvm-avx2":   // and in a child JVM limited to AVX2's 16 vector registers, as V8's code is
                    chosen.add(new Variant(v, "Numera kernels, JVM on AVX2 (16 vector registers)", "", false));
                    break;
                default:
                    throw new Bench.UsageError("unknown variant " + v + " (" + String.join(", ", VARIANTS) + ")");
            }
        }
        return skipped;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(Options o) throws Exception {
        List<String> missing = missing(o);
        if (!missing.isEmpty()) throw new Bench.Failure("cannot run the browser benchmark: " + String.join("; ", missing));
        SELENIUM_LOG.setLevel(Level.SEVERE);   // "Unable to find CDP implementation matching 156": expected, raw CDP works
        List<Variant> variants = new ArrayList<>();
        Map<String, Object> skipped = variants(o, variants);
        skipped.forEach((k, v) -> System.out.println("skipping " + k + ": " + v));
        Prepare.run();
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) new Json().toType(Files.readString(Project.generated().resolve("expected.json")), Json.MAP_TYPE);
        String harness = Files.readString(Project.benchDir().resolve("pages/harness.js"));
        Map<String, Object> machine = Project.machine();
        Map<String, List<Map<String, Object>>> byVariant = new LinkedHashMap<>();
        String browserVersion = "unknown";
        try (BenchServer server = new BenchServer()) {
            boolean siteHasModel = Files.isRegularFile(o.site.resolve("model/numera.nmod"));
            if (!siteHasModel) {                         // no shipped model yet: serve the benchmark's model in its place
                Path dir = Project.generated().resolve("site-model");
                Files.createDirectories(dir);
                Files.copy(Project.generated().resolve("numera.nmod"), dir.resolve("numera.nmod"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                server.mount("/model/", dir, true);
                skipped.put("note", "the site has no model/numera.nmod: the runner served the benchmark's model (" + expected.get("model") + ") in its place");
            }
            server.mount("/", o.site, true)
                    .mount("/bench/pages/", Project.benchDir().resolve("pages"), true)
                    .mount("/bench/node_modules/", Project.benchDir().resolve("node_modules"), true)
                    .mount("/bench/generated/", Project.generated(), true)
                    .mount("/bench/kernels/", kernelsDir(), true)
                    .mount("/__data/", Project.generated(), false)
                    .start();
            Browser shared = o.reuseBrowser ? new Browser(server) : null;
            try {
            for (int run = 0; run < o.runs; run++) {
                // the extra cold loads first, interleaved like the full measurements
                Map<String, List<Map<String, Object>>> extraLoads = new LinkedHashMap<>();
                for (int j = 1; j < o.loads; j++) {
                    for (int k = 0; k < variants.size(); k++) {
                        Variant v = variants.get((k + run + j) % variants.size());
                        if (v.name.startsWith("kernels-")) continue;
                        System.out.printf("run %d/%d  %-12s load %d/%d (load %s) ...%n", run + 1, o.runs, v.name, j + 1, o.loads, Project.loadAverage());
                        Map<String, Object> s = loadOnly(server, v, harness, shared);
                        System.out.println("    " + s);
                        extraLoads.computeIfAbsent(v.name, x -> new ArrayList<>()).add(s);
                    }
                }
                boolean kernelsDone = false;
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((k + run) % variants.size());   // interleaved, order rotating per run
                    String load = Project.loadAverage();
                    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
                    if (v.name.startsWith("kernels-")) {       // the kernel sides: all at once, interleaved
                        if (kernelsDone) continue;
                        kernelsDone = true;
                        List<Variant> sides = new ArrayList<>();
                        for (Variant s : variants) if (s.name.startsWith("kernels-")) sides.add(s);
                        System.out.printf("run %d/%d  %-12s (load %s) ...%n", run + 1, o.runs, "kernels", load);
                        results.putAll(measureKernels(server, sides, o, harness, shared));
                    } else {
                        System.out.printf("run %d/%d  %-12s (load %s) ...%n", run + 1, o.runs, v.name, load);
                        Map<String, Object> r = measure(server, v, o, harness, shared);
                        if (!r.containsKey("error")) poolLoads(r, extraLoads.getOrDefault(v.name, List.of()));
                        results.put(v.name, r);
                    }
                    for (Map.Entry<String, Map<String, Object>> e : results.entrySet()) {
                        Map<String, Object> r = e.getValue();
                        r.put("run", run + 1);
                        r.put("loadAverage", load);
                        browserVersion = String.valueOf(r.getOrDefault("browserVersion", browserVersion));
                        byVariant.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(r);
                        System.out.println("    " + oneLine(r));
                    }
                }
            }
            } finally {
                if (shared != null) shared.close();
            }
        }
        machine.put("loadAverageEnd", Project.loadAverage());
        machine.put("browser", "Chromium " + browserVersion);
        Map<String, Object> mergedFrom = new LinkedHashMap<>();
        Map<String, Object> previous = o.merge ? Results.read("browser") : null;
        if (previous != null) {                          // keep the pages not re-measured now, marked with their command
            Map<String, Object> prevRuns = (Map<String, Object>) previous.get("runs");
            Map<String, Object> prevLabels = (Map<String, Object>) previous.get("labels");
            for (Map.Entry<String, Object> e : prevRuns.entrySet()) {
                if (byVariant.containsKey(e.getKey())) continue;
                List<Map<String, Object>> rs = new ArrayList<>();
                for (Object r : (List<Object>) e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) r);
                    m.put("run", "earlier " + m.get("run"));   // never paired with this invocation's runs in ratios
                    rs.add(m);
                }
                byVariant.put(e.getKey(), rs);
                variants.add(new Variant(e.getKey(), String.valueOf(prevLabels.get(e.getKey())), "", false));
                mergedFrom.put(e.getKey(), previous.get("command") + " (" + ((Map<String, Object>) previous.get("machine")).get("date")
                        + ", load " + ((Map<String, Object>) previous.get("machine")).get("loadAverageStart") + ")");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "java -jar benchmarks/target/benchmarks.jar browser" + (o.smoke ? " --smoke" : "")
                + " --runs " + o.runs + " --loads " + o.loads + " --n " + o.n + " --warmup " + o.warmup + " --frames " + o.frames);
        out.put("machine", machine);
        out.put("flags", FLAGS);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("runs", o.runs);
        opts.put("n", o.n);
        opts.put("warmup", o.warmup);
        opts.put("steadyLast", o.steady);
        opts.put("frames", o.frames);
        opts.put("loads", o.loads);
        out.put("options", opts);
        out.put("model", expected.get("model"));
        out.put("modelMacs", expected.get("macs"));
        out.put("skipped", skipped);
        if (!mergedFrom.isEmpty()) out.put("mergedFrom", mergedFrom);
        Map<String, Object> labels = new LinkedHashMap<>();
        for (Variant v : variants) labels.put(v.name, v.label);
        out.put("labels", labels);
        out.put("summary", Summary.summarise(byVariant, expected));
        out.put("runs", byVariant);
        return out;
    }

    static Path kernelsDir() {
        return Project.root().resolve("benchmarks/target/kernels");
    }

    private static String oneLine(Map<String, Object> r) {
        if (r.containsKey("error")) return "ERROR " + r.get("error");
        if (r.containsKey("kernels")) return "ns/op " + r.get("kernels");
        @SuppressWarnings("unchecked") Map<String, Object> inf = (Map<String, Object>) r.get("infer");
        if (inf == null) return String.format("ready %.1f ms, %s KB gz%n      timeline %s", num(r.get("readyMs")), Math.round(num(r.get("bytesGzip")) / 1024), r.get("timeline"));
        @SuppressWarnings("unchecked") Map<String, Object> cam = (Map<String, Object>) r.get("camera");
        @SuppressWarnings("unchecked") Map<String, Object> loop = (Map<String, Object>) r.get("cameraLoop");
        StringBuilder sb = new StringBuilder(String.format("ready %.1f ms, first %.2f ms, median %.3f ms, steady %.3f ms%s%s, %s KB gz",
                num(r.get("readyMs")), num(r.get("firstMs")), num(inf.get("median")), num(inf.get("steadyMedian")),
                cam == null ? "" : String.format(", camera %.3f ms", num(cam.get("median"))),
                loop == null ? "" : String.format(", camera loop %.3f ms", num(loop.get("median"))),
                Math.round(num(r.get("bytesGzip")) / 1024)));
        @SuppressWarnings("unchecked") List<Map<String, Object>> heaps = (List<Map<String, Object>>) r.get("heapWorkloads");
        for (Map<String, Object> h : heaps == null ? List.<Map<String, Object>>of() : heaps) {
            sb.append("\n      alloc ").append(h.get("allocBytesPerFrame")).append(" B/frame (").append(h.get("heapWorkload"))
                    .append("; first pass ").append(h.get("allocBytesFirstPassPerFrame")).append(")");
            if (h.get("allocTop") instanceof List && !((List<?>) h.get("allocTop")).isEmpty()) sb.append(", top sites: ").append(h.get("allocTop"));
        }
        return sb + (r.get("notFound") != null ? "\n      404: " + r.get("notFound") : "") + "\n      timeline " + r.get("timeline");
    }

    static double num(Object o) {
        return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
    }

    /**
     * A headless Chromium with a fresh profile, driven by the Debian chromedriver, already showing a
     * blank page of the runner's server, and quiet again after it (see {@link #awaitIdle}). The
     * measured page is the second navigation of the tab, same origin and cross-origin isolated like
     * the blank page, so it reuses the blank page's renderer
     * process: browser start-up, the renderer's process start and its first-document set-up stay
     * outside the measurement for every page alike (a navigation from chromedriver's initial
     * {@code data:,} page to an isolated page would start a new process inside it). The blank page
     * loads nothing, and the server sends {@code no-store}, so every measured page starts with cold
     * HTTP, script and Wasm code caches.
     */
    static final class Browser implements AutoCloseable {
        static final String BLANK = "bench/pages/blank.html";
        final Path profile;
        final ChromeDriver driver;

        Browser(BenchServer server) throws IOException {
            profile = Files.createTempDirectory("numera-bench-chromium");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeOptions co = new ChromeOptions();
            co.setBinary(CHROMIUM);
            co.addArguments(FLAGS);
            co.addArguments("--user-data-dir=" + profile);
            driver = new ChromeDriver(service, co);
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
            driver.get(server.url(BLANK));
            settleMs = awaitIdle(profile);
        }

        /** How long the browser took to go quiet after its blank page (ms), or -1 where /proc is not there to tell. */
        final long settleMs;

        /**
         * Waits until this browser's processes (those started with its profile directory) use under
         * 8 % of one core over two consecutive quarter-seconds, at most 15 s. A fresh headless
         * Chromium keeps working for a second or two after its first page: its WebUI omnibox popup
         * (chrome://omnibox-popup.top-chrome) loads ~90 resources and took ~0.6 s of CPU in a trace,
         * and measured without this wait it overlapped the measured page's load on the 2 cores.
         */
        static long awaitIdle(Path profile) {
            long t0 = System.nanoTime();
            if (cpuTicks(profile) < 0) return -1;
            int quiet = 0;
            while (quiet < 2 && System.nanoTime() - t0 < 15_000_000_000L) {
                long a = cpuTicks(profile);
                sleep(250);
                long used = cpuTicks(profile) - a;      // clock ticks, 100 per second on Linux
                quiet = used <= 2 ? quiet + 1 : 0;
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }

        /** utime + stime of every process whose command line holds the profile directory, -1 without /proc. */
        static long cpuTicks(Path profile) {
            Path proc = Path.of("/proc");
            if (!Files.isDirectory(proc)) return -1;
            String marker = "--user-data-dir=" + profile;
            long sum = 0;
            try (Stream<Path> ps = Files.list(proc)) {
                for (Path p : (Iterable<Path>) ps::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) continue;
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
                        if (!cmd.contains(marker)) continue;
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // fields 14, 15: utime, stime
                    } catch (IOException | RuntimeException e) {
                        // the process ended while it was read
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return sum;
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteTree(profile);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> measure(BenchServer server, Variant v, Options o, String harness, Browser shared) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("variant", v.name);
        Browser b = shared != null ? shared : new Browser(server);
        ChromeDriver d = b.driver;
        try {
            r.put("browserVersion", d.getCapabilities().getBrowserVersion());
            r.put("browserSettleMs", b.settleMs);
            JavascriptExecutor js = d;
            Map<String, Object> st = navigate(d, server, v.path, harness, 90);
            // the requests that arrived before the page said ready (not those between ready and this poll)
            double readyEpochMs = num(js.executeScript("return performance.timeOrigin + __nb.readyAt"));
            List<BenchServer.Hit> toReady = new ArrayList<>(), afterReady = new ArrayList<>();
            for (BenchServer.Hit h : server.drainLog()) (h.atEpochMs <= readyEpochMs ? toReady : afterReady).add(h);
            r.put("timeline", js.executeScript(TIMELINE));
            if (v.name.equals("empty")) {                // the fixed cost only: nothing to infer
                r.put("runtime", "empty page");
                r.put("readyMs", st.get("ready"));
                r.put("readyPlusFirstMs", num(st.get("ready")));
                r.put("crossOriginIsolated", js.executeScript("return self.crossOriginIsolated"));
                r.put("timerResolutionMs", js.executeScript("return __nb.timerResolution()"));
                downloads(toReady, afterReady, r);
                return r;
            }
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("n", o.n);
            opts.put("warmup", o.warmup);
            opts.put("steadyLast", o.steady);
            opts.put("digitsUrl", DIGITS_URL);
            opts.put("cameraUrl", CAMERA_URL);
            Map<String, Object> res = (Map<String, Object>) js.executeScript("return __nb.run(arguments[0])", opts);
            r.putAll(res);
            if (v.numera) checkRuntime(v, res);          // the page must really run the runtime it was asked for
            r.put("readyPlusFirstMs", num(res.get("readyMs")) + num(res.get("firstMs")));
            heap(d, js, o.frames, r);
            sleep(300);                                  // let late requests (service worker pre-cache) arrive
            afterReady.addAll(server.drainLog());
            downloads(toReady, afterReady, r);
        } catch (RuntimeException e) {
            r.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            System.out.println("    " + v.name + " failed: " + e.getMessage());
        } finally {
            if (shared == null) b.close();
        }
        return r;
    }

    /**
     * One more cold load of a page in a fresh browser: navigation → ready and the first inference, as
     * in {@link #measure} (same harness, same inputs), nothing else. {readyMs, firstMs, readyPlusFirstMs}
     * or {error}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> loadOnly(BenchServer server, Variant v, String harness, Browser shared) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        Browser b = shared != null ? shared : new Browser(server);
        try {
            ChromeDriver d = b.driver;
            Map<String, Object> st = navigate(d, server, v.path, harness, 90);
            server.drainLog();
            s.put("readyMs", num(st.get("ready")));
            if (v.name.equals("empty")) {
                s.put("readyPlusFirstMs", num(st.get("ready")));
                return s;
            }
            Map<String, Object> opts = Map.of("firstOnly", true, "digitsUrl", DIGITS_URL, "cameraUrl", CAMERA_URL);
            Map<String, Object> res = (Map<String, Object>) d.executeScript("return __nb.run(arguments[0])", opts);
            if (v.numera) checkRuntime(v, res);
            s.put("firstMs", num(res.get("firstMs")));
            s.put("readyPlusFirstMs", num(st.get("ready")) + num(res.get("firstMs")));
            s.put("timeline", d.executeScript(TIMELINE));   // after the first inference, so it cannot slow it
        } catch (RuntimeException e) {
            s.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (shared == null) b.close();
        }
        return s;
    }

    /**
     * The run's load figures become the medians over all its cold loads (the full measurement's and the
     * extra ones); the full measurement's own are kept as {@code fullLoad}, every sample as {@code loadSamples}
     * (the extra ones with their own timeline: marks, requests, milestones).
     */
    static void poolLoads(Map<String, Object> r, List<Map<String, Object>> extra) {
        Map<String, Object> own = new LinkedHashMap<>();
        for (String m : List.of("readyMs", "firstMs", "readyPlusFirstMs")) if (r.containsKey(m)) own.put(m, num(r.get(m)));
        List<Map<String, Object>> samples = new ArrayList<>();
        samples.add(own);
        for (Map<String, Object> s : extra) if (!s.containsKey("error")) samples.add(s);
        r.put("fullLoad", own);
        r.put("loadSamples", samples);
        for (String m : own.keySet()) {
            List<Double> xs = new ArrayList<>();
            for (Map<String, Object> s : samples) xs.add(num(s.get(m)));
            r.put(m, Summary.median(xs));
        }
    }

    static void checkRuntime(Variant v, Map<String, Object> res) {
        String want = v.name.equals("numera-wasm") ? "numera wasm-gc" : "numera js";
        if (!want.equals(res.get("runtime"))) throw new IllegalStateException("asked for " + want + ", page runs " + res.get("runtime"));
    }

    /**
     * Where the page's time to ready went: the navigation entry's milestones and every resource
     * requested before ready (start, response end; ms since navigation start), from the page's own
     * Performance Timeline, and Numera's start marks (window.numeraBoot.marks: name, ms pairs).
     */
    static final String TIMELINE = "const r2 = x => Math.round(x * 10) / 10, nb = window.__nb;"
            + "const n = performance.getEntriesByType('navigation')[0] || {};"
            + "const out = {responseStart: r2(n.responseStart), responseEnd: r2(n.responseEnd), domInteractive: r2(n.domInteractive),"
            + " domContentLoaded: r2(n.domContentLoadedEventEnd), load: r2(n.loadEventEnd), ready: nb && nb.readyAt !== null ? r2(nb.readyAt) : null, resources: []};"
            + "for (const e of performance.getEntriesByType('resource')) {"
            + " if (out.ready !== null && e.startTime > out.ready) continue;"
            + " out.resources.push({name: new URL(e.name).pathname.replace(/^.*\\/(node_modules|generated)\\//, '$1/'), type: e.initiatorType,"
            + " start: r2(e.startTime), end: r2(e.responseEnd)}); }"
            + "for (const p of performance.getEntriesByType('paint')) out[p.name === 'first-contentful-paint' ? 'firstContentfulPaint' : 'firstPaint'] = r2(p.startTime);"
            + "const bm = (window.numeraBoot && window.numeraBoot.marks) || [], marks = [];"
            + "for (let i = 0; i + 1 < bm.length; i += 2) if (out.ready === null || bm[i + 1] <= out.ready) marks.push(bm[i] + ' ' + r2(bm[i + 1]));"
            + "if (marks.length) out.marks = marks;"
            + "const lf = (nb && nb.longFrames || []).filter(f => out.ready === null || f.startTime <= out.ready);"
            + "if (lf.length) out.longFrames = lf.map(f => ({start: r2(f.startTime), duration: r2(f.duration),"
            + " styleAndLayout: r2(f.renderStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0),"
            + " scripts: f.scripts.map(s => (s.invoker || s.invokerType) + ' ' + r2(s.startTime) + '+' + r2(s.duration))}));"
            + "return out;";

    /** The harness's inputs, served from bench/generated: 100 MNIST test digits, the camera box. */
    static final String DIGITS_URL = "/__data/digits.bin", CAMERA_URL = "/__data/camera.rgba";

    /**
     * Opens a page in this browser's tab with the harness injected before its scripts, the server's
     * request log emptied first, and waits for its ready ({@link #awaitReady}).
     */
    static Map<String, Object> navigate(ChromeDriver d, BenchServer server, String path, String harness, int seconds) {
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", harness));
        server.drainLog();
        d.get(server.url(path));
        return awaitReady(d, seconds);
    }

    /**
     * Waits for the page's ready (or its first error) with one command: polling would put a task on
     * the main thread the page is starting on every few milliseconds. Returns {ready, errors}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> awaitReady(JavascriptExecutor js, int seconds) {
        Map<String, Object> st = (Map<String, Object>) js.executeScript("return Promise.race([__nb.whenReady,"
                + " new Promise(r => setTimeout(r, arguments[0] * 1000))]).then(() => ({ready: __nb.readyAt, errors: __nb.errors}))", seconds);
        if (!((List<?>) st.get("errors")).isEmpty()) throw new IllegalStateException("page errors before ready: " + st.get("errors"));
        if (st.get("ready") == null) throw new IllegalStateException("page not ready after " + seconds + " s");
        return st;
    }

    /** The JVM side of the kernel measurement: the same KernelSet as the pages (synthetic input), made once. */
    private static KernelSet jvmKernels;

    /**
     * Kernel efficiency's sides measured together: the kernel pages (Wasm GC, TeaVM JS; each in a fresh
     * browser of its own, all open at once), the same {@link KernelSet} in this JVM and, for
     * kernels-jvm-avx2, in a child JVM limited to AVX2 ({@link KernelProcess}), each timed by
     * {@link BatchTimer} (warm-up, then ~20 ms batches). Per kernel: one untimed slice per side, then
     * {@code kernelSlices} rounds of one {@code kernelMillis} slice per side, the order of the sides
     * rotating per round. This machine's speed jumps between two levels ~1.7x apart, for a fraction of
     * a second to several seconds at a time (a JVM loop pinned to either core shows both: 410-480
     * against 720-790 µs for the whole network), so sides measured minutes apart, as before, compared
     * different moments, and even one side's median slice lands on either level. A side's figure per
     * kernel is its fastest ~20 ms batch over all its slices ({@code kernels}): the slowdown only ever
     * adds time, so each side's fastest batch is its speed at the fast level. Every slice's median batch
     * is kept too ({@code kernelSlices}).
     *
     * @return variant name → {variant, kernels: name → ns, kernelSlices: name → [ns], ...} or {variant, error}
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> measureKernels(BenchServer server, List<Variant> sides, Options o, String harness, Browser shared) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<Browser> opened = new ArrayList<>();
        Map<String, JavascriptExecutor> pages = new LinkedHashMap<>();
        KernelProcess avx2 = null;
        boolean sharedUsed = false;
        try {
            for (Variant v : sides) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("variant", v.name);
                r.put("method", "interleaved: the fastest ~20 ms batch of " + o.kernelSlices + " slices of " + o.kernelMillis + " ms per kernel and side, after one untimed slice");
                out.put(v.name, r);
                if (v.name.equals("kernels-jvm")) {
                    r.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", in the runner's process");
                    if (jvmKernels == null) jvmKernels = new KernelSet(null);
                    continue;
                }
                if (v.name.equals("kernels-jvm-avx2")) {
                    try {
                        avx2 = new KernelProcess(KernelProcess.AVX2_FLAGS);
                        r.put("jvm", avx2.description);
                    } catch (IOException e) {
                        r.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                        System.out.println("    " + v.name + " failed: " + e.getMessage());
                    }
                    continue;
                }
                try {
                    Browser b = shared != null && !sharedUsed ? shared : new Browser(server);   // one page per browser
                    if (b == shared) sharedUsed = true;
                    else opened.add(b);
                    r.put("browserVersion", b.driver.getCapabilities().getBrowserVersion());
                    navigate(b.driver, server, v.path, harness, 60);
                    r.put("crossOriginIsolated", b.driver.executeScript("return self.crossOriginIsolated"));
                    server.drainLog();
                    pages.put(v.name, b.driver);
                } catch (RuntimeException e) {
                    r.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                    System.out.println("    " + v.name + " failed: " + e.getMessage());
                }
            }
            List<String> live = new ArrayList<>();
            for (Variant v : sides) if (!out.get(v.name).containsKey("error")) live.add(v.name);
            for (int id = 0; id < KernelSet.NAMES.length; id++) {
                String name = KernelSet.NAMES[id];
                if (o.kernels != null && !o.kernels.contains(name)) continue;
                Map<String, List<double[]>> slices = new LinkedHashMap<>();   // side → {median, fastest} per slice
                for (int round = -1; round < o.kernelSlices; round++) {   // round -1: warm-up, not kept
                    for (int j = 0; j < live.size(); j++) {
                        String side = live.get((j + id + Math.max(round, 0)) % live.size());
                        if (out.get(side).containsKey("error")) continue;
                        try {
                            double[] t;
                            if (side.equals("kernels-jvm")) {
                                t = BatchTimer.time(jvmKernels, id, o.kernelMillis, () -> System.nanoTime() / 1e6);
                            } else if (side.equals("kernels-jvm-avx2")) {
                                t = avx2.time(name, o.kernelMillis);
                            } else {
                                String[] f = String.valueOf(pages.get(side).executeScript("return window.numeraKernels.run(arguments[0], arguments[1])", name, o.kernelMillis)).split(" ");
                                t = new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1])};
                            }
                            if (round >= 0) slices.computeIfAbsent(side, x -> new ArrayList<>()).add(t);
                        } catch (RuntimeException | IOException e) {
                            out.get(side).put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                            System.out.println("    " + side + " failed: " + e.getMessage());
                        }
                    }
                }
                slices.forEach((side, ts) -> {
                    List<Double> medians = new ArrayList<>();
                    double fastest = Double.POSITIVE_INFINITY;
                    for (double[] t : ts) {
                        medians.add(t[0]);
                        fastest = Math.min(fastest, t[1]);
                    }
                    Map<String, Object> r = out.get(side);
                    ((Map<String, Object>) r.computeIfAbsent("kernels", x -> new LinkedHashMap<String, Object>())).put(name, fastest);
                    ((Map<String, Object>) r.computeIfAbsent("kernelSlices", x -> new LinkedHashMap<String, Object>())).put(name, medians);
                });
            }
            for (Map<String, Object> r : out.values()) {        // a side that failed midway keeps only its error
                if (r.containsKey("error")) {
                    r.remove("kernels");
                    r.remove("kernelSlices");
                }
            }
        } finally {
            for (Browser b : opened) b.close();
            if (avx2 != null) avx2.close();
        }
        return out;
    }

    /**
     * Bytes allocated per frame (V8 sampling heap profiler, objects already collected included),
     * net of the harness's fixed cost (a 0-frame pass measured the same way), on the second of two
     * equal passes run back to back (the first pass's figure is kept too: it includes one-off costs
     * such as code tiering up), and bytes retained per frame over a third pass between two forced
     * GCs, for each workload the page offers (Numera:
     * the camera loop's per-frame step, then the recognize() API). The first workload's figures are the run's top-level alloc* keys;
     * all of them are in "heapWorkloads".
     */
    @SuppressWarnings("unchecked")
    static void heap(ChromeDriver d, JavascriptExecutor js, int frames, Map<String, Object> r) {
        d.executeCdpCommand("HeapProfiler.enable", Map.of());
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object w : (List<Object>) js.executeScript("return __nb.workloads()")) {
            all.add(heap(d, js, frames, String.valueOf(w)));
        }
        r.putAll(all.get(0));
        r.put("heapWorkloads", all);
    }

    private static Map<String, Object> heap(ChromeDriver d, JavascriptExecutor js, int frames, String workload) {
        // The first pass takes what happens once in a long loop (code tiering up, view caches filling,
        // and what V8 re-warms after the previous workload's forced GCs); then the harness's own cost
        // (a 0-frame pass) and the second, identical pass, the steady state a frame leaves behind. No
        // forced GC before either: the pass after one carries a one-off of 13-38 KB, not garbage per
        // frame (see docs/benchmarks.md, Method notes, "Allocation").
        double first = sample(d, js, frames, workload, new LinkedHashMap<>());
        Map<String, Double> baseline = new LinkedHashMap<>();
        double base = sample(d, js, 0, workload, baseline);
        Map<String, Double> byFunction = new LinkedHashMap<>();
        double total = sample(d, js, frames, workload, byFunction);
        // Retention: a third pass between two forced GCs, so only what the frames keep alive counts.
        d.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> before = d.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        js.executeScript("return __nb.frames(arguments[0], arguments[1])", frames, workload);
        Map<String, Object> afterNoGc = d.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        d.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> afterGc = d.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        baseline.forEach((k, v) -> byFunction.merge(k, -v, Double::sum));
        List<Map.Entry<String, Double>> top = new ArrayList<>(byFunction.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> topList = new ArrayList<>();
        for (int i = 0; i < Math.min(5, top.size()); i++) {
            if (top.get(i).getValue() / frames >= 1) topList.add(top.get(i).getKey() + " " + Math.round(top.get(i).getValue() / frames) + " B/frame");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("heapWorkload", workload + " x " + frames);
        r.put("allocBytesTotal", Math.round(total));
        r.put("allocBytesHarness", Math.round(base));
        r.put("allocBytesPerFrame", Math.max(0, Math.round((total - base) / frames)));
        r.put("allocBytesFirstPassPerFrame", Math.max(0, Math.round((first - base) / frames)));
        r.put("allocTop", topList);
        r.put("heapUsedBefore", before.get("usedSize"));
        r.put("heapGrowthNoGc", num(afterNoGc.get("usedSize")) - num(before.get("usedSize")));
        r.put("heapGrowthAfterGc", num(afterGc.get("usedSize")) - num(before.get("usedSize")));
        r.put("heapRetainedPerFrame", (num(afterGc.get("usedSize")) - num(before.get("usedSize"))) / frames);
        return r;
    }

    /** Sampled bytes allocated while running {@code frames} frames of a workload; per-function totals into byFunction. */
    @SuppressWarnings("unchecked")
    private static double sample(ChromeDriver d, JavascriptExecutor js, int frames, String workload, Map<String, Double> byFunction) {
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("samplingInterval", 64);
        sampling.put("includeObjectsCollectedByMajorGC", true);
        sampling.put("includeObjectsCollectedByMinorGC", true);
        d.executeCdpCommand("HeapProfiler.startSampling", sampling);
        js.executeScript("return __nb.frames(arguments[0], arguments[1])", frames, workload);
        Map<String, Object> prof = d.executeCdpCommand("HeapProfiler.stopSampling", Map.of());
        keepProfile(prof, workload, frames);
        return walk((Map<String, Object>) ((Map<String, Object>) prof.get("profile")).get("head"), byFunction);
    }

    /**
     * With -Dnumera.heapProfiles=DIR, each pass's raw sampling profile (the whole call tree of every sampled
     * allocation, which the per-function totals above flatten) goes to DIR/WORKLOAD-FRAMES-N.json: the way to
     * find which caller makes a function allocate.
     */
    private static void keepProfile(Map<String, Object> profile, String workload, int frames) {
        String dir = System.getProperty("numera.heapProfiles");
        if (dir == null || frames == 0) return;
        try {
            Files.createDirectories(Path.of(dir));
            for (int n = 1; ; n++) {
                Path file = Path.of(dir, workload.replace(' ', '-') + "-" + frames + "-" + n + ".json");
                if (!Files.exists(file)) {
                    Files.writeString(file, new Json().toJson(profile));
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the heap profile in " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static double walk(Map<String, Object> node, Map<String, Double> byFunction) {
        double self = num(node.get("selfSize"));
        if (self > 0) {
            Map<String, Object> cf = (Map<String, Object>) node.get("callFrame");
            String name = String.valueOf(cf.get("functionName"));
            String url = String.valueOf(cf.get("url"));
            String key = (name.isEmpty() ? "(anonymous)" : name) + " @" + url.substring(url.lastIndexOf('/') + 1);
            byFunction.merge(key, self, Double::sum);
        }
        double sum = self;
        Object children = node.get("children");
        if (children instanceof List) for (Object c : (List<Object>) children) sum += walk((Map<String, Object>) c, byFunction);
        return sum;
    }

    /**
     * Bytes downloaded. "To ready" counts what the page itself requested before it said ready; requests
     * with Cache-Control: no-cache (a service worker's pre-cache with {@code cache: "reload"}) and
     * requests after ready count only in the "all" totals.
     */
    static void downloads(List<BenchServer.Hit> toReady, List<BenchServer.Hit> later, Map<String, Object> r) {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        long raw = 0, gz = 0, rawAll = 0, gzAll = 0, gzModel = 0;
        List<BenchServer.Hit> all = new ArrayList<>(toReady);
        all.addAll(later);
        Set<String> pagePaths = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            BenchServer.Hit h = all.get(i);
            if (h.file == null) continue;
            boolean page = i < toReady.size() && !h.revalidate;
            Map<String, Object> f = files.get(h.path);
            if (f == null) {
                f = new LinkedHashMap<>();
                f.put("path", h.path);
                f.put("raw", h.bytes);
                f.put("gzip", Gzip.size(h.file));
                f.put("model", isModel(h.path));
                f.put("beforeReady", false);
                f.put("how", "");
                files.put(h.path, f);
                rawAll += h.bytes;
                gzAll += (long) f.get("gzip");
            }
            if (page && pagePaths.add(h.path)) {
                f.put("beforeReady", true);
                raw += h.bytes;
                gz += (long) f.get("gzip");
                if (isModel(h.path)) gzModel += (long) f.get("gzip");
            }
            String how = h.revalidate ? "pre-cache" : i >= toReady.size() ? "after ready" : "page";
            if (!String.valueOf(f.get("how")).contains(how)) f.put("how", (f.get("how").toString().isEmpty() ? "" : f.get("how") + ", ") + how);
        }
        List<String> notFound = new ArrayList<>();
        for (BenchServer.Hit h : all) if (h.status == 404) notFound.add(h.path);
        r.put("bytesRaw", raw);
        r.put("bytesGzip", gz);
        r.put("bytesGzipModel", gzModel);
        r.put("bytesGzipCode", gz - gzModel);
        r.put("bytesRawAll", rawAll);
        r.put("bytesGzipAll", gzAll);
        r.put("files", new ArrayList<>(files.values()));
        if (!notFound.isEmpty()) r.put("notFound", notFound);
    }

    /** Model weights (Numera's .nmod, the ONNX file, the TF.js layer list and weights) rather than runtime code. */
    static boolean isModel(String path) {
        return path.endsWith(".nmod") || path.endsWith(".onnx") || path.contains("/model-tfjs.");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
