/**
 * The {@link dev.numera.core.recognize.Recognizer}: source pixels (camera box, canvas drawing or a
 * small image) → preprocessing → network → {@link dev.numera.core.recognize.Prediction}. The single
 * pipeline behind the browser app, the {@code numera predict} command and the tests.
 */
package dev.numera.core.recognize;
