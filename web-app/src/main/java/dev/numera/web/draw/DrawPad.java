package dev.numera.web.draw;

import dev.numera.core.image.StrokeRasterizer;
import dev.numera.web.jso.Boot;
import dev.numera.web.jso.Js;
import dev.numera.web.jso.PointerEvent;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The drawing canvas. Pointer Events cover mouse, touch and pen; each point goes to two places:
 * the Java {@link StrokeRasterizer} (the model's input, never read back from the canvas, whose
 * pixels some browsers randomise) and the visible canvas (round, anti-aliased, a backing store of
 * SIZE x devicePixelRatio px over its content box, SIZE CSS px where there is room, so strokes stay sharp; made
 * again, and repainted, when the ratio changes). Points are also kept here to repaint the canvas
 * after an undo. One pointer draws at a time, except that a pen coming down while a finger or a
 * palm draws takes over: that touch stroke is dropped, so a hand resting on a tablet does not block the pen.
 * Two fingers are a pinch (numera.css lets the browser zoom the page on the pad too): the first finger's dot goes
 * when the browser takes them (see {@link #cancel}).
 * A mouse or pen pressed just off the pad and moved onto it draws from where it comes in.
 * A pointermove adds every position it stands for (its coalesced events): on a busy or slow device one
 * event can hold dozens, and its own position alone turned a fast "0" into a polygon.
 * What was drawn before the app was ready is replayed through the same handlers (see {@link #replayEarly}); loader.js
 * shows it meanwhile by these same rules, painted as here (hearEarly): a change to them is made there too.
 */
public final class DrawPad {
    /**
     * Logical size: the rasterizer's coordinate space, and the canvas's content box in CSS px where there is
     * room (numera.css shows it smaller in a narrow or short window; the pointer is mapped by the size shown).
     */
    public static final int SIZE = 280;
    /** Visible pen width in logical px (CSS px on a pad of SIZE). The model's brush is the rasterizer's own. */
    private static final double PEN = 18;
    /**
     * Length of path (logical px) drawn beyond the pen's reach off the pad from which the drawing counts as
     * run off it (see {@link #runsOff}): 20 px, two pixels of the network's 28. A flick past the edge as the
     * pen lifts stays under it.
     */
    private static final float OFF_PAD = SIZE / 14f;
    /** A pen's eraser end, in Pointer Events' button numbering (its tip is 0, a barrel button 2; a tip draws whatever button it holds). */
    private static final int ERASER = 5;

    public interface Listener {
        /** The ink changed; {@code settled} when the pen lifted (or after clear/undo). */
        void inkChanged(boolean settled);
    }

    private final HTMLCanvasElement canvas;
    private double dpr;                     // devicePixelRatio: bitmap px per CSS px
    private CanvasRenderingContext2D ctx;   // made on the first stroke, see ctx()
    private final StrokeRasterizer strokes = new StrokeRasterizer();
    private final Listener listener;
    private float[] ink;                    // [SIZE * SIZE], made on the first ink()

    // display copy of the points: xs/ys, and the start index of each stroke
    private float[] xs = new float[1024];
    private float[] ys = new float[1024];
    private int[] starts = new int[64];
    private int points;
    private int strokeCount;
    private int activePointer = -1;
    private boolean activeTouch;            // the active pointer is a finger or palm: a pen coming down takes over
    private int takenAway = -1;             // a pointer still down whose stroke a clear or an undo took: it draws again when lifted
    private int secondTouchAt = -1;         // points when another finger came down during the active finger's stroke, -1: none
    // the drawing area in the viewport, CSS px, and pad px per CSS px: read once per pointer event (see locate)
    private double areaLeft, areaTop, scaleX, scaleY;
    // What the last clear took away (strokes, points), still in xs/ys/starts: an undo right after a clear
    // (Escape pressed by habit, a mistapped Clear) brings it back; the next stroke overwrites it.
    private int clearedStrokes;
    private int clearedPoints;
    private boolean replaying;              // in replayEarly: events of the past, the listener told once at the end
    private boolean replayChanged;          // and whether they changed the pad (keys alone, a right click: nothing to tell)

    public DrawPad(HTMLCanvasElement canvas, Listener listener) {
        this.canvas = canvas;
        this.listener = listener;
        sizeBitmap();
        canvas.addEventListener("pointerdown", this::down);
        canvas.addEventListener("pointermove", this::move);
        canvas.addEventListener("pointerup", this::up);
        canvas.addEventListener("pointercancel", this::cancel);
        // the pointerup can go missing (released outside the window, capture taken away): this is the stroke's end then
        canvas.addEventListener("lostpointercapture", this::up);
        // Space on the focused pad does nothing; without this the page scrolled a screen down, away from the pad
        canvas.addEventListener("keydown", e -> {
            if (" ".equals(((KeyboardEvent) e).getKey())) {
                e.preventDefault();
            }
        });
    }

    // A bitmap of one pixel per device pixel (SIZE x devicePixelRatio), blank; made again when the ratio
    // changes. The ink the recognizer gets is the rasterizer's, in CSS px, whatever the ratio.
    private void sizeBitmap() {
        double r = Window.current().getDevicePixelRatio();
        dpr = r > 0 ? r : 1;
        canvas.setWidth((int) Math.round(SIZE * dpr));
        canvas.setHeight((int) Math.round(SIZE * dpr));
        Js.onRatioChange(dpr, e -> ratioChanged());
    }

    // browser zoom, or the window moved to a screen of another density: a new bitmap (which also resets
    // the context's transform), the strokes painted on it again
    private void ratioChanged() {
        sizeBitmap();
        if (ctx != null) {
            pen();
            repaint();
        }
    }

    /**
     * The canvas's 2D context, made when there is first something to draw: a new canvas is blank,
     * and the context and its surface cost milliseconds that the page start need not wait for.
     */
    private CanvasRenderingContext2D ctx() {
        if (ctx == null) {
            ctx = (CanvasRenderingContext2D) canvas.getContext("2d");
            pen();
        }
        return ctx;
    }

    // The scale and the pen, set once per bitmap (a new size resets a context's state), not per segment:
    // each string handed to the canvas is a conversion, and drawSegment runs on every pen move.
    private void pen() {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.setStrokeStyle("#111");
        ctx.setLineWidth(PEN);
        ctx.setLineCap("round");
        ctx.setLineJoin("round");
    }

    public boolean isEmpty() {
        return strokeCount == 0;
    }

    /** Whether {@link #undo} would change anything: a stroke to take back, or a clear. */
    public boolean canUndo() {
        return strokeCount > 0 || clearedStrokes > 0;
    }

    /**
     * Whether part of the drawing ran off the pad: a stroke carried on past its edge (the pointer stays
     * captured) draws where the pad shows nothing, and the network reads only what is on the pad.
     */
    public boolean runsOff() {
        return strokes.lengthOutside((float) (PEN / 2), SIZE, SIZE) >= OFF_PAD;
    }

    /** Takes the keyboard focus from a button that is about to be disabled; see App. */
    public void takeFocus() {
        Js.focusInPlace(canvas);
    }

    /** Rasterises the strokes (Java, 280x280, ink high) into a buffer owned by the pad. */
    public float[] ink() {
        if (ink == null) {
            ink = new float[SIZE * SIZE];
        }
        // the Recognizer first area-downscales 280 to 28: one pixel of its image is 10 canvas px
        strokes.fitBrushToDrawing(SIZE / 28f, SIZE, SIZE);
        strokes.rasterise(ink, SIZE, SIZE);
        return ink;
    }

    public void clear() {
        if (strokeCount == 0 && activePointer < 0) {
            return;   // nothing to clear (Escape on an empty pad): no change, so no result to show or say again
        }
        if (strokeCount > 0) {
            clearedStrokes = strokeCount;
            clearedPoints = points;
        }
        strokes.clear();
        points = 0;
        strokeCount = 0;
        takeAwayActive();
        repaint();
        changed(true);
    }

    /** Takes back the last stroke; on a pad a clear just emptied, takes back the clear. */
    public void undo() {
        if (strokeCount == 0) {
            if (clearedStrokes > 0) {
                restoreCleared();
            }
            return;
        }
        dropLastStroke();
        changed(true);
    }

    // the last stroke (the active one, if a pointer is down) off the pad and out of the undo history
    private void dropLastStroke() {
        strokes.undoLastStroke();
        strokeCount--;
        points = starts[strokeCount];
        takeAwayActive();
        repaint();
    }

    // No active stroke any more; its pointer, if one is still down, must not start another by moving on
    // (a key pressed mid-stroke, Escape or Ctrl+Z, would otherwise be undone by the next move).
    private void takeAwayActive() {
        takenAway = activePointer;
        activePointer = -1;
    }

    /**
     * The drawing as text, for keeping it across a reload: strokes by ';', points "x,y" by ' ', in tenths of a pad
     * point ("" for an empty pad). Whole numbers written and read by hand: TeaVM's float formatting and parsing, and
     * String.split's regular expressions, would add tens of KB to the page for this. {@link #restore} reads it.
     */
    public String saved() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < strokeCount; s++) {
            if (s > 0) b.append(';');
            for (int i = starts[s], to = strokeEnd(s, strokeCount, points); i < to; i++) {
                if (i > starts[s]) b.append(' ');
                b.append(Math.round(xs[i] * 10)).append(',').append(Math.round(ys[i] * 10));
            }
        }
        return b.toString();
    }

    /**
     * Draws what {@link #saved} gave on an empty pad, stroke by stroke as if drawn now; a text it did not make (a
     * character out of place, a point far off the pad) draws nothing at all.
     */
    public void restore(String text) {
        if (text == null || text.isEmpty() || strokeCount > 0) return;
        // [x0, y0, x1, y1, ...] per stroke, tenths of a point, read whole before any is drawn
        int[] values = new int[text.length() + 1];
        int[] strokeEnds = new int[text.length() + 1];
        int count = 0, strokesRead = 0, value = 0, digits = 0;
        boolean negative = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c >= '0' && c <= '9' && digits < 5) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '-' && digits == 0 && !negative) {
                negative = true;
            } else if ((c == ',' || c == ' ' || c == ';') && digits > 0 && (c == ',') == (count % 2 == 0)) {
                values[count++] = negative ? -value : value;
                value = digits = 0;
                negative = false;
                if (c == ';') strokeEnds[strokesRead++] = count;
                if (Math.abs(values[count - 1]) > 40 * SIZE) return;   // far off the pad: not the pad's own text
            } else {
                return;
            }
        }
        for (int s = 0, from = 0; s < strokesRead; from = strokeEnds[s++]) {
            if (strokeCount == starts.length) starts = grow(starts);
            starts[strokeCount++] = points;
            strokes.beginStroke();
            for (int i = from; i < strokeEnds[s]; i += 2) {
                if (points == xs.length) {
                    xs = grow(xs);
                    ys = grow(ys);
                }
                xs[points] = values[i] / 10f;
                ys[points] = values[i + 1] / 10f;
                strokes.addPoint(xs[points], ys[points]);
                points++;
            }
            strokes.endStroke();
        }
        clearedStrokes = 0;
        repaint();
        changed(true);
    }

    // the cleared strokes into the rasterizer again, point by point, as they were drawn
    private void restoreCleared() {
        for (int s = 0; s < clearedStrokes; s++) {
            strokes.beginStroke();
            int to = strokeEnd(s, clearedStrokes, clearedPoints);
            for (int i = starts[s]; i < to; i++) {
                strokes.addPoint(xs[i], ys[i]);
            }
            strokes.endStroke();
        }
        strokeCount = clearedStrokes;
        points = clearedPoints;
        clearedStrokes = 0;
        activePointer = -1;
        repaint();
        changed(true);
    }

    // one past stroke s's last point in xs/ys, of `count` strokes whose points end at `end`
    private int strokeEnd(int s, int count, int end) {
        return s + 1 < count ? starts[s + 1] : end;
    }

    // ---- pointer input ----

    /**
     * Takes over what was drawn before the app was ready (loader.js hears the pad from the page's start: on a slow
     * phone or line the app comes seconds after the pad shows) and replays it in order through the pad's own handlers,
     * as if the app had been ready all along. Keys pressed meanwhile are not kept (loader.js says why). The listener
     * hears of it once, at the end, not a recognition per stroke, and not at all when nothing changed (a right click: the
     * empty pad's result is not said at every start). A stroke still being drawn goes on with its next move, which comes
     * to this pad's listeners: its pointer stays captured by the canvas (a replayed capture of a pointer already lifted
     * fails, harmlessly). Call once the listener can take a change.
     */
    public void replayEarly() {
        JSArrayReader<Event> early = Boot.takeEarly();
        if (early == null) {
            return;
        }
        replaying = true;
        try {
            for (int i = 0; i < early.getLength(); i++) {
                // by type, as the constructor's listeners take them (not a switch on the string: 130 B more per build)
                Event e = early.get(i);
                String type = e.getType();
                if (type.equals("pointerdown")) {
                    down(e);
                } else if (type.equals("pointermove")) {
                    move(e);
                } else if (type.equals("pointercancel")) {
                    cancel(e);
                } else {
                    up(e);   // pointerup, lostpointercapture
                }
            }
        } finally {
            replaying = false;
        }
        if (replayChanged) {
            listener.inkChanged(activePointer < 0);
        }
    }

    // the listener hears of a change, except in replayEarly, which tells it once at the end
    private void changed(boolean settled) {
        if (replaying) {
            replayChanged = true;
        } else {
            listener.inkChanged(settled);
        }
    }

    private void down(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getPointerId() == activePointer) {
            up(e); // the same pointer pressing again: its pointerup was missed, its stroke is over
        }
        takenAway = -1;
        boolean pen = "pen".equals(p.getPointerType());
        if (pen && p.getButton() == ERASER) {
            return;   // a pen's eraser end draws nothing, and leaves a stroke being drawn as it is
        }
        if (activePointer >= 0 && activeTouch && pen) {
            // A palm resting on the pad as the pen comes down: the pen writes, and the palm's stroke goes as if
            // it never touched (its down ended any undo of a clear, which the pen's down does anyway).
            dropLastStroke();
        }
        if (activePointer >= 0 && activeTouch && secondTouchAt < 0 && "touch".equals(p.getPointerType())) {
            secondTouchAt = points;   // a second finger: the stroke so far decides whether a pinch takes it (see cancel)
        }
        if (activePointer >= 0 || (p.getButton() != 0 && !pen)) {
            return; // one stroke at a time; right/middle mouse buttons don't draw
        }
        e.preventDefault();   // no text selection, no compatibility mouse events (and so no focus of its own)
        begin(p);
        locate();
        addPoint(p);
        changed(false);
    }

    // Pointer p's stroke starts; its points are the caller's to add.
    private void begin(PointerEvent p) {
        Js.focusWithoutRing(canvas);   // off a button clicked before, so Space does not press it again
        activePointer = p.getPointerId();
        activeTouch = "touch".equals(p.getPointerType());
        secondTouchAt = -1;
        // Keeps the stroke's moves and its pointerup coming when the pen leaves the canvas. A failed
        // capture is harmless: without it a missed pointerup still ends the stroke (see move and down).
        Js.capturePointer(canvas, activePointer);
        clearedStrokes = 0;   // this stroke overwrites the cleared drawing's points
        if (strokeCount == starts.length) {
            starts = grow(starts);
        }
        starts[strokeCount++] = points;
        strokes.beginStroke();
    }

    private void move(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getPointerId() != activePointer) {
            // A mouse or pen pressed just off the pad and moved onto it, its button (or tip) down: the stroke
            // starts where it comes in, as on paper. A finger cannot: a touch belongs to the element it
            // started on (implicit capture), and there it scrolls the page.
            boolean held = (p.getButtons() & 1) != 0;
            if (!held && p.getPointerId() == takenAway) {
                takenAway = -1;   // lifted where the pad did not hear it
            }
            if (!held || activePointer >= 0 || "touch".equals(p.getPointerType()) || p.getPointerId() == takenAway) {
                return;
            }
            begin(p);
            Js.clearSelection();   // what the press off the pad selected on its way (the pad's heading, say)
        } else if (p.getButtons() == 0 && "mouse".equals(p.getPointerType())) {
            up(e); // a mouse hovering with no button held: the pointerup was missed, so the stroke ended
            return;
        }
        e.preventDefault();
        locate();
        // every move since the last event, in order (one call for the list, then only its numbers);
        // none listed (a browser without the list, an event made by a script): the event's own position
        JSArrayReader<PointerEvent> moves = Js.coalescedEvents(p);
        int n = moves != null ? moves.getLength() : 0;
        if (n == 0) {
            addPoint(p);
        }
        for (int i = 0; i < n; i++) {
            addPoint(moves.get(i));
        }
        changed(false);
    }

    private void up(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getPointerId() == takenAway) {
            takenAway = -1;
        }
        if (p.getPointerId() != activePointer) {
            return;
        }
        activePointer = -1;
        strokes.endStroke();
        changed(true);
    }

    /**
     * The browser took the pointer for a gesture of its own. With a second finger down that is a pinch (or a
     * two-finger pan): numera.css lets it zoom the page, as anywhere else on it. A finger that had drawn less than
     * the pen's width when the second came down came down for the pinch: its stroke goes. A longer one was writing
     * (another finger brushed the screen; Chromium then takes no pinch anyway) and stays, as does a stroke the
     * system took with no second finger: they end as a lift does.
     */
    private void cancel(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getPointerId() == activePointer && secondTouchAt >= 0 && pathLength(starts[strokeCount - 1], secondTouchAt) < PEN) {
            dropLastStroke();
            takenAway = -1;   // cancelled: no pointerup of it follows
            changed(true);
        } else {
            up(e);
        }
    }

    // length of the path through points [from, to) of xs/ys, logical px
    private double pathLength(int from, int to) {
        double length = 0;
        for (int i = from + 1; i < to; i++) {
            double dx = xs[i] - xs[i - 1], dy = ys[i] - ys[i - 1];
            length += Math.sqrt(dx * dx + dy * dy);
        }
        return length;
    }

    // Where the drawing area is: the content box, the area the bitmap covers (inside the border), at the size
    // it is shown. Once per event, not per point: each read of the box is a layout query and a new DOMRect.
    private void locate() {
        if (replaying) {   // a record of loader.js: its positions are pad points already, measured when it was drawn
            areaLeft = areaTop = 0;
            scaleX = scaleY = 1;
            return;
        }
        double w = Js.contentWidth(canvas, SIZE);
        double h = Js.contentHeight(canvas, SIZE);
        areaLeft = Js.contentLeft(canvas);
        areaTop = Js.contentTop(canvas);
        scaleX = SIZE / w;
        scaleY = SIZE / h;
    }

    // one point of the active stroke, at p's position on the drawing area as the last locate() found it, and
    // its segment on the canvas (segment by segment, as repaint draws them, so an undo restores the pixels)
    private void addPoint(PointerEvent p) {
        float x = (float) ((p.getClientX() - areaLeft) * scaleX);
        float y = (float) ((p.getClientY() - areaTop) * scaleY);
        strokes.addPoint(x, y);
        if (points == xs.length) {
            xs = grow(xs);
            ys = grow(ys);
        }
        xs[points] = x;
        ys[points] = y;
        points++;
        int first = starts[strokeCount - 1];
        drawSegment(points - 1 > first ? points - 2 : points - 1, points - 1);
    }

    // ---- visible canvas ----

    private void repaint() {
        ctx().clearRect(0, 0, SIZE, SIZE);
        for (int s = 0; s < strokeCount; s++) {
            int from = starts[s];
            int to = strokeEnd(s, strokeCount, points);
            for (int i = from; i < to; i++) {
                drawSegment(i > from ? i - 1 : i, i);
            }
        }
    }

    private void drawSegment(int a, int b) {
        CanvasRenderingContext2D ctx = ctx();
        ctx.beginPath();
        ctx.moveTo(xs[a], ys[a]);
        ctx.lineTo(xs[b] + (a == b ? 0.01 : 0), ys[b]); // a == b: a dot
        ctx.stroke();
    }

    private static float[] grow(float[] a) {
        float[] b = new float[a.length * 2];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private static int[] grow(int[] a) {
        int[] b = new int[a.length * 2];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }
}
