package dev.numera.web.build;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TeaVM's callback wrapper is replaced exactly once, minified or not, and nowhere else. */
class FixedArityCallbacksTest {
    static final String MINIFIED = "KK=()=>{{return By();}},Bm=f=>function(){return f.apply(null,[this].concat(Array.prototype.slice.call(arguments)));},FV=source=>{}";
    static final String PLAIN = "$rt_setThread = t => {\n},\n$rt_callWithReceiver = f => function() {\n"
            + "    return f.apply(null, [this].concat(Array.prototype.slice.call(arguments)));\n},\n$rt_newClassMetadata = source => {}";

    @Test
    void theWrapperIsReplacedUnderItsOwnName() {
        String out = FixedArityCallbacks.patch(MINIFIED);
        assertEquals("KK=()=>{{return By();}},Bm=" + FixedArityCallbacks.MARK + "case 1:return function(){return f(this)};"
                + "case 2:return function(a){return f(this,a)};case 3:return function(a,b){return f(this,a,b)};"
                + "case 4:return function(a,b,c){return f(this,a,b,c)};case 5:return function(a,b,c,d){return f(this,a,b,c,d)};"
                + "default:return function(){return f.apply(null,[this].concat(Array.prototype.slice.call(arguments)))}}},FV=source=>{}", out);
        String plain = FixedArityCallbacks.patch(PLAIN);
        assertTrue(plain.startsWith("$rt_setThread = t => {\n},\n$rt_callWithReceiver=" + FixedArityCallbacks.MARK), plain);
        assertTrue(plain.endsWith("}}},\n$rt_newClassMetadata = source => {}"), plain);
        assertEquals(out, FixedArityCallbacks.patch(out), "a second run leaves the patched code as it is");
    }

    @Test
    void aMissingOrRepeatedWrapperFailsTheBuild() {
        assertTrue(assertThrows(IllegalStateException.class, () -> FixedArityCallbacks.patch("var a = 1;")).getMessage().contains("0 times"));
        assertTrue(assertThrows(IllegalStateException.class, () -> FixedArityCallbacks.patch(MINIFIED + ";" + MINIFIED)).getMessage().contains("2 times"));
    }

    /** The site this build made: the JavaScript build carries the fixed-arity wrapper, not the allocating one. */
    @Test
    void theBuiltSiteIsPatched() throws IOException {
        Path js = Path.of(System.getProperty("numera.site.dir", "target/site")).resolve(FixedArityCallbacks.FILE);
        Assumptions.assumeTrue(Files.isRegularFile(js), "skipped: no built site");
        String code = Files.readString(js, StandardCharsets.UTF_8);
        assertTrue(code.contains(FixedArityCallbacks.MARK));
        assertFalse(FixedArityCallbacks.ORIGINAL.matcher(code).find());
    }
}
