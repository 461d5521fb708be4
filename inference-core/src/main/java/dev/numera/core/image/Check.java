package dev.numera.core.image;

/**
 * Argument checks shared by the image classes. In Wasm GC an out-of-bounds array access is a trap
 * that no Java catch can stop, so every public entry point validates lengths here first and throws
 * an IllegalArgumentException the UI can show instead.
 */
final class Check {
    private Check() {
    }

    /** Largest pixel count we accept: keeps w*h, 4*w*h and 255*w*h inside int. */
    static final int MAX_PIXELS = 8_000_000;

    static int pixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * (long) height > MAX_PIXELS) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height
                    + " (at most " + MAX_PIXELS + " pixels)");
        }
        return width * height;
    }

    static void floats(float[] image, int length, String name) {
        if (image == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (image.length != length) {
            throw new IllegalArgumentException(name + " has length " + image.length + ", expected " + length);
        }
    }

    static void bytes(byte[] image, int length, String name) {
        if (image == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (image.length != length) {
            throw new IllegalArgumentException(name + " has length " + image.length + ", expected " + length);
        }
    }

    static void ints(int[] image, int length, String name) {
        if (image == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (image.length != length) {
            throw new IllegalArgumentException(name + " has length " + image.length + ", expected " + length);
        }
    }

    static void size(int width, int height, int expectedWidth, int expectedHeight, String name) {
        if (width != expectedWidth || height != expectedHeight) {
            throw new IllegalArgumentException(name + " is " + width + "x" + height + ", this object was built for "
                    + expectedWidth + "x" + expectedHeight);
        }
    }
}
