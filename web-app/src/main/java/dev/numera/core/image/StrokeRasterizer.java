package dev.numera.core.image;

/** PLACEHOLDER with the shape of the image package's rasterizer; delete on merge. */
public final class StrokeRasterizer {
    private final float[] xs = new float[100000];
    private final float[] ys = new float[100000];
    private final int[] starts = new int[10000];
    private int n;
    private int strokes;
    private float brush = 18f;

    public void beginStroke() { starts[strokes++] = n; }
    public void addPoint(float x, float y) { xs[n] = x; ys[n] = y; n++; }
    public void endStroke() { }
    public boolean undoLastStroke() { if (strokes == 0) return false; n = starts[--strokes]; return true; }
    public void clear() { n = 0; strokes = 0; }
    public int strokeCount() { return strokes; }
    public int pointCount() { return n; }
    public float fitBrushToDrawing() { return brush; }
    public float brushDiameter() { return brush; }

    public void rasterise(float[] out, int width, int height) {
        java.util.Arrays.fill(out, 0f);
        float r = brush / 2;
        for (int i = 0; i < n; i++) {
            int x0 = (int) Math.max(0, xs[i] - r), x1 = (int) Math.min(width - 1, xs[i] + r);
            int y0 = (int) Math.max(0, ys[i] - r), y1 = (int) Math.min(height - 1, ys[i] + r);
            for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) {
                float dx = x + 0.5f - xs[i], dy = y + 0.5f - ys[i];
                if (dx * dx + dy * dy <= r * r) out[y * width + x] = 1f;
            }
        }
    }
}
