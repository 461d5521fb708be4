/**
 * The JavaScript boundary: bindings jso-apis lacks (Pointer Events, media devices, small
 * {@code @JSBody} helpers), what loader.js hands over and the window.numera export. Pixels and
 * floats cross in bulk ({@link dev.numera.web.jso.RgbaBuffer}, {@link dev.numera.web.jso.Float32Bridge}):
 * one copy per frame or call, never per element, because in Wasm GC each element access is a call
 * into JavaScript.
 */
package dev.numera.web.jso;
