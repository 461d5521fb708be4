package dev.numera.bench.browser;

import dev.numera.bench.Bench;
import dev.numera.bench.BenchDoc;
import dev.numera.bench.Project;
import dev.numera.bench.Results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Page weight: every artefact of the built site (web-app/target/site), raw and gzip -9. Which
 * artefacts each runtime path actually downloads comes from the browser runner's request log.
 * <pre>
 *   weight [--site DIR]
 * </pre>
 */
public final class PageWeight {
    private PageWeight() {
    }

    public static void main(String[] args) {
        Path site = Project.site();
        for (int i = 0; i < args.length; i++) {
            if ("--site".equals(args[i])) site = Path.of(Bench.value(args, i++));
            else throw new Bench.UsageError("unknown option " + args[i]);
        }
        if (!Files.isDirectory(site)) {
            System.err.println("no site at " + site + ": build it first (mvn -B -q -pl benchmarks -am package -DskipTests)");
            System.exit(2);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "java -jar benchmarks/target/benchmarks.jar weight");
        out.put("machine", Project.machine());
        out.put("site", Project.root().relativize(site.toAbsolutePath().normalize()).toString());
        out.put("files", listing(site));
        Results.write("weight", out);
        BenchDoc.generate();
    }

    /** Every file under dir: path (relative, '/'-separated), raw and gzip bytes; sorted by path. */
    public static List<Map<String, Object>> listing(Path dir) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("path", dir.relativize(f).toString().replace('\\', '/'));
                try {
                    r.put("raw", Files.size(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                r.put("gzip", Gzip.size(f));
                rows.add(r);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
