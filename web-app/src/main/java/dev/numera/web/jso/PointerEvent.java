package dev.numera.web.jso;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.Event;

/** Pointer Events (mouse, touch and pen alike); jso-apis 0.15 has no binding. Coordinates are doubles. */
public interface PointerEvent extends Event {
    @JSProperty double getClientX();
    @JSProperty double getClientY();
    @JSProperty int getPointerId();
    @JSProperty String getPointerType();
    @JSProperty int getButton();
    /** The buttons held now (bit 0: the primary one); 0 for a mouse that only hovers. */
    @JSProperty int getButtons();
}
