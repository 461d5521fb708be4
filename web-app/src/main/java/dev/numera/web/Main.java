package dev.numera.web;

/** Entry point of both builds (JavaScript and WebAssembly GC); loader.js calls it once the model bytes are in. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        App.start();
    }
}
