package dev.numera.bench.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** gzip -9 sizes of files, as a static host with compression would serve them. */
public final class Gzip {
    private static final Map<Path, Long> CACHE = new ConcurrentHashMap<>();

    private Gzip() {
    }

    public static long size(Path file) {
        return CACHE.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return size(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static long size(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gz.write(data);
            }
            return bos.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
