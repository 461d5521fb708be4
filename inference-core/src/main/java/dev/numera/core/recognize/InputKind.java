package dev.numera.core.recognize;

/** Where the pixels come from, which decides the preprocessing. */
public enum InputKind {
    /** A photo crop of the target box: dark ink on paper, lit unevenly → adaptive threshold first. */
    CAMERA,
    /** A drawing: light ink on a dark canvas (rasterised strokes or canvas pixels). */
    DRAWN,
    /** A small digit image of any size, light ink on dark (e.g. an MNIST digit). */
    RAW
}
