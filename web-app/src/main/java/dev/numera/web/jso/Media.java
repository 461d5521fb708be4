package dev.numera.web.jso;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLVideoElement;
import org.teavm.jso.webaudio.MediaStream;

/** Camera helpers as JSBody statics (a static native JSBody cannot live in an interface). */
public final class Media {
    private Media() {
    }

    /** navigator.mediaDevices, or null: absent in insecure contexts and in old browsers. */
    @JSBody(script = "return (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) ? navigator.mediaDevices : null;")
    public static native MediaDevices mediaDevices();

    @JSBody(script = "return window.isSecureContext === true;")
    public static native boolean isSecureContext();

    /**
     * Video only, about 640x480. Without a device id the rear camera is preferred ("ideal", so a
     * laptop's only camera still qualifies); with one, exactly that camera (the switch button).
     */
    @JSBody(params = "deviceId", script = "var v = {width: {ideal: 640}, height: {ideal: 480}};"
            + "if (deviceId) { v.deviceId = {exact: deviceId}; } else { v.facingMode = {ideal: 'environment'}; }"
            + "return {audio: false, video: v};")
    public static native JSObject constraints(String deviceId);

    /** The ids of all video inputs (labels are not needed). */
    @JSBody(params = "md", script = "if (!md.enumerateDevices) { return Promise.resolve([]); }"
            + "return md.enumerateDevices().then(function (l) { var out = [];"
            + " for (var i = 0; i < l.length; i++) { if (l[i].kind === 'videoinput') { out.push(l[i].deviceId); } }"
            + " return out; });")
    public static native JSPromise<JSArray<JSString>> videoInputIds(MediaDevices md);

    @JSBody(params = "s", script = "var t = s.getVideoTracks(); var st = t.length && t[0].getSettings ? t[0].getSettings() : {};"
            + "return st.deviceId || '';")
    public static native String deviceIdOf(MediaStream s);

    /**
     * Calls l on each type event of s's video tracks: "ended" when a track ends on its own (device
     * unplugged, permission withdrawn, taken by another app; stopping a track from script does not
     * fire it), "mute" when its source stops sending pictures for a while (the system or another app
     * holds the camera), "unmute" when they come again.
     */
    @JSBody(params = {"s", "type", "l"}, script = "var t = s.getVideoTracks(); for (var i = 0; i < t.length; i++) { t[i].addEventListener(type, l); }")
    public static native void onVideoTrack(MediaStream s, String type, EventListener<Event> l);

    @JSBody(params = "s", script = "var t = s.getTracks(); for (var i = 0; i < t.length; i++) { t[i].stop(); }")
    public static native void stop(MediaStream s);

    /** DOMException.name, e.g. "NotAllowedError"; or "" when the value is not an error object. */
    @JSBody(params = "e", script = "return (e && e.name) ? String(e.name) : '';")
    public static native String errorName(JSObject e);

    @JSBody(params = "e", script = "return (e && e.message) ? String(e.message) : String(e);")
    public static native String errorMessage(JSObject e);

    /** What to do when the browser refuses to play a video. */
    @JSFunctor
    public interface Refused extends JSObject {
        void refused();
    }

    /**
     * play(); refused is called when the browser refuses it (NotAllowedError: an autoplay policy, power
     * saving), not when a newer srcObject or a pause cuts it short (AbortError). A refused video keeps
     * its first picture, its frame count stays at 0, and the stall watch cannot tell it from a still scene.
     */
    @JSBody(params = {"v", "refused"}, script = "var p = v.play(); if (p && p.then) {"
            + " p.then(null, function (e) { if (!e || e.name !== 'AbortError') { refused(); } }); }")
    public static native void play(HTMLVideoElement v, Refused refused);

    @JSBody(params = "v", script = "v.srcObject = null;")
    public static native void detach(HTMLVideoElement v);
}
