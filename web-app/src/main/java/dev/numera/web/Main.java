package dev.numera.web;

/**
 * Entry point of both builds (JavaScript and WebAssembly GC); loader.js calls it once the model request
 * has finished: with the model bytes, or with the reason they are missing (App shows that).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        App.start();
    }
}
