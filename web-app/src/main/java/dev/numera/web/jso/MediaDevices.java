package dev.numera.web.jso;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.webaudio.MediaStream;

/** navigator.mediaDevices, which jso-apis 0.15 lacks. Build constraints with {@link Media}. */
public interface MediaDevices extends JSObject {
    JSPromise<MediaStream> getUserMedia(JSObject constraints);
}
