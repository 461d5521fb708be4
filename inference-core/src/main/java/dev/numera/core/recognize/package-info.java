/**
 * The {@link dev.numera.core.recognize.Recognizer}: source pixels (camera box, canvas drawing or a
 * small image) → preprocessing → network → {@link dev.numera.core.recognize.Prediction}. The single
 * pipeline behind the browser app, the {@code numera predict} command and the tests. Its steps from an
 * ink image to the network's 28x28 are {@link dev.numera.core.recognize.DigitInput}, which the training's
 * imitations of the camera and the pad run too. {@link dev.numera.core.recognize.Photo} reads a picture of
 * any size (the page's "Open a picture", predict's default) through it, as the camera box would hold the
 * picture or as a drawing.
 */
package dev.numera.core.recognize;
