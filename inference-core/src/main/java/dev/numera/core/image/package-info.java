/**
 * Image algorithms between the pixels the browser gives us and the 28x28 the network reads.
 *
 * <p>Convention inside the pipeline: images are row-major {@code float[]} with explicit width and
 * height; 0.0 = background, 1.0 = full ink ("ink-high", white on black, like MNIST). The one
 * exception is the grey-level image fed to the threshold: 0..255, paper-bright, like a photo.
 *
 * <p>Camera (a 140x140 box of the video frame):
 * <pre>
 *   RGBA (140x140, packed ints) --Luminance.cameraGrey--&gt; grey 0..255 (140x140)
 *     --AdaptiveThreshold (15x15, offset 8, contrast 10 %)--&gt; ink 0/1 (140x140)
 *     --InkCheck (pieces touching two sides, and a finger's outline at one, left out; too little ink for the box)--&gt; present? reason, the digit's box --InkCheck.keepDigit--&gt;
 *     --StrokeWidth (a thin pen's strokes dilated towards a tenth of the digit's box)--&gt; ink 0/1 (140x140)
 *     --AreaDownscale 140→112→56→28--&gt; ink 0..1 (28x28)
 *     --MnistNormalizer (box 20 px, centre of mass at 14,14)--&gt; network input (28x28)
 *     (MultiStepNormalizer: a digit under 14 px at 28 is normalised from 56, 112 or 140 instead)
 * </pre>
 * (AdaptiveThreshold.applyRgba does the first two steps in one pass, without the float grey image.
 * InkCheck finds the ink's 8-connected components with InkComponents and, in a camera box, cuts the lines
 * running in from the sides with LineCut before it leaves out what runs across; LinePieces, DarkShapes and
 * SeveralDigits are its other rules: lines' pieces, a finger's outline or a blot, several digits side by side.)
 * Drawing (pointer strokes in a 280x280 canvas):
 * <pre>
 *   strokes --StrokeRasterizer (brush = (longest side + cell) / 9)--&gt; ink 0..1 (280x280)
 *     --InkCheck (too small by the digit's extent alone: the brush scales with the drawing)--&gt; --keepDigit--&gt;
 *     --AreaDownscale 280→140→112→56→28--&gt; (28x28) --MnistNormalizer--&gt; network input (28x28)
 *     (the same MultiStepNormalizer rule: from 56, 112, 140 or 280 for a small drawing)
 * </pre>
 * {@link dev.numera.core.image.MnistNormalizer} accepts any size and averages the cropped box down
 * to 20 px in one area-coverage step, so it can take any image of the downscale's chain.
 * {@link dev.numera.core.image.MultiStepNormalizer} uses that: a small digit, 4 px tall at 28x28 for a
 * 40 px drawing, would be blown up 5x from there into grey blocks (MNIST digits drawn that size read
 * half the time), so it is normalised from the coarsest image of the chain in which it spans 14 px.
 *
 * <p>Every class that needs scratch space is built for one image size and allocates it in its
 * constructor; the per-frame methods allocate nothing. Every public method checks array lengths
 * against width*height and throws IllegalArgumentException, because in Wasm GC an out-of-bounds
 * access is a trap no catch can stop. No reflection, threads, Random, Math.round or String.format:
 * the package runs unchanged on the JVM and under TeaVM (JS and Wasm GC). Per-frame code also avoids
 * what allocates only under TeaVM: Math.floor/ceil (Wasm GC boxes the argument on its way to
 * JavaScript), System.arraycopy and long arithmetic (TeaVM's JavaScript makes a typed-array view or
 * an object for each).
 */
package dev.numera.core.image;
