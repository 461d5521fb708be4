package dev.numera.bench.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The JVM side of the kernel measurement in a process of its own, so that it can run with other JVM
 * flags than the runner (e.g. {@code -XX:UseAVX=2}: 16 vector registers, as V8's code uses). The
 * protocol on stdin/stdout, one line each way: it prints {@code ready} once its {@link KernelSet}
 * (synthetic input, like the pages') is built; then for each line {@code "name millis"} it prints
 * {@code "median fastest"} ns per operation from {@link BatchTimer}, or {@code ""} for an unknown
 * kernel, the same answer as the pages' {@code window.numeraKernels.run(name, millis)}. Ends at EOF.
 */
public final class KernelServer {
    private KernelServer() {
    }

    public static void main(String[] args) throws IOException {
        KernelSet k = new KernelSet(null);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split(" ");
            double[] t = f.length == 2 ? BatchTimer.time(k, KernelSet.index(f[0]), Integer.parseInt(f[1]), () -> System.nanoTime() / 1e6) : null;
            System.out.println(t == null ? "" : t[0] + " " + t[1]);
            System.out.flush();
        }
    }
}
