/**
 * A picture opened from a file (a photo or a scan of a digit; also the way in for a visitor who cannot draw with a
 * pointer): the "Open a picture" button and its hidden file input. In: the file the visitor picked, dropped on the page or
 * pasted, decoded by the browser and drawn into a canvas no larger than {@link dev.numera.web.picture.PictureInput#SIDE} px a side. Out: its
 * packed RGBA pixels and its name to the Listener, the App, which reads them as the camera box holds a picture
 * (inference-core's Photo), and whether its file was cut short ({@link dev.numera.web.picture.Truncated}); or why it could not be read. Nothing leaves the page: the file is read through a blob URL.
 */
package dev.numera.web.picture;
