package dev.numera.web.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step on TeaVM 0.15.0's JavaScript output (js/numera.js), run by {@link SiteBuilder}.
 *
 * <p>Every Java method that JavaScript calls (an event listener, the animation-frame callback, the
 * window.numera API) is wrapped by the runtime's {@code $rt_callWithReceiver}, minified to a short
 * name: {@code f => function() { return f.apply(null, [this].concat(Array.prototype.slice.call(arguments))); }}.
 * That builds three arrays and an arguments object on every call: about 90 bytes of garbage per
 * camera frame. The wrapped Java method has a fixed arity ({@code f.length}, the receiver first),
 * so this step puts in a wrapper that passes its arguments on directly for up to four of them, and
 * keeps the original for anything longer. Same calls, same results, nothing allocated.
 */
final class FixedArityCallbacks {
    static final String FILE = "js/numera.js";

    /** The runtime's wrapper, minified or not; group 1 is its name. */
    static final Pattern ORIGINAL = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*=\\s*f\\s*=>\\s*function\\s*\\(\\)\\s*\\{\\s*"
            + "return f\\.apply\\(null,\\s*\\[this\\]\\.concat\\(Array\\.prototype\\.slice\\.call\\(arguments\\)\\)\\);?\\s*}");

    static final String MARK = "f=>{switch(f.length){";
    static final String REPLACEMENT = "$1=" + MARK
            + "case 1:return function(){return f(this)};"
            + "case 2:return function(a){return f(this,a)};"
            + "case 3:return function(a,b){return f(this,a,b)};"
            + "case 4:return function(a,b,c){return f(this,a,b,c)};"
            + "case 5:return function(a,b,c,d){return f(this,a,b,c,d)};"
            + "default:return function(){return f.apply(null,[this].concat(Array.prototype.slice.call(arguments)))}}}";

    private FixedArityCallbacks() {
    }

    static void apply(Path site) throws IOException {
        Path file = site.resolve(FILE);
        String js = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, patch(js), StandardCharsets.UTF_8);
    }

    /** The code with the wrapper replaced; fails unless it is found exactly once (a new TeaVM: re-check it). */
    static String patch(String js) {
        Matcher m = ORIGINAL.matcher(js);
        int found = 0;
        while (m.find()) found++;
        if (found == 0 && js.contains(MARK)) {
            return js;                          // patched already (the build ran twice on one output)
        }
        if (found != 1) {
            throw new IllegalStateException(FILE + ": TeaVM's $rt_callWithReceiver was found " + found + " times, not once. The TeaVM"
                    + " version or its minifier changed? Re-check " + FixedArityCallbacks.class.getName() + " against the new runtime.");
        }
        return m.replaceFirst(REPLACEMENT);
    }
}
