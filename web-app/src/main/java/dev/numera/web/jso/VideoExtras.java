package dev.numera.web.jso;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.webaudio.MediaStream;

/** The parts of HTMLVideoElement that jso-apis 0.15 lacks; cast the video element to this. */
public interface VideoExtras extends JSObject {
    @JSProperty void setSrcObject(MediaStream stream);
    @JSProperty void setPlaysInline(boolean inline);
}
