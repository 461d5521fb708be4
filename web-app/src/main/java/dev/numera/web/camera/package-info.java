/**
 * The webcam path: getUserMedia, start/stop, switching cameras, noticing a camera that stops,
 * and the frame loop. In: the browser's MediaStream and video element. Out: each frame's 140x140
 * target box as packed RGBA ints in a reused buffer, to a FrameListener (the App), which does the
 * recognition; the user-facing camera messages stay here.
 */
package dev.numera.web.camera;
