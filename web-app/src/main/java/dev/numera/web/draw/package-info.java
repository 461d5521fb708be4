/**
 * The drawing pad: pointer events (mouse, touch, pen) into strokes, painted on the visible canvas
 * and rasterised by the inference core's StrokeRasterizer. In: Pointer Events on the canvas (each
 * move with every position the browser coalesced into it), clear and undo. Out: a 280x280 ink-high
 * float image (never read back from the canvas) and an inkChanged(settled) call to its Listener, the App.
 */
package dev.numera.web.draw;
