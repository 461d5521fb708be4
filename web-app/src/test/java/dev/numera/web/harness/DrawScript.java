package dev.numera.web.harness;

/** Draws {@link Strokes} by dispatching pointer events from page script (for HtmlUnit, which has no real input). */
public final class DrawScript {
    private DrawScript() {
    }

    public static String draw(int digit) {
        return strokes(Strokes.json(digit, 4)); // every 4th point: each inference is slow in HtmlUnit
    }

    /** Draws strokes given as a JS array literal [[[x,y],...],...] in the pad's 280x280 coordinates. */
    public static String strokes(String json) {
        return "(function (strokes) {"
                // the pad's drawing area is the canvas's content box, inside its border
                + " var c = document.getElementById('draw-canvas'); var r = c.getBoundingClientRect();"
                + " var left = r.left + (c.clientLeft || 0), top = r.top + (c.clientTop || 0);"
                + " var sx = (c.clientWidth || 280) / 280, sy = (c.clientHeight || 280) / 280;"
                + " function ev(type, p) { var x = left + p[0] * sx, y = top + p[1] * sy;"
                + "   var e = new PointerEvent(type, {bubbles: true, cancelable: true, pointerId: 7, pointerType: 'mouse',"
                + "     isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y});"
                // HtmlUnit 5.5 ignores clientX/clientY in the PointerEvent init dictionary
                + "   if (e.clientX !== x) { Object.defineProperty(e, 'clientX', {value: x}); Object.defineProperty(e, 'clientY', {value: y}); }"
                // and buttons: the pad ends a mouse stroke on a move with no button held
                + "   var b = type === 'pointerup' ? 0 : 1; if (e.buttons !== b) { Object.defineProperty(e, 'buttons', {value: b}); }"
                + "   c.dispatchEvent(e); }"
                + " for (var s = 0; s < strokes.length; s++) { var st = strokes[s]; ev('pointerdown', st[0]);"
                + "   for (var i = 1; i < st.length; i++) { ev('pointermove', st[i]); } ev('pointerup', st[st.length - 1]); }"
                + "})(" + json + ");";
    }
}
