package dev.numera.training.augment;

/**
 * What the two imitations share to print a 28x28 digit larger (the camera's box, the pad's canvas): the box around its
 * ink, and the taps of a bilinear upscale. Allocation-free.
 */
final class Upscale {
    private Upscale() {
    }

    /**
     * The box around the values above {@code level} in a side x side image at {@code offset}: {@code box} = {minX, minY,
     * maxX, maxY}, inclusive.
     *
     * @return false when no value is above the level ({@code box} then undefined)
     */
    static boolean inkBox(float[] images, int offset, int side, float level, int[] box) {
        int minX = side, minY = side, maxX = -1, maxY = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (images[offset + y * side + x] > level) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        box[0] = minX;
        box[1] = minY;
        box[2] = maxX;
        box[3] = maxY;
        return maxX >= 0;
    }

    /**
     * The bilinear taps of each output pixel along one axis: pixel j's centre, j + 0.5, samples the source at
     * {@code s = min + (j + 0.5 - origin) / k - 0.5}, between source pixels {@code index[j] = floor(s)} and the next, at
     * {@code frac[j] = s - floor(s)}: the source from {@code min} on drawn from {@code origin} on, {@code k} output
     * pixels per source pixel.
     *
     * @param index [n] out; @param frac [n] out
     */
    static void taps(float origin, int min, float k, int[] index, float[] frac) {
        float inv = 1f / k;
        for (int j = 0; j < index.length; j++) {
            float s = min + (j + 0.5f - origin) * inv - 0.5f;
            int i = (int) Math.floor(s);
            index[j] = i;
            frac[j] = s - i;
        }
    }
}
