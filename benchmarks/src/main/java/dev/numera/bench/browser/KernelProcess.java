package dev.numera.bench.browser;

import dev.numera.bench.kernels.KernelServer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KernelServer} in a child JVM with extra flags, driven line by line: the kernel
 * measurement's "JVM on 16 vector registers" side ({@code -XX:UseAVX=2}). On a CPU with AVX-512,
 * HotSpot's C2 allocates floats in 32 vector registers (xmm0-31); V8 uses 16 (xmm0-15) for
 * WebAssembly and JavaScript alike, so a register-blocked kernel that fits in 32 but not in 16 spills
 * only in the browser. Limiting C2 to AVX2 gives the JVM V8's register file, which separates that
 * hardware effect from the compilers' code.
 */
final class KernelProcess implements Closeable {
    /** The flags of the kernels-jvm-avx2 side; -XX:+IgnoreUnrecognizedVMOptions so a non-x86 JVM still starts (and then runs as is). */
    static final List<String> AVX2_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:UseAVX=2");

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    final String description;

    KernelProcess(List<String> flags) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KernelServer.class.getName());
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        if (!"ready".equals(first)) {
            close();
            throw new IOException("kernel process did not start (" + String.join(" ", flags) + "): " + first);
        }
        description = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", a child process with "
                + String.join(" ", flags) + " (CPU " + (avx512() ? "with" : "without") + " AVX-512)";
    }

    /** {median batch, fastest batch} ns per operation of kernel {@code name}, timed for ~millis ms. */
    double[] time(String name, int millis) throws IOException {
        in.println(name + " " + millis);
        String line = out.readLine();
        if (line == null || line.isEmpty()) throw new IOException("kernel process gave no time for " + name + ": " + line);
        String[] f = line.split(" ");
        return new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    /** Whether this machine's CPU has AVX-512 (Linux: the avx512f flag in /proc/cpuinfo). */
    static boolean avx512() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) return (" " + line + " ").contains(" avx512f ");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
