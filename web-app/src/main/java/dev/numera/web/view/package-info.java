/**
 * What the page shows of a recognition: the verdict with its bars and announcement (a guess under 70 %
 * marked as one), the small read-outs that repeat it where the eye is (on the camera's preview, under the
 * pad), the network's layers, the camera's thresholded box and 28x28 input, and the model panel. In: the inference
 * core's Prediction (and ModelFile for the panel). Out: text, transforms and canvas pixels only,
 * written when they change and from cached strings, so a camera frame allocates nothing here.
 */
package dev.numera.web.view;
