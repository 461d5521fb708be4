package dev.numera.core.model;

import dev.numera.core.model.ModelFormatException.Problem;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

class ModelFileTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelFileTest.class.getResourceAsStream("/model/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    // ------------------------------------------------------------ golden files, pinned forever

    @Test
    void goldenFilesReadAndGiveTheGoldenLogits() throws Exception {
        // The bytes are pinned exactly (writerReproducesTheGoldenBytes); the logits to 1e-6
        // relative, since faster kernels may sum in another order (a wrong dequantisation or
        // layout would be off by far more).
        String[] lines = new String(resource("golden-logits.txt"), StandardCharsets.UTF_8).split("\n");
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.trim().split(" ");
            ModelFile m = ModelFile.read(resource(f[0]));
            assertEquals("golden", m.metadata().get(ModelFile.META_ARCH));
            assertEquals(1.5f, m.floatMeta(ModelFile.META_TEMPERATURE, 0));
            assertEquals(f[0].contains("int8") ? "int8" : "float32", m.dtype());
            assertArrayEquals(GoldenFixtures.LAYERS, m.layers());
            Sequential net = m.toNetwork(1);
            float[] z = net.forward(GoldenFixtures.input(), 1, false);
            double[] e = new double[10];
            double sum = 0;
            for (int k = 0; k < 10; k++) {
                float want = Float.intBitsToFloat(Integer.parseUnsignedInt(f[k + 1], 16));
                assertEquals(want, z[k], 1e-6f * Math.max(1f, Math.abs(want)), f[0] + " logit " + k);
                e[k] = Math.exp(want / 1.5);
                sum += e[k];
            }
            // the probabilities are softmax(logits / T) with the file's T = 1.5, not T = 1
            for (int k = 0; k < 10; k++) assertEquals(e[k] / sum, net.probabilities()[k], 1e-6, f[0] + " probability " + k);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void writerReproducesTheGoldenBytes() throws Exception {
        for (boolean int8 : new boolean[]{false, true}) {
            String name = int8 ? "golden-v1-int8.nmod" : "golden-v1-float32.nmod";
            byte[] golden = resource(name);
            assertArrayEquals(golden, ModelFile.of(GoldenFixtures.network(), GoldenFixtures.metadata(), int8).write(), name);
            assertArrayEquals(golden, ModelFile.read(golden).write(), "read then write is the identity for " + name);
        }
    }

    @Test
    void goldenLayoutMatchesTheSpecification() throws Exception {
        byte[] b = resource("golden-v1-float32.nmod");
        assertEquals('N', b[0]);
        assertEquals('D', b[3]);
        assertEquals(1, le32(b, 4), "version");
        assertEquals(b.length, le32(b, 8), "file size");
        assertEquals(10, le32(b, 24), "layer count");
        assertEquals(1, b[28], "first layer: conv2d");
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        assertEquals((int) crc.getValue(), le32(b, b.length - 4), "trailer is the zlib CRC-32 of everything before it");
        assertEquals(4, b.length % 8, "data padded to 8 bytes, then the 4-byte trailer");
    }

    // ------------------------------------------------------------ round trips

    @Test
    void float32RoundTripIsExact() throws Exception {
        Sequential net = GoldenFixtures.network();
        ModelFile back = ModelFile.read(ModelFile.of(net, GoldenFixtures.metadata(), false).write());
        Sequential net2 = back.toNetwork(1);
        assertArrayEquals(net.params(), net2.params());
        assertEquals(GoldenFixtures.metadata(), back.metadata());
        assertEquals(net.paramCount(), back.parameterCount());
    }

    @Test
    void everyToNetworkIsItsOwnNetwork() throws Exception {
        ModelFile back = ModelFile.read(ModelFile.of(GoldenFixtures.network(), GoldenFixtures.metadata(), true).write());
        Sequential a = back.toNetwork(1), b = back.toNetwork(1), c = back.toNetwork(3);   // a: the network read() built
        assertTrue(a != b && a.params() != b.params());
        assertArrayEquals(a.params(), b.params());
        assertArrayEquals(a.params(), c.params());
        float[] x = new float[a.inputSize()];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7) / 7f;
        assertArrayEquals(b.forward(x, 1, false).clone(), a.forward(x, 1, false).clone());
    }

    @Test
    void int8EntriesKeepTheirCodesAndDequantiseOnDemand() throws Exception {
        Sequential source = GoldenFixtures.network();
        ModelFile back = ModelFile.read(ModelFile.of(source, GoldenFixtures.metadata(), true).write());
        Sequential net = back.toNetwork(1);
        int int8 = 0;
        for (ModelFile.Entry e : back.tensors()) {
            ParamTensor t = net.paramTensor(e.name);
            float[] v = e.values().data;
            assertArrayEquals(t.shape, e.values().shape());
            assertEquals(t.length, e.size());
            for (int i = 0; i < t.length; i++) {
                // int8: code times its channel's scale; float32: the source network's value, exactly
                float want = e.dtype == ModelFile.DTYPE_INT8 ? e.q[i] * e.scales[i / (t.length / t.outChannels())] : source.params()[t.offset + i];
                assertEquals(want, v[i], 0f, e.name + "[" + i + "]");
                assertEquals(want, net.params()[t.offset + i], 0f, e.name + "[" + i + "] in the network");
            }
            if (e.dtype == ModelFile.DTYPE_INT8) {
                int8++;
                assertTrue(e.values().data != v, "an int8 entry has no float copy to hand out");
            }
        }
        assertTrue(int8 > 0);
    }

    @Test
    void nonAsciiMetadataRoundTrips() throws Exception {
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
        meta.put("note", "conv 5×5 → pool, 99,5 % réussi 数字 \uD83D\uDD22");   // 2-, 3- and 4-byte UTF-8
        meta.put("ascii", "plain ~ text\t!");
        ModelFile back = ModelFile.read(ModelFile.of(GoldenFixtures.network(), meta, true).write());
        assertEquals(meta, back.metadata());
    }

    /**
     * The reader's own UTF-8 decoder against the JDK's in its strict mode (REPORT, not replace): the
     * same string for every well-formed input, null exactly where the JDK reports malformed input.
     * Every scalar value once, then random byte strings drawn mostly from the bytes that matter
     * (leads, continuations, the excluded C0/C1/F5-FF).
     */
    @Test
    void decodeUtf8AgreesWithTheJdksStrictDecoder() throws Exception {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;   // not scalar values: the JDK encodes them as '?'
            byte[] u = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertEquals(new String(Character.toChars(cp)), ModelFile.decodeUtf8(u, 0, u.length), "U+" + Integer.toHexString(cp));
        }
        int[] pool = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
        java.util.Random rnd = new java.util.Random(11);
        int malformed = 0;
        for (int t = 0; t < 200_000; t++) {
            byte[] b = new byte[2 + rnd.nextInt(7)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : pool[rnd.nextInt(pool.length)]);
            String jdk;
            try {
                jdk = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b, 1, b.length - 1)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                jdk = null;
                malformed++;
            }
            assertEquals(jdk, ModelFile.decodeUtf8(b, 1, b.length - 1), java.util.Arrays.toString(b));
        }
        assertTrue(malformed > 50_000 && malformed < 190_000, "both kinds drawn: " + malformed);
    }

    @Test
    void metadataThatIsNotUtf8IsRefused() throws Exception {
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
        meta.put("note", "a#c");
        byte[] b = ModelFile.of(GoldenFixtures.network(), meta, false).write();
        int at = indexOf(b, "a#c");
        for (int bad : new int[]{0x80, 0xC0, 0xFF}) {   // a stray continuation, an overlong lead, never UTF-8
            b[at + 1] = (byte) bad;
            refuse(b, Problem.MALFORMED, "metadata value at byte " + at + " is not well-formed UTF-8");
        }
    }

    @Test
    void int8RoundTripIsWithinHalfAStepPerChannel() throws Exception {
        Sequential net = GoldenFixtures.network();
        ModelFile m = ModelFile.of(net, GoldenFixtures.metadata(), true);
        for (ModelFile.Entry e : m.tensors()) {   // the writer's codes, before the reader (which refuses -128) sees them
            if (e.q != null) for (byte q : e.q) assertTrue(q >= -127, e.name + " holds -128");
        }
        ModelFile back = ModelFile.read(m.write());
        Sequential net2 = back.toNetwork(1);
        for (ModelFile.Entry e : back.tensors()) {
            ParamTensor t = net.paramTensor(e.name);
            if (e.dtype == ModelFile.DTYPE_FLOAT32) {
                for (int i = 0; i < t.length; i++) assertEquals(net.params()[t.offset + i], net2.params()[t.offset + i], 0f);
                continue;
            }
            assertTrue(e.name.endsWith(".weight"));
            int per = t.length / t.outChannels();
            for (int o = 0; o < t.outChannels(); o++) {
                float max = 0;
                for (int i = 0; i < per; i++) max = Math.max(max, Math.abs(net.params()[t.offset + o * per + i]));
                assertEquals(max / 127f, e.scales[o], 0f);
                for (int i = 0; i < per; i++) {
                    int at = t.offset + o * per + i;
                    assertTrue(Math.abs(net.params()[at] - net2.params()[at]) <= e.scales[o] / 2 * 1.0001f, e.name);
                }
            }
        }
        assertTrue(m.byteSize() < ModelFile.of(net, GoldenFixtures.metadata(), false).byteSize());
    }

    @Test
    void byteSizeIsTheEncodedFilesLength() throws Exception {
        for (boolean int8 : new boolean[]{true, false}) {
            ModelFile built = ModelFile.of(GoldenFixtures.network(), GoldenFixtures.metadata(), int8);
            byte[] bytes = built.write();
            assertEquals(bytes.length, built.byteSize(), "built in memory");
            assertEquals(bytes.length, ModelFile.read(bytes).byteSize(), "read");
        }
    }

    @Test
    void int8QuantizerHandCase() {
        byte[] q = new byte[6];
        float[] s = new float[2];
        // channel 0: max 1.27 → scale 0.01; 0.005 / 0.01 = 0.5 rounds half to even → 0, 0.015 → 1.5 → 2
        // channel 1: all zero → scale 0, codes 0
        Int8Quantizer.quantize(new float[]{1.27f, -0.5f, 0.005f, 0, 0, 0}, 0, 2, 3, 8, q, s);
        assertEquals(0.01f, s[0], 1e-9f);
        assertArrayEquals(new byte[]{127, -50, 0, 0, 0, 0}, q);
        assertEquals(0f, s[1]);
        Int8Quantizer.quantize(new float[]{-1.27f, 0.015f, 0}, 0, 1, 3, 8, q, s);
        assertEquals(-127, q[0]);
        assertEquals(2, q[1]);
    }

    @Test
    void fewerBitsUseFewerCodes() {
        byte[] q = new byte[4];
        float[] s = new float[1];
        // 6 bits: top code 31, scale 3.1 / 31 = 0.1; -1.55 / 0.1 = -15.5 rounds half to even -> -16, 0.04 -> 0.4 -> 0
        Int8Quantizer.quantize(new float[]{3.1f, -1.55f, 0.04f, 0.26f}, 0, 1, 4, 6, q, s);
        assertEquals(0.1f, s[0], 1e-7f);
        assertArrayEquals(new byte[]{31, -16, 0, 3}, q);
        assertEquals(6, Int8Quantizer.bitsUsed(q));
        // 2 bits: codes -1, 0, 1 only, scale the largest magnitude (-2 / 3.1 = -0.65 -> -1, 1 / 3.1 = 0.32 -> 0)
        Int8Quantizer.quantize(new float[]{3.1f, -2f, 0.04f, 1f}, 0, 1, 4, 2, q, s);
        assertEquals(3.1f, s[0]);
        assertArrayEquals(new byte[]{1, -1, 0, 0}, q);
        assertEquals(2, Int8Quantizer.bitsUsed(q));
        assertEquals(8, Int8Quantizer.bitsUsed(new byte[]{0, 64, -127}));
        assertEquals(7, Int8Quantizer.bitsUsed(new byte[]{-63, 32}));
        assertEquals(2, Int8Quantizer.bitsUsed(new byte[]{0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Int8Quantizer.quantize(new float[1], 0, 1, 1, 1, new byte[1], new float[1]));
        assertThrows(IllegalArgumentException.class, () -> Int8Quantizer.quantize(new float[1], 0, 1, 1, 9, new byte[1], new float[1]));
    }

    @Test
    void aModelOfSixBitCodesIsAnInt8FileThatReadsBack() throws Exception {
        Sequential net = GoldenFixtures.network();
        ModelFile six = ModelFile.of(net, GoldenFixtures.metadata(), 6);
        ModelFile back = ModelFile.read(six.write());
        assertEquals("int8", back.dtype());
        assertEquals(6, back.weightBits());
        assertEquals(8, ModelFile.read(ModelFile.of(net, GoldenFixtures.metadata(), true).write()).weightBits());
        assertEquals(ModelFile.FLOAT32_BITS, ModelFile.read(ModelFile.of(net, GoldenFixtures.metadata(), false).write()).weightBits());
        // the same size as 8-bit codes (one byte each), every weight within half a 6-bit step of the network's
        assertEquals(ModelFile.of(net, GoldenFixtures.metadata(), 8).byteSize(), six.byteSize());
        float[] p = net.params(), q = back.toNetwork(1).params();
        for (ModelFile.Entry e : back.tensors()) {
            int off = net.paramTensor(e.name).offset, per = e.q == null ? 0 : e.size() / e.scales.length;
            for (int i = 0; i < e.size(); i++) {
                if (e.q == null) {
                    assertEquals(p[off + i], q[off + i], e.name);
                } else {
                    assertTrue(Math.abs(e.q[i]) <= 31, e.name);
                    assertEquals(p[off + i], q[off + i], e.scales[i / per] / 2 * 1.0001f, e.name + " " + i);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ModelFile.of(net, GoldenFixtures.metadata(), 1));
        assertThrows(IllegalArgumentException.class, () -> ModelFile.of(net, GoldenFixtures.metadata(), 16));
    }

    /** withMetadata: the file of() would write with that metadata, byte for byte, sharing the codes instead of quantising again. */
    @Test
    void withMetadataWritesWhatQuantisingAgainWould() throws Exception {
        Sequential net = GoldenFixtures.network();
        for (int bits : new int[]{ModelFile.FLOAT32_BITS, 8, 6, 2}) {
            ModelFile f = ModelFile.of(net, GoldenFixtures.metadata(), bits);
            java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
            meta.put(ModelFile.META_ACCURACY, "0.9876");   // in its place, as a measured accuracy replaces a guess
            meta.put("note", "longer metadata moves every data offset");
            ModelFile copy = f.withMetadata(meta);
            byte[] again = ModelFile.of(net, meta, bits).write();
            assertArrayEquals(again, copy.write(), bits + " bits");
            assertEquals(again.length, copy.byteSize());
            assertEquals(meta, ModelFile.read(copy.write()).metadata());
            assertEquals(GoldenFixtures.metadata(), f.metadata(), "the original keeps its own");
            for (int i = 0; i < f.tensors().size(); i++) assertSame(f.tensors().get(i), copy.tensors().get(i), "shared, not copied");
            assertEquals(f.weightBits(), copy.weightBits());
        }
        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
        bad.put(ModelFile.META_INPUT_STD, "0");
        ModelFile f = ModelFile.of(net, GoldenFixtures.metadata(), 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.withMetadata(bad), "never a file the reader would refuse");
        assertTrue(e.getMessage().contains(ModelFile.META_INPUT_STD), e.getMessage());
    }

    @Test
    void dequantizeScalesPerChannelAndFindsTheFirstMinus128() {
        float[] out = new float[7];
        // channel 0 scale 0.5, channel 1 scale 2; written at offset 1
        assertEquals(-1, Int8Quantizer.dequantize(new byte[]{2, -4, 127, 1, -127, 0}, new float[]{0.5f, 2f}, 2, 3, out, 1));
        assertArrayEquals(new float[]{0, 1, -2, 63.5f, 2, -254, 0}, out);
        assertEquals(4, Int8Quantizer.dequantize(new byte[]{0, 1, 2, 3, -128, -128}, new float[]{1f, 1f}, 2, 3, out, 0));
    }

    @Test
    void crc32EqualsZlib() {
        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x414FA339, Crc32.of(data, 0, data.length));   // the well-known check value
        CRC32 z = new CRC32();
        z.update(data, 3, 20);
        assertEquals((int) z.getValue(), Crc32.of(data, 3, 20));
    }

    // ------------------------------------------------------------ malformed files: each its own error

    static ModelFormatException refuse(byte[] b) {
        return assertThrows(ModelFormatException.class, () -> ModelFile.read(b));
    }

    static byte[] golden() throws IOException {
        return resource("golden-v1-float32.nmod");
    }

    /** Rewrites the CRC trailer so that only the deliberate damage is seen. */
    static byte[] reseal(byte[] b) {
        int crc = Crc32.of(b, 0, b.length - 4);
        put32(b, b.length - 4, crc);
        return b;
    }

    static int indexOf(byte[] b, String s) {
        byte[] p = s.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + p.length <= b.length; i++) {
            for (int j = 0; j < p.length; j++) if (b[i + j] != p[j]) continue outer;
            return i;
        }
        throw new AssertionError(s + " not found");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] b = golden();
        b[0] = 'P';
        ModelFormatException e = refuse(b);
        assertEquals(Problem.BAD_MAGIC, e.problem());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        assertEquals(Problem.BAD_MAGIC, refuse("<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII)).problem());
    }

    @Test
    void unknownVersion() throws IOException {
        byte[] b = golden();
        put32(b, 4, 2);
        ModelFormatException e = refuse(b);
        assertEquals(Problem.UNSUPPORTED_VERSION, e.problem());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void truncatedAnywhere() throws IOException {
        byte[] b = golden();
        for (int cut : new int[]{0, 3, 7, 11, 40, 300, b.length / 2, b.length - 1}) {
            ModelFormatException e = refuse(java.util.Arrays.copyOf(b, cut));
            assertEquals(Problem.TRUNCATED, e.problem(), "cut at " + cut);
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void crcMismatch() throws IOException {
        byte[] b = golden();
        b[b.length - 20] ^= 0x40;         // a bit flip in the data
        ModelFormatException e = refuse(b);
        assertEquals(Problem.CRC_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
    }

    @Test
    void shapeMismatch() throws IOException {
        byte[] b = golden();
        int dims = indexOf(b, "layer6.weight") + "layer6.weight".length() + 4;   // after dtype, rank, padding
        put32(b, dims, 9);                                                       // [8, 16] → [9, 16]
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.SHAPE_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("layer6.weight") && e.getMessage().contains("[9, 16]"), e.getMessage());
    }

    @Test
    void sizeMismatch() throws IOException {
        byte[] b = golden();
        int len = indexOf(b, "layer6.bias") + "layer6.bias".length() + 4 + 4 + 4;   // dims [8], data offset, then length
        put32(b, len, 28);
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.SHAPE_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("data bytes"), e.getMessage());
    }

    @Test
    void nanAndInfinityInATensor() throws IOException {
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] b = golden();
            int off = indexOf(b, "layer9.bias") + "layer9.bias".length() + 4 + 4;   // dims [10], then data offset
            int data = le32(b, off);
            put32(b, data + 4 * 3, Float.floatToIntBits(bad));
            ModelFormatException e = refuse(reseal(b));
            assertEquals(Problem.NON_FINITE, e.problem());
            assertTrue(e.getMessage().contains("layer9.bias") && e.getMessage().contains("index 3"), e.getMessage());
        }
    }

    @Test
    void negativeBatchnormVarianceIsRefused() throws Exception {
        // sqrt(var + eps) of a variance below -eps is NaN for the whole channel; below zero is already no variance
        byte[] b = golden();
        int off = indexOf(b, "layer1.running_var") + "layer1.running_var".length() + 4 + 4;   // dims [3], then data offset
        put32(b, le32(b, off) + 4, Float.floatToIntBits(-0.5f));
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("layer1.running_var") && e.getMessage().contains("negative variance -0.5 at index 1"), e.getMessage());
        // the bound is 0 itself: a hair below is refused, 0 (a channel that never varied) is a variance
        b = golden();
        put32(b, le32(b, off) + 8, Float.floatToIntBits(-1e-6f));
        refuse(b, Problem.MALFORMED, "negative variance -1.0E-6 at index 2");
        b = golden();
        put32(b, le32(b, off) + 8, Float.floatToIntBits(0f));
        Sequential net = ModelFile.read(reseal(b)).toNetwork(1);
        assertEquals(0f, net.params()[net.paramTensor("layer1.running_var").offset + 2]);
        for (float z : net.forward(GoldenFixtures.input(), 1, false)) assertTrue(Float.isFinite(z), "eps keeps sqrt(0 + eps) > 0");
    }

    @Test
    void theWriterRefusesWhatTheReaderWould() {
        Sequential net = GoldenFixtures.network();
        net.params()[net.paramTensor("layer9.bias").offset + 2] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.of(net, GoldenFixtures.metadata(), false));
        assertTrue(e.getMessage().contains("layer9.bias") && e.getMessage().contains("NaN"), e.getMessage());
        Sequential bn = GoldenFixtures.network();
        bn.params()[bn.paramTensor("layer1.running_var").offset] = -1f;
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.of(bn, GoldenFixtures.metadata(), true));
        assertTrue(e.getMessage().contains("negative variance"), e.getMessage());
        // a finite weight at the top of float32: in int8 its code times the scale would be infinite
        Sequential huge = GoldenFixtures.network();
        huge.params()[huge.paramTensor("layer0.weight").offset] = Float.MAX_VALUE;
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.of(huge, GoldenFixtures.metadata(), true));
        assertTrue(e.getMessage().contains("cannot save the network in int8: tensor layer0.weight channel 0"), e.getMessage());
        ModelFile asFloat = ModelFile.of(huge, GoldenFixtures.metadata(), false);   // float32 holds it
        assertEquals(Float.MAX_VALUE, asFloat.toNetwork(1).params()[huge.paramTensor("layer0.weight").offset]);
    }

    @Test
    void int8ScaleThatIsNotFiniteOrMakesInfiniteWeights() throws IOException {
        // 127 * 1e37 overflows, and so does 127 * (MAX / 127f), which rounds up; NaN and the infinities fail the same bound
        float edge = Float.MAX_VALUE / 127f;
        assertEquals(Float.POSITIVE_INFINITY, 127f * edge, "the edge case this test is about");
        for (float bad : new float[]{1e37f, -1e37f, edge, -edge, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] b = resource("golden-v1-int8.nmod");
            int off = indexOf(b, "layer0.weight") + "layer0.weight".length() + 4 + 4 * 4;   // 4 dims, then data offset
            int scales = le32(b, off + 8);                                                     // after data offset, length
            put32(b, scales + 4 * 2, Float.floatToIntBits(bad));
            ModelFormatException e = refuse(reseal(b));
            assertEquals(Problem.NON_FINITE, e.problem(), "scale " + bad);
            assertTrue(e.getMessage().contains("layer0.weight") && e.getMessage().contains("channel 2"), e.getMessage());
        }
    }

    @Test
    void unknownLayerType() throws IOException {
        byte[] b = golden();
        b[28 + 24 * 2] = 42;                  // layer 2's type code
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.UNKNOWN_LAYER, e.problem());
        assertEquals("unknown layer type 42 at layer 2", e.getMessage());
    }

    @Test
    void impossibleArchitecture() throws IOException {
        byte[] b = golden();
        put32(b, 28 + 4 + 4, 30);             // layer 0 kernel 3 → 30 on an 8x8 input
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.SHAPE_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("layer 0 conv2d"), e.getMessage());
    }

    @Test
    void int8OutsideTheSymmetricRange() throws IOException {
        byte[] b = resource("golden-v1-int8.nmod");
        int off = indexOf(b, "layer0.weight") + "layer0.weight".length() + 4 + 16;   // 4 dims, then data offset
        b[le32(b, off)] = -128;
        ModelFormatException e = refuse(reseal(b));
        assertEquals(Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("-128"), e.getMessage());
    }

    @Test
    void trailingGarbage() throws IOException {
        byte[] b = java.util.Arrays.copyOf(golden(), golden().length + 3);
        assertEquals(Problem.MALFORMED, refuse(b).problem());
    }

    // ------------------------------------------------------------ sizes, settings and offsets
    // golden layers (input [1, 8, 8]): 0 conv2d(3, 3x3, s1, p1), 1 batchnorm, 2 relu, 3 maxpool2d(2, s2),
    // 4 conv2d(4, 3x3, s2, p1), 5 flatten, 6 dense(8), 7 sigmoid, 8 dropout(0.25), 9 dense(10)

    /** Byte position of layer i's field: 4 units, 8 kernel, 12 stride, 16 padding, 20 value. */
    static int layer(int i, int field) {
        return 28 + ModelFile.LAYER_RECORD_BYTES * i + field;
    }

    /** Byte position of a tensor entry's dtype (then rank, 2 zero bytes, the dimensions). */
    static int dtypeAt(byte[] b, String tensor) {
        return indexOf(b, tensor) + tensor.length();
    }

    /** Byte position of a tensor entry's data offset (then data length, scales offset). */
    static int dataOffsetAt(byte[] b, String tensor) {
        int dtype = dtypeAt(b, tensor);
        return dtype + 4 + 4 * b[dtype + 1];
    }

    /**
     * The wrong file most often given as a model, the training's checkpoint (magic "NCKP"), is named as such, and a size
     * field bit-flipped to more than the file holds is said to be that or a cut-short file (it said "truncated" alone).
     */
    @Test
    void aCheckpointAndADamagedSizeAreSaidAsSuch() throws IOException {
        byte[] ckpt = golden().clone();
        ckpt[0] = 'N'; ckpt[1] = 'C'; ckpt[2] = 'K'; ckpt[3] = 'P';
        ModelFormatException e = refuse(ckpt);
        assertEquals(Problem.BAD_MAGIC, e.problem());
        assertEquals("a training checkpoint (.ckpt), not a model file: give the model the training wrote (its --out file)", e.getMessage());
        byte[] flipped = golden().clone();
        flipped[8 + 2] ^= 0x40;                                     // the file size (u32 little-endian at 8): + 4 MiB
        e = refuse(flipped);
        assertEquals(Problem.TRUNCATED, e.problem());
        assertTrue(e.getMessage().startsWith("model file truncated or its header damaged: header says "), e.getMessage());
    }

    static ModelFormatException refuse(byte[] b, Problem problem, String... inMessage) {
        ModelFormatException e = refuse(reseal(b));
        assertEquals(problem, e.problem(), e.getMessage());
        for (String m : inMessage) assertTrue(e.getMessage().contains(m), e.getMessage());
        return e;
    }

    /**
     * Layer settings are i32s (docs/model-format.md): over 2^24 is implausible (MALFORMED), below 0 an
     * impossible architecture (SHAPE_MISMATCH, as the format's table says of a size below 1); -1 was
     * read as 4294967295 and called implausible.
     */
    @Test
    void layerSettingsAreBoundedCounts() throws IOException {
        String[] names = {"units", "kernel", "stride", "padding"};
        for (int f = 0; f < 4; f++) {
            for (int bad : new int[]{-1, (1 << 24) + 1, Integer.MIN_VALUE}) {
                byte[] b = golden();
                put32(b, layer(0, 4 + 4 * f), bad);
                if (bad < 0) {
                    refuse(b, Problem.SHAPE_MISMATCH, "layer 0 " + names[f] + " " + bad + " is negative");
                } else {
                    refuse(b, Problem.MALFORMED, "layer 0 " + names[f] + " " + bad, "implausible");
                }
            }
        }
    }

    @Test
    void architecturesOverTheSizeLimitAreRefusedBeforeAnyAllocation() throws IOException {
        byte[] b = golden();
        put32(b, layer(6, 4), 0xFFFFFF);          // dense after a flatten of 16: 16 * (2^24 - 1) weights
        refuse(b, Problem.SHAPE_MISMATCH, "layer 6 dense", "more than 16777216 parameters");
        b = golden();
        put32(b, layer(0, 16), 0xFFFFFF);         // padding 2^24 - 1 on an 8x8 input
        refuse(b, Problem.SHAPE_MISMATCH, "layer 0 conv2d", "padded input");
        b = golden();
        put32(b, layer(0, 4), 1 << 24);           // 2^24 output channels: 9 * 2^24 weights
        refuse(b, Problem.SHAPE_MISMATCH, "layer 0 conv2d", "parameters");
        b = golden();
        put32(b, 16, 1 << 20);                    // input [1, 2^20, 8]: conv 0's im2col holds 2 * 9 * 2^23 values
        refuse(b, Problem.SHAPE_MISMATCH, "layer 0 conv2d", "im2col buffer over 16777216 values");
    }

    /**
     * The input counts towards the activations of one sample too, also when no layer follows: a wrapping
     * int product let [1, 65536, 65536] (2^32 values) through as an input of 0 values, [1, 46341, 46341]
     * crashed on a negative array size and [1, 2^24, 127] (8 GB of floats) ran out of memory.
     */
    @Test
    void inputsOverTheSizeLimitAreRefusedBeforeAnyAllocation() throws IOException {
        LayerSpec[][] layerLists = {{}, {LayerSpec.relu()}, {LayerSpec.dropout(0f)}};
        int[][] inputs = {{1, 46341, 46341}, {1, 1 << 24, 127}, {1, 65536, 65536}, {1, 4096, 4097}, {1 << 24, 1 << 24, 1 << 24}};
        for (LayerSpec[] layers : layerLists) {
            for (int[] in : inputs) {
                // a file of parameter-free layers on input [1, 1, 1], its input dimensions set afterwards
                byte[] b = ModelFile.of(Sequential.create(new int[]{1, 1, 1}, layers, 1), java.util.Map.of(), false).write();
                for (int d = 0; d < 3; d++) put32(b, 12 + 4 * d, in[d]);
                refuse(b, Problem.SHAPE_MISMATCH, "input " + dev.numera.core.tensor.Tensor.describe(in), "more than 16777216 activation values");
            }
        }
    }

    @Test
    void inputDimensionsAreAtLeastOne() throws IOException {
        String[] names = {"input channels", "input height", "input width"};
        for (int d = 0; d < 3; d++) {
            byte[] b = golden();
            put32(b, 12 + 4 * d, 0);
            refuse(b, Problem.MALFORMED, names[d] + " is 0");
        }
    }

    @Test
    void countsOver2To24AreImplausible() throws IOException {
        int tooMany = (1 << 24) + 1;
        byte[] b = golden();
        put32(b, 24, tooMany);
        refuse(b, Problem.MALFORMED, "layer count 16777217");
        b = golden();
        put32(b, 24, 1 << 24);                    // plausible, but 400 MB of records the file does not have
        refuse(b, Problem.TRUNCATED, "layer records");
        b = golden();
        put32(b, layer(10, 0), tooMany);          // the metadata count follows the 10 layer records
        // the whole message: a field after the layer records belongs to no layer
        assertEquals("metadata count 16777217 is implausible (more than 2^24)", refuse(b, Problem.MALFORMED).getMessage());
        b = golden();
        put32(b, indexOf(b, "layer0.weight") - 2 - 4, tooMany);   // before the first entry's name and its length
        assertEquals("tensor count 16777217 is implausible (more than 2^24)", refuse(b, Problem.MALFORMED).getMessage());
        b = golden();
        put32(b, dtypeAt(b, "layer6.weight") + 4, tooMany);
        assertEquals("tensor layer6.weight dimension 16777217 is implausible (more than 2^24)", refuse(b, Problem.MALFORMED).getMessage());
    }

    @Test
    void unusedLayerSettingsMustBeZero() throws IOException {
        int[][] cases = {{3, 4}, {3, 16}, {3, 20}, {2, 8}, {5, 12}, {6, 8}, {6, 20}, {1, 4}, {8, 16}};   // {layer, field}
        String[] want = {"maxpool2d has units", "maxpool2d has padding", "maxpool2d has value", "relu has kernel",
                "flatten has stride", "dense has kernel", "dense has value", "batchnorm has units", "dropout has padding"};
        for (int k = 0; k < cases.length; k++) {
            byte[] b = golden();
            int at = layer(cases[k][0], cases[k][1]);
            put32(b, at, cases[k][1] == 20 ? Float.floatToIntBits(0.5f) : 1);
            refuse(b, Problem.MALFORMED, "layer " + cases[k][0] + " " + want[k], "must be 0");
        }
        byte[] b = golden();   // "must be 0" is all four bytes: -0.0 (0x80000000) equals 0 as a float, not as bytes
        put32(b, layer(3, 20), 0x80000000);
        refuse(b, Problem.MALFORMED, "layer 3 maxpool2d has value -0.0", "must be 0");
    }

    @Test
    void aMetadataKeyTwiceIsRefused() throws Exception {
        // train.seed renamed input.mean (the same length): a reader keeping the first value would normalise with
        // mean 0, one keeping the last with 7
        byte[] b = ModelFile.of(GoldenFixtures.network(), GoldenFixtures.metadata(), false).write();
        byte[] key = ModelFile.META_INPUT_MEAN.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(key, 0, b, indexOf(b, ModelFile.META_SEED), key.length);
        refuse(b, Problem.MALFORMED, "metadata key \"input.mean\" appears twice");
    }

    @Test
    void batchnormEpsilonMustBePositiveAndFinite() throws IOException {
        for (float bad : new float[]{Float.POSITIVE_INFINITY, 0f, -1e-5f, Float.NaN}) {
            byte[] b = golden();
            put32(b, layer(1, 20), Float.floatToIntBits(bad));
            refuse(b, Problem.SHAPE_MISMATCH, "layer 1 batchnorm", "epsilon");
        }
    }

    @Test
    void kernelLargerThanThePaddedInputWithAStride() throws IOException {
        // layer 4 sees [3, 4, 4], padded 6: kernel 7 at stride 2 gave (6 - 7) / 2 + 1 = 1 row when the division truncated
        byte[] b = golden();
        put32(b, layer(4, 8), 7);
        refuse(b, Problem.SHAPE_MISMATCH, "layer 4 conv2d", "kernel larger than the padded input");
        // each side on its own: input [1, 10, 8] gives layer 4 [3, 5, 4], padded 7 high (room for the kernel)
        // and 6 wide (none); input [1, 8, 10] the other way round
        for (int[] hw : new int[][]{{10, 8}, {8, 10}}) {
            b = golden();
            put32(b, 16, hw[0]);
            put32(b, 20, hw[1]);
            put32(b, layer(4, 8), 7);
            refuse(b, Problem.SHAPE_MISMATCH, "layer 4 conv2d", "kernel larger than the padded input");
        }
    }

    @Test
    void unknownDtype() throws IOException {
        byte[] b = golden();
        b[dtypeAt(b, "layer0.bias")] = 3;
        refuse(b, Problem.MALFORMED, "layer0.bias has unknown dtype 3");
    }

    @Test
    void int8IsForWeightsOnly() throws IOException {
        for (String tensor : new String[]{"layer0.bias", "layer1.gamma", "layer1.running_var"}) {
            byte[] b = resource("golden-v1-int8.nmod");
            b[dtypeAt(b, tensor)] = (byte) ModelFile.DTYPE_INT8;
            refuse(b, Problem.MALFORMED, tensor + " is int8", "weights only");
        }
    }

    @Test
    void float32WithAScalesOffset() throws IOException {
        byte[] b = golden();
        int scales = dataOffsetAt(b, "layer0.bias") + 8;
        put32(b, scales, le32(b, dataOffsetAt(b, "layer0.bias")));
        refuse(b, Problem.MALFORMED, "float32 tensor layer0.bias has a scales offset");
    }

    @Test
    void unalignedDataOffset() throws IOException {
        byte[] b = golden();
        int at = dataOffsetAt(b, "layer0.bias");
        put32(b, at, le32(b, at) + 4);
        refuse(b, Problem.MALFORMED, "layer0.bias data offset", "not 8-byte aligned");
    }

    @Test
    void overlappingDataBlocks() throws IOException {
        byte[] b = golden();
        int weight = le32(b, dataOffsetAt(b, "layer0.weight"));   // 27 floats: 108 bytes
        put32(b, dataOffsetAt(b, "layer0.bias"), weight + 64);
        refuse(b, Problem.MALFORMED, "layer0.bias data", "before the end of layer0.weight data");
        // int8: the scales inside their own tensor's codes
        b = resource("golden-v1-int8.nmod");
        int at = dataOffsetAt(b, "layer4.weight");
        put32(b, at + 8, le32(b, at) + 8);
        refuse(b, Problem.MALFORMED, "layer4.weight scales", "before the end of layer4.weight data");
        // by less than one 8-byte step: any overlap at all is refused. The weight's 108 bytes end 4 bytes
        // into the step at weight + 104, where the bias now starts; the int8 codes (108 bytes) likewise
        b = golden();
        put32(b, dataOffsetAt(b, "layer0.bias"), weight + 104);
        refuse(b, Problem.MALFORMED, "layer0.bias data at bytes " + (weight + 104), "before the end of layer0.weight data (byte " + (weight + 108) + ")");
        b = resource("golden-v1-int8.nmod");
        at = dataOffsetAt(b, "layer4.weight");
        put32(b, at + 8, le32(b, at) + 104);
        refuse(b, Problem.MALFORMED, "layer4.weight scales", "before the end of layer4.weight data");
    }

    @Test
    void dataBlocksOutOfEntryOrder() throws IOException {
        byte[] b = golden();
        int bias = dataOffsetAt(b, "layer0.bias"), gamma = dataOffsetAt(b, "layer1.gamma");   // both 3 floats
        int biasData = le32(b, bias);
        put32(b, bias, le32(b, gamma));
        put32(b, gamma, biasData);
        refuse(b, Problem.MALFORMED, "layer1.gamma data", "before the end of layer0.bias data");
    }

    @Test
    void dataBlockInsideTheHeaderOrTable() throws IOException {
        byte[] b = golden();
        put32(b, dataOffsetAt(b, "layer0.weight"), 8);
        refuse(b, Problem.MALFORMED, "layer0.weight data at bytes 8..116", "the tensor table");
    }

    @Test
    void dataBlockPastTheEnd() throws IOException {
        for (int off : new int[]{golden().length - 4 - 8, 0xFFFFFFF8}) {
            byte[] b = golden();
            put32(b, dataOffsetAt(b, "layer9.bias"), off);
            refuse(b, Problem.TRUNCATED, "layer9.bias data", "runs past the data region");
        }
    }

    @Test
    void reservedBytesMustBeZero() throws IOException {
        for (int k = 1; k <= 3; k++) {            // a layer record's bytes 1-3
            byte[] b = golden();
            b[layer(2, k)] = 1;
            refuse(b, Problem.MALFORMED, "layer 2 reserved bytes must be 0");
        }
        for (int k = 2; k <= 3; k++) {            // a tensor entry's 2 bytes after dtype and rank
            byte[] b = golden();
            b[dtypeAt(b, "layer6.weight") + k] = (byte) 0x80;
            refuse(b, Problem.MALFORMED, "tensor layer6.weight reserved bytes must be 0");
        }
    }

    @Test
    void nothingButTheFinalPaddingBeforeTheCrc() throws IOException {
        for (int extra : new int[]{4, 8}) {       // 4 breaks the size rule (4 more than a multiple of 8), 8 keeps it
            byte[] g = golden();
            byte[] b = new byte[g.length + extra];
            System.arraycopy(g, 0, b, 0, g.length - 4);   // extra zero bytes between the padding and the CRC
            put32(b, 8, b.length);
            refuse(b, Problem.MALFORMED, extra + " bytes between the end of layer9.bias data", "and the CRC");
        }
    }

    @Test
    void wellKnownMetadataValuesMustBeUsable() throws Exception {
        String[][] bad = {
                {ModelFile.META_TEMPERATURE, "0"}, {ModelFile.META_TEMPERATURE, "-1.5"}, {ModelFile.META_TEMPERATURE, "NaN"},
                {ModelFile.META_TEMPERATURE, "Infinity"}, {ModelFile.META_TEMPERATURE, "warm"},
                {ModelFile.META_INPUT_STD, "0"}, {ModelFile.META_INPUT_STD, "-0.3081"}, {ModelFile.META_INPUT_STD, "1e39"},
                {ModelFile.META_INPUT_STD, "1e-39"},   // finite and > 0, but 1 / std is infinite in float32
                {ModelFile.META_INPUT_MEAN, "NaN"}, {ModelFile.META_INPUT_MEAN, "-Infinity"}, {ModelFile.META_INPUT_MEAN, ""},
                // numbers Java's parseFloat reads and TeaVM's (the browser's reader) does not all: decimal only
                {ModelFile.META_INPUT_MEAN, "0x1p-3"}, {ModelFile.META_INPUT_STD, "0.25d"}, {ModelFile.META_TEMPERATURE, "1f"},
                {ModelFile.META_INPUT_MEAN, " 0.5"}, {ModelFile.META_INPUT_MEAN, "1e"}, {ModelFile.META_INPUT_MEAN, "."}};
        for (String[] kv : bad) {
            java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
            // the writer refuses the value under its own key, so it goes under a stand-in key of the
            // same length, renamed in the bytes afterwards
            String standIn = kv[0].substring(0, kv[0].length() - 1) + "#";
            meta.remove(kv[0]);   // (the key once: twice is a problem of its own)
            meta.put(standIn, kv[1]);
            Exception w = assertThrows(IllegalArgumentException.class, () -> ModelFile.of(GoldenFixtures.network(), java.util.Map.of(kv[0], kv[1]), false));
            assertTrue(w.getMessage().contains("metadata " + kv[0]), w.getMessage());
            byte[] b = ModelFile.of(GoldenFixtures.network(), meta, false).write();
            int at = indexOf(b, standIn);
            System.arraycopy(kv[0].getBytes(StandardCharsets.UTF_8), 0, b, at, kv[0].length());
            ModelFormatException e = refuse(reseal(b));
            assertEquals(Problem.MALFORMED, e.problem(), kv[0] + " = " + kv[1]);
            assertTrue(e.getMessage().contains("metadata " + kv[0] + " is \"" + kv[1] + "\""), e.getMessage());
        }
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(GoldenFixtures.metadata());
        meta.put(ModelFile.META_INPUT_MEAN, "-0.5");                  // a negative mean is fine
        meta.put(ModelFile.META_INPUT_STD, "0.3081");
        ModelFile m = ModelFile.read(ModelFile.of(GoldenFixtures.network(), meta, false).write());
        assertEquals(-0.5f, m.floatMeta(ModelFile.META_INPUT_MEAN, 0));
        meta.put(ModelFile.META_INPUT_STD, "3e-39");                  // 1 / 3e-39 = 3.3e38 is still a float32
        m = ModelFile.read(ModelFile.of(GoldenFixtures.network(), meta, false).write());
        assertEquals(3e-39f, m.floatMeta(ModelFile.META_INPUT_STD, 0));
        for (String ok : new String[] {"+.5", "5.", "1E-3", "-0", "0.1307", "12e+2"}) {
            assertTrue(ModelFile.isDecimal(ok), ok);
        }
    }

    static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static void put32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
