package dev.numera.web.harness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a fake-camera video (YUV4MPEG2, 4:2:0) for Chromium's --use-file-for-fake-video-capture:
 * MNIST digits drawn dark on light paper, with faint blue ruled lines and a soft shadow across
 * one corner, each digit held for {@code framesPerDigit} frames (an index of -1: blank paper). Chromium loops the file.
 * Every frame of a digit is the same picture, unless written with a sensor's noise ({@link #write(Path, Mnist, int[], int, int, double, long)}).
 */
public final class Y4m {
    public static final int W = 640;
    public static final int H = 480;
    public static final int FPS = 10;
    static final int PAPER = 205;
    static final int INK = 45;

    private Y4m() {
    }

    public static void write(Path file, Mnist mnist, int[] indices, int framesPerDigit) throws IOException {
        write(file, mnist, indices, framesPerDigit, FPS, 0, 0);
    }

    /**
     * The same at {@code fps} frames a second (a real camera's 30), each frame with a sensor's noise: independent
     * Gaussian noise of {@code noise} grey levels (standard deviation, of 0..255) on every pixel's luma, from {@code seed},
     * so the frames of a digit differ as a real camera's do (0: no noise, every frame of a digit the same).
     */
    public static void write(Path file, Mnist mnist, int[] indices, int framesPerDigit, int fps, double noise, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("YUV4MPEG2 W" + W + " H" + H + " F" + fps + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            byte[][] frames = new byte[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                frames[i] = frame(mnist, indices[i]);
            }
            byte[] noisy = new byte[W * H * 3 / 2];
            for (byte[] f : frames) {
                for (int k = 0; k < framesPerDigit; k++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(noise > 0 ? addNoise(f, noise, random, noisy) : f);
                }
            }
        }
    }

    /** f with Gaussian noise of sd {@code noise} added to its luma (Y plane), kept in video range, into {@code into}. */
    private static byte[] addNoise(byte[] f, double noise, Random random, byte[] into) {
        System.arraycopy(f, 0, into, 0, f.length);
        for (int i = 0; i < W * H; i++) {
            into[i] = (byte) Math.max(16, Math.min(235, Math.round((f[i] & 255) + noise * random.nextGaussian())));
        }
        return into;
    }

    /**
     * The camera box of a frame as the page reads it from this video: the {@code side} x {@code side} pixels in its middle
     * (Camera.placeBox's box, 140 px in a 640x480 video), with a sensor's noise of {@code noise} grey levels (sd) on each
     * pixel's luma as {@link #write} adds it, turned to RGB as Chromium shows the video (BT.601, limited range: luma 200 is
     * grey 214), as packed pixels {@code R | G << 8 | B << 16 | A << 24} (Recognizer.recognizeRgba's).
     */
    public static void box(byte[] frame, int side, double noise, Random random, int[] into) {
        int x0 = (W - side) / 2, y0 = (H - side) / 2;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int fx = x0 + x, fy = y0 + y, c = W * H + (fy / 2) * (W / 2) + fx / 2;
                double luma = Math.max(16, Math.min(235, Math.round((frame[fy * W + fx] & 255) + noise * random.nextGaussian())));
                double l = 1.164 * (luma - 16), u = (frame[c] & 255) - 128, v = (frame[c + W * H / 4] & 255) - 128;
                into[y * side + x] = rgb(l + 1.596 * v) | rgb(l - 0.392 * u - 0.813 * v) << 8 | rgb(l + 2.017 * u) << 16 | 255 << 24;
            }
        }
    }

    private static int rgb(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** One frame: Y plane, then U and V at half resolution. */
    public static byte[] frame(Mnist mnist, int index) {
        byte[] f = new byte[W * H * 3 / 2];
        boolean[] rule = new boolean[H];
        for (int y = 30; y < H; y += 32) { // ruled lines every 32 px, 2 px thick
            rule[y] = true;
            rule[y + 1 < H ? y + 1 : y] = true;
        }
        int size = 112; // the 28x28 digit scaled x4: its 20 px core spans ~80 px of the 140 px box
        int ox = (W - size) / 2;
        int oy = (H - size) / 2;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double paper = rule[y] ? PAPER - 7 : PAPER;
                // soft shadow from the top-left corner (a hand or phone), up to 35% darker
                double d = Math.hypot(x, y) / 420.0;
                double shade = d >= 1 ? 1 : 0.65 + 0.35 * d * d * (3 - 2 * d);
                double ink = 0;
                if (index >= 0 && x >= ox && x < ox + size && y >= oy && y < oy + size) {
                    ink = bilinear(mnist, index, (x - ox + 0.5) / 4.0 - 0.5, (y - oy + 0.5) / 4.0 - 0.5) / 255.0;
                }
                double v = (paper * (1 - ink) + INK * ink) * shade;
                f[y * W + x] = (byte) Math.max(16, Math.min(235, Math.round(v)));
            }
        }
        int u0 = W * H;
        int v0 = u0 + W * H / 4;
        for (int y = 0; y < H / 2; y++) {
            for (int x = 0; x < W / 2; x++) {
                boolean line = rule[2 * y] || rule[2 * y + 1];
                f[u0 + y * (W / 2) + x] = (byte) (line ? 138 : 128); // a bluish tint on the lines
                f[v0 + y * (W / 2) + x] = (byte) (line ? 122 : 128);
            }
        }
        return f;
    }

    private static double bilinear(Mnist m, int index, double fx, double fy) {
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        return (1 - ay) * ((1 - ax) * at(m, index, x0, y0) + ax * at(m, index, x0 + 1, y0))
                + ay * ((1 - ax) * at(m, index, x0, y0 + 1) + ax * at(m, index, x0 + 1, y0 + 1));
    }

    private static int at(Mnist m, int index, int x, int y) {
        return x < 0 || y < 0 || x > 27 || y > 27 ? 0 : m.pixel(index, x, y);
    }
}
