package dev.numera.core.model;

import dev.numera.core.model.ModelFormatException.Problem;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import dev.numera.core.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Numera model file, format v1 (specified in docs/model-format.md): the architecture, named
 * parameter tensors in float32 or int8, metadata, and a CRC-32 trailer. Reads and writes bytes;
 * files and atomic writes are the caller's business.
 *
 * <p>{@link #read} refuses anything it cannot fully trust, with a {@link ModelFormatException}
 * naming the problem. {@link #toNetwork} builds a {@link Sequential} from the file alone.
 */
public final class ModelFile {
    public static final byte[] MAGIC = {'N', 'M', 'O', 'D'};
    public static final int VERSION = 1;
    public static final int DTYPE_FLOAT32 = 1;
    public static final int DTYPE_INT8 = 2;
    /** {@link #of(Sequential, Map, int)}'s bits for weights kept as float32 (and {@link #weightBits()} of a float32 file). */
    public static final int FLOAT32_BITS = 32;
    static final int LAYER_RECORD_BYTES = 24;

    // well-known metadata keys (all values are strings)
    public static final String META_INPUT_MEAN = "input.mean";
    public static final String META_INPUT_STD = "input.std";
    public static final String META_TEMPERATURE = "softmax.temperature";
    public static final String META_ACCURACY = "accuracy";
    public static final String META_SEED = "train.seed";
    public static final String META_DATE = "train.date";
    public static final String META_ARCH = "train.arch";

    /**
     * A named tensor as stored: float32 values, or int8 codes with per-output-channel scales. An int8
     * tensor keeps only its codes (a quarter of the floats' bytes); {@link #values()} dequantises them.
     */
    public static final class Entry {
        public final String name;
        public final int dtype;
        private final int[] shape;
        /** float32 only; null for int8. */
        private final Tensor stored;
        /** int8 codes [outChannels * perChannel] and per-output-channel scales; null for float32. */
        public final byte[] q;
        public final float[] scales;

        Entry(String name, int dtype, int[] shape, Tensor stored, byte[] q, float[] scales) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.stored = stored;
            this.q = q;
            this.scales = scales;
        }

        public int[] shape() {
            return shape.clone();
        }

        /** Number of values. */
        public int size() {
            return Tensor.sizeOf(shape);
        }

        /** The values as floats: the stored tensor, or a fresh one holding the dequantised codes. */
        public Tensor values() {
            if (stored != null) return stored;
            float[] v = new float[size()];
            copyTo(v, 0);
            return new Tensor(v, shape);
        }

        /** Writes the values (dequantised when int8) into dst[off, off + size()). */
        void copyTo(float[] dst, int off) {
            if (stored != null) {
                System.arraycopy(stored.data, 0, dst, off, stored.data.length);
            } else {
                Int8Quantizer.dequantize(q, scales, scales.length, q.length / scales.length, dst, off);
            }
        }
    }

    private final int[] inputShape;
    private final LayerSpec[] layers;
    private final Map<String, String> metadata;
    private final List<Entry> tensors;
    private int byteSize;       // of the encoded file: as read, or as write() encodes it
    /** The network {@link #read} built to check the architecture, handed out by the first toNetwork(1). */
    private final AtomicReference<Sequential> spare = new AtomicReference<>();

    private ModelFile(int[] inputShape, LayerSpec[] layers, Map<String, String> metadata, List<Entry> tensors, int byteSize) {
        this.inputShape = inputShape;
        this.layers = layers;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = Collections.unmodifiableList(tensors);
        this.byteSize = byteSize;
    }

    // ---------------------------------------------------------------- building

    /** {@link #of(Sequential, Map, int)} with 8-bit int8 codes, or float32. */
    public static ModelFile of(Sequential net, Map<String, String> metadata, boolean int8) {
        return of(net, metadata, int8 ? Int8Quantizer.MAX_BITS : FLOAT32_BITS);
    }

    /**
     * Captures a network's parameters. With {@code bits} 2 to 8, every weight tensor (conv2d and dense weights) is
     * quantised per output channel into int8 codes of that many bits ({@link Int8Quantizer}); biases and batchnorm
     * values stay float32. With {@link #FLOAT32_BITS} every tensor stays float32.
     */
    public static ModelFile of(Sequential net, Map<String, String> metadata, int bits) {
        boolean int8 = bits != FLOAT32_BITS;
        if (int8 && (bits < Int8Quantizer.MIN_BITS || bits > Int8Quantizer.MAX_BITS)) {
            throw new IllegalArgumentException("bits must be " + Int8Quantizer.MIN_BITS + ".." + Int8Quantizer.MAX_BITS + " or " + FLOAT32_BITS + ", got " + bits);
        }
        try {   // never write a file the reader would refuse
            checkWellKnown(metadata);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        List<Entry> list = new ArrayList<>();
        float[] p = net.params();
        for (ParamTensor t : net.paramTensors()) {
            float[] v = new float[t.length];
            System.arraycopy(p, t.offset, v, 0, t.length);
            try {   // a diverged training run must not leave a file behind that no reader takes
                checkFinite(t.name, v);
                if (t.name.endsWith(".running_var")) checkVariance(t.name, v);
            } catch (ModelFormatException e) {
                throw new IllegalArgumentException("cannot save the network: " + e.getMessage());
            }
            boolean quantise = int8 && t.name.endsWith(".weight");
            if (quantise) {
                int per = t.length / t.outChannels();
                byte[] q = new byte[t.length];
                float[] scales = new float[t.outChannels()];
                Int8Quantizer.quantize(v, 0, t.outChannels(), per, bits, q, scales);
                for (int o = 0; o < scales.length; o++) {
                    if (!boundsEveryWeight(scales[o])) {
                        throw new IllegalArgumentException("cannot save the network in int8: tensor " + t.name + " channel " + o
                                + " has a weight so close to float32's limit that 127 times its scale overflows; save it as float32");
                    }
                }
                list.add(new Entry(t.name, DTYPE_INT8, t.shape.clone(), null, q, scales));
            } else {
                list.add(new Entry(t.name, DTYPE_FLOAT32, t.shape.clone(), new Tensor(v, t.shape), null, null));
            }
        }
        ModelFile file = new ModelFile(net.inputShape(), net.specs(), new LinkedHashMap<>(metadata), list, -1);
        // encoded once here, so byteSize() is a plain field: a lazy write() behind it would put the
        // whole writer (and a UTF-8 encoder) into the browser builds, which only read files
        file.byteSize = file.write().length;
        return file;
    }

    /**
     * This file with other metadata: the same architecture and tensors (shared, not copied: an entry is never changed),
     * so the same codes without quantising again. Checked as {@link #of(Sequential, Map, int)} checks metadata.
     */
    public ModelFile withMetadata(Map<String, String> metadata) {
        try {
            checkWellKnown(metadata);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ModelFile file = new ModelFile(inputShape, layers, new LinkedHashMap<>(metadata), tensors, -1);
        file.byteSize = file.write().length;   // as of() does, and a value too long for the format is refused here
        return file;
    }

    /** A network holding this file's parameters (dequantised), for {@code capacity} samples per pass. */
    public Sequential toNetwork(int capacity) {
        Sequential net = capacity == 1 ? takeSpare() : null;
        if (net == null) {
            net = Sequential.create(inputShape, layers, capacity);
            for (Entry e : tensors) e.copyTo(net.params(), net.paramTensor(e.name).offset);
        }
        net.setTemperature(floatMeta(META_TEMPERATURE, 1f));
        return net;
    }

    /**
     * read() builds the architecture's network to learn which tensors it needs and dequantises the
     * file straight into its parameters; the first toNetwork(1) takes it instead of building a second
     * one and a float copy of every tensor, which a page start pays for (allocation, and the garbage
     * collection it brings forward into the first recognition).
     */
    private Sequential takeSpare() {
        // an atomic swap, not a synchronized method: as safe for trainers' threads, and TeaVM builds no
        // monitor (seven functions the page start compiled and ran for this one call)
        return spare.getAndSet(null);
    }

    // ---------------------------------------------------------------- accessors

    public int[] inputShape() {
        return inputShape.clone();
    }

    public LayerSpec[] layers() {
        return layers.clone();
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public List<Entry> tensors() {
        return tensors;
    }

    /** Size of the encoded file in bytes. */
    public int byteSize() {
        return byteSize;
    }

    /** "int8" when any tensor is int8, else "float32". */
    public String dtype() {
        for (Entry e : tensors) if (e.dtype == DTYPE_INT8) return "int8";
        return "float32";
    }

    /** The bits the int8 weights' codes use, the most of any tensor (6 for the shipped model); {@link #FLOAT32_BITS} without int8 weights. */
    public int weightBits() {
        int bits = 0;
        for (Entry e : tensors) if (e.dtype == DTYPE_INT8) bits = Math.max(bits, Int8Quantizer.bitsUsed(e.q));
        return bits == 0 ? FLOAT32_BITS : bits;
    }

    /** Number of stored parameter values (batchnorm running statistics included). */
    public int parameterCount() {
        int n = 0;
        for (Entry e : tensors) n += e.size();
        return n;
    }

    /** A float metadata value, or the fallback when absent or unparsable. */
    public float floatMeta(String key, float fallback) {
        String v = metadata.get(key);
        if (v == null) return fallback;
        try {
            float f = Float.parseFloat(v);
            return Float.isNaN(f) || Float.isInfinite(f) ? fallback : f;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---------------------------------------------------------------- writing

    /** The file's bytes, format v1. */
    public byte[] write() {
        Bytes out = new Bytes();
        out.raw(MAGIC);
        out.u32(VERSION);
        out.u32(0);                       // file size, patched below
        for (int d : inputShape) out.u32(d);
        out.u32(layers.length);
        for (LayerSpec s : layers) {
            out.u8(s.type.code);
            out.u8(0);
            out.u8(0);
            out.u8(0);
            out.u32(s.units);
            out.u32(s.kernel);
            out.u32(s.stride);
            out.u32(s.padding);
            out.f32(s.value);
        }
        out.u32(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.str(e.getKey());
            out.str(e.getValue());
        }
        // the tensor table needs the data offsets: lay the data out after the table
        int tableStart = out.size() + 4, tableSize = 0;
        for (Entry e : tensors) tableSize += 2 + utf8(e.name).length + 4 + 4 * e.shape.length + 12;
        int pos = align8(tableStart + tableSize);
        int[] dataOff = new int[tensors.size()], scaleOff = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            Entry e = tensors.get(i);
            dataOff[i] = pos;
            pos = align8(pos + dataBytes(e));
            if (e.dtype == DTYPE_INT8) {
                scaleOff[i] = pos;
                pos = align8(pos + 4 * e.scales.length);
            }
        }
        out.u32(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            Entry e = tensors.get(i);
            out.str(e.name);
            out.u8(e.dtype);
            out.u8(e.shape.length);
            out.u8(0);
            out.u8(0);
            for (int d : e.shape) out.u32(d);
            out.u32(dataOff[i]);
            out.u32(dataBytes(e));
            out.u32(scaleOff[i]);
        }
        for (int i = 0; i < tensors.size(); i++) {
            Entry e = tensors.get(i);
            out.padTo(dataOff[i]);
            if (e.dtype == DTYPE_INT8) {
                out.raw(e.q);
                out.padTo(scaleOff[i]);
                for (float s : e.scales) out.f32(s);
            } else {
                for (float v : e.stored.data) out.f32(v);
            }
        }
        out.padTo(pos);
        int size = out.size() + 4;
        out.patchU32(8, size);
        out.u32(Crc32.of(out.buf, 0, out.size()));
        return out.toArray();
    }

    private static int dataBytes(Entry e) {
        return e.dtype == DTYPE_INT8 ? e.q.length : 4 * e.size();
    }

    static int align8(int x) {
        return (x + 7) & ~7;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code len} bytes of UTF-8 at {@code off} as a string, or null when they are not well-formed
     * UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing past U+10FFFF, no cut or
     * stray continuation byte), where {@code new String(.., UTF_8)} would put U+FFFD in silently. By
     * hand because the charset classes behind that constructor were 4-5 KB of each browser build
     * (numera.js and numera.wasm, before gzip) that nothing else there uses.
     */
    static String decodeUtf8(byte[] b, int off, int len) {
        char[] out = new char[len];   // UTF-16 never needs more units than UTF-8 has bytes
        int n = 0, i = off, end = off + len;
        while (i < end) {
            int c = b[i++] & 0xFF;
            if (c < 0x80) {
                out[n++] = (char) c;
                continue;
            }
            int more, min;   // continuation bytes, and the smallest code point that needs them
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1; min = 0x80; c &= 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2; min = 0x800; c &= 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3; min = 0x10000; c &= 0x07;
            } else {
                return null;   // a continuation byte first, C0/C1 (always overlong) or F5-FF
            }
            if (end - i < more) return null;
            for (int k = 0; k < more; k++) {
                int x = b[i++] & 0xFF;
                if ((x & 0xC0) != 0x80) return null;
                c = c << 6 | x & 0x3F;
            }
            if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return null;
            if (c < 0x10000) {
                out[n++] = (char) c;
            } else {   // a surrogate pair
                out[n++] = (char) (0xD800 + ((c - 0x10000) >> 10));
                out[n++] = (char) (0xDC00 + ((c - 0x10000) & 0x3FF));
            }
        }
        return new String(out, 0, n);
    }

    // ---------------------------------------------------------------- reading

    /** The bytes {@link #checkHeader} needs: magic, version and file size. */
    public static final int HEADER_CHECK_BYTES = 12;

    /**
     * Checks a file's first bytes (magic, version, the file size it declares) against the file's
     * length, so that a reader can refuse a file that is not a model, or not this one, before reading
     * it whole. {@link #read} runs the same check first.
     *
     * @param head   the file's first bytes (all of them if fewer than {@link #HEADER_CHECK_BYTES})
     * @param length the whole file's length in bytes
     * @return the declared file size
     */
    public static int checkHeader(byte[] head, long length) throws ModelFormatException {
        if (head == null || head.length < 4) throw new ModelFormatException(Problem.TRUNCATED, "model file truncated: " + (head == null ? 0 : head.length) + " bytes");
        for (int i = 0; i < 4; i++) {
            if (head[i] != MAGIC[i]) {
                // the training's checkpoint beside a model (model.nmod.ckpt) is the likeliest wrong file to be given
                boolean checkpoint = head[0] == 'N' && head[1] == 'C' && head[2] == 'K' && head[3] == 'P';
                throw new ModelFormatException(Problem.BAD_MAGIC, checkpoint
                        ? "a training checkpoint (.ckpt), not a model file: give the model the training wrote (its --out file)"
                        : "not a Numera model file (wrong magic, expected \"NMOD\")");
            }
        }
        Reader in = new Reader(head);
        in.pos = 4;
        int version = in.u32("version");
        if (version != VERSION) throw new ModelFormatException(Problem.UNSUPPORTED_VERSION, "unsupported model format version " + Integer.toUnsignedString(version) + " (this reader knows version " + VERSION + ")");
        int size = in.u32("file size");
        // a file cut short and a damaged size field look the same from here (the checksum is read only once the size is trusted)
        if (size < 0 || length < size) throw new ModelFormatException(Problem.TRUNCATED, "model file truncated or its header damaged: header says "
                + Integer.toUnsignedString(size) + " bytes, got " + length);
        if (length > size) throw new ModelFormatException(Problem.MALFORMED, "model file has " + (length - size) + " unexpected bytes after its end");
        return size;
    }

    /** Parses and validates a whole file; every problem is a {@link ModelFormatException}. */
    public static ModelFile read(byte[] bytes) throws ModelFormatException {
        int size = checkHeader(bytes, bytes == null ? 0 : bytes.length);
        Reader in = new Reader(bytes);
        in.pos = HEADER_CHECK_BYTES;   // past magic, version and file size
        if (size < 36) throw new ModelFormatException(Problem.TRUNCATED, "model file truncated: " + size + " bytes is shorter than any header");
        int stored = (bytes[size - 4] & 0xFF) | (bytes[size - 3] & 0xFF) << 8 | (bytes[size - 2] & 0xFF) << 16 | (bytes[size - 1] & 0xFF) << 24;
        int actual = Crc32.of(bytes, 0, size - 4);
        if (stored != actual) throw new ModelFormatException(Problem.CRC_MISMATCH, "model file corrupt (CRC mismatch: stored " + Integer.toHexString(stored) + ", computed " + Integer.toHexString(actual) + ")");
        in.limit = size - 4;

        int[] inputShape = {in.dimension("input channels"), in.dimension("input height"), in.dimension("input width")};
        int layerCount = in.count("layer count");
        in.need(layerCount * LAYER_RECORD_BYTES, "layer records");   // before allocating for them
        LayerSpec[] layers = new LayerSpec[layerCount];
        for (int i = 0; i < layerCount; i++) {
            in.owner("layer ", i);
            int code = in.u8("type");
            in.zeros(3, "reserved bytes");
            LayerSpec.Type type = LayerSpec.Type.ofCode(code);
            if (type == null) throw new ModelFormatException(Problem.UNKNOWN_LAYER, "unknown layer type " + code + " at layer " + i);
            layers[i] = new LayerSpec(type, in.setting("units"), in.setting("kernel"), in.setting("stride"), in.setting("padding"), in.f32("value"));
            checkUnusedSettings(layers[i], i);
        }
        in.owner(null, 0);
        Sequential shapeOracle;   // derives the tensors the architecture needs
        try {
            shapeOracle = Sequential.create(inputShape, layers, 1);
        } catch (IllegalArgumentException e) {   // impossible, or over Sequential.MAX_VALUES
            throw new ModelFormatException(Problem.SHAPE_MISMATCH, "invalid architecture: " + e.getMessage());
        }
        int metaCount = in.count("metadata count");
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < metaCount; i++) {
            String key = in.str("metadata key");
            // one value per key: a reader that kept the first and one that kept the last would run different networks
            if (meta.put(key, in.str("metadata value")) != null) {
                throw new ModelFormatException(Problem.MALFORMED, "metadata key \"" + key + "\" appears twice");
            }
        }
        checkWellKnown(meta);

        int tensorCount = in.count("tensor count");
        List<ParamTensor> expected = shapeOracle.paramTensors();
        if (tensorCount != expected.size()) throw new ModelFormatException(Problem.SHAPE_MISMATCH, "architecture needs " + expected.size() + " tensors, file has " + tensorCount);
        // the whole table first: the data blocks come after it
        TableRow[] table = new TableRow[tensorCount];
        for (int i = 0; i < tensorCount; i++) table[i] = TableRow.read(in, i, expected.get(i));
        int blockEnd = in.pos;
        String before = null, beforePart = "the tensor table";   // the block before, named as block() names it
        float[] params = shapeOracle.params();   // the values go straight into the network toNetwork(1) hands out
        List<Entry> entries = new ArrayList<>();
        for (TableRow t : table) {
            String name = t.want.name;
            int count = t.want.length;
            blockEnd = in.block(name, " data", t.dataOff, t.dataLen, blockEnd, before, beforePart);
            before = name;
            beforePart = " data";
            if (t.dtype == DTYPE_INT8) {
                int ch = t.want.outChannels();
                blockEnd = in.block(name, " scales", t.scaleOff, 4 * ch, blockEnd, before, beforePart);
                beforePart = " scales";
                byte[] q = new byte[count];
                System.arraycopy(bytes, t.dataOff, q, 0, count);
                float[] scales = new float[ch];
                for (int o = 0; o < ch; o++) scales[o] = in.f32At(t.scaleOff + 4 * o);
                // codes are within ±127, so a scale that keeps 127 x scale finite bounds every weight: no pass over the weights
                for (int o = 0; o < ch; o++) {
                    if (!boundsEveryWeight(scales[o])) {
                        throw new ModelFormatException(Problem.NON_FINITE, "tensor " + name + " scale " + scales[o] + " of channel " + o
                                + " is not finite or makes infinite weights");
                    }
                }
                if (Int8Quantizer.dequantize(q, scales, ch, count / ch, params, t.want.offset) >= 0) {
                    throw new ModelFormatException(Problem.MALFORMED, "tensor " + name + " holds int8 value -128, outside the symmetric range [-127, 127]");
                }
                entries.add(new Entry(name, t.dtype, t.want.shape.clone(), null, q, scales));
            } else {
                float[] v = new float[count];
                for (int k = 0; k < count; k++) v[k] = in.f32At(t.dataOff + 4 * k);
                checkFinite(name, v);
                if (name.endsWith(".running_var")) checkVariance(name, v);
                System.arraycopy(v, 0, params, t.want.offset, count);
                entries.add(new Entry(name, t.dtype, t.want.shape.clone(), new Tensor(v, t.want.shape), null, null));
            }
        }
        // the writer pads the last block only to the next 8-byte boundary, so the file size is 4 more
        // than a multiple of 8; a longer gap before the CRC would be bytes no reader looks at
        if (align8(blockEnd) != size - 4) {
            throw new ModelFormatException(Problem.MALFORMED, (size - 4 - blockEnd) + " bytes between the end of " + Reader.join(before, beforePart)
                    + " (byte " + blockEnd + ") and the CRC; the format pads only to the next 8-byte boundary");
        }
        ModelFile file = new ModelFile(inputShape, layers, meta, entries, size);
        file.spare.set(shapeOracle);
        return file;
    }

    /** One tensor table entry, checked against the tensor the architecture needs at that place. */
    private static final class TableRow {
        final ParamTensor want;
        final int dtype, dataOff, dataLen, scaleOff;

        private TableRow(ParamTensor want, int dtype, int dataOff, int dataLen, int scaleOff) {
            this.want = want;
            this.dtype = dtype;
            this.dataOff = dataOff;
            this.dataLen = dataLen;
            this.scaleOff = scaleOff;
        }

        static TableRow read(Reader in, int i, ParamTensor want) throws ModelFormatException {
            String name = in.str("tensor name");
            in.owner("tensor ", name);
            int dtype = in.u8("dtype");
            int rank = in.u8("rank");
            in.zeros(2, "reserved bytes");
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) shape[d] = in.count("dimension");
            int dataOff = in.u32("data offset"), dataLen = in.u32("data length"), scaleOff = in.u32("scales offset");
            in.owner(null, 0);
            if (!want.name.equals(name)) throw new ModelFormatException(Problem.SHAPE_MISMATCH, "tensor " + i + " is \"" + name + "\", the architecture needs \"" + want.name + "\"");
            if (!java.util.Arrays.equals(want.shape, shape)) throw new ModelFormatException(Problem.SHAPE_MISMATCH, "tensor " + name + " has shape " + Tensor.describe(shape) + ", the architecture needs " + Tensor.describe(want.shape));
            if (dtype != DTYPE_FLOAT32 && dtype != DTYPE_INT8) throw new ModelFormatException(Problem.MALFORMED, "tensor " + name + " has unknown dtype " + dtype);
            // as the writer quantises: weights only, biases and batchnorm values stay float32
            if (dtype == DTYPE_INT8 && !name.endsWith(".weight")) throw new ModelFormatException(Problem.MALFORMED, "tensor " + name + " is int8; the format allows int8 for weights only");
            int needLen = dtype == DTYPE_INT8 ? want.length : 4 * want.length;
            if (dataLen != needLen) throw new ModelFormatException(Problem.SHAPE_MISMATCH, "tensor " + name + " has " + Integer.toUnsignedString(dataLen) + " data bytes, shape " + Tensor.describe(shape) + " needs " + needLen);
            if (dtype == DTYPE_FLOAT32 && scaleOff != 0) throw new ModelFormatException(Problem.MALFORMED, "float32 tensor " + name + " has a scales offset");
            return new TableRow(want, dtype, dataOff, dataLen, scaleOff);
        }
    }

    /**
     * The format's "others 0": a layer setting its type does not use must be 0, so that no file
     * carries values this reader would silently ignore.
     */
    private static void checkUnusedSettings(LayerSpec s, int i) throws ModelFormatException {
        LayerSpec.Type t = s.type;
        boolean conv = t == LayerSpec.Type.CONV2D, pool = t == LayerSpec.Type.MAXPOOL2D;
        String unused = s.units != 0 && !conv && t != LayerSpec.Type.DENSE ? "units " + s.units
                : s.kernel != 0 && !conv && !pool ? "kernel " + s.kernel
                : s.stride != 0 && !conv && !pool ? "stride " + s.stride
                : s.padding != 0 && !conv ? "padding " + s.padding
                : Float.floatToRawIntBits(s.value) != 0 && t != LayerSpec.Type.BATCHNORM && t != LayerSpec.Type.DROPOUT ? "value " + s.value   // all four bytes 0: not -0.0
                : null;
        if (unused != null) throw new ModelFormatException(Problem.MALFORMED, "layer " + i + " " + t.label + " has " + unused + ", a setting it does not use (must be 0)");
    }

    /** The well-known numeric metadata values, each absent or usable; the reader and the writer both check. */
    private static void checkWellKnown(Map<String, String> meta) throws ModelFormatException {
        checkNumber(meta, META_INPUT_MEAN, false);
        checkNumber(meta, META_INPUT_STD, true);
        checkNumber(meta, META_TEMPERATURE, true);
        // the recognizer computes (x - mean) * (1 / std): a std below 1 / Float.MAX_VALUE (~2.9e-39) is finite
        // and > 0, but its reciprocal is infinite and every prediction would fail as "the model is damaged"
        String std = meta.get(META_INPUT_STD);
        if (std != null && !(1f / Float.parseFloat(std) <= Float.MAX_VALUE)) {   // parses: checkNumber took it
            throw new ModelFormatException(Problem.MALFORMED, "metadata " + META_INPUT_STD + " is \"" + std + "\", so small that 1 / std is infinite in float32");
        }
    }

    /**
     * A well-known numeric metadata value: absent, or a finite decimal number (and > 0 when
     * {@code positive}). Decimal as {@link #isDecimal} says: Java's {@code Float.parseFloat} also takes
     * hex floats ("0x1p-3"), f/d suffixes and blanks around the number, which TeaVM's does not all
     * take, so a file the JVM read would fail in the browser.
     */
    private static void checkNumber(Map<String, String> meta, String key, boolean positive) throws ModelFormatException {
        String v = meta.get(key);
        if (v == null) return;
        float f = isDecimal(v) ? Float.parseFloat(v) : Float.NaN;
        if (!(f >= -Float.MAX_VALUE && f <= Float.MAX_VALUE) || positive && !(f > 0)) {   // NaN fails both
            throw new ModelFormatException(Problem.MALFORMED, "metadata " + key + " is \"" + v + "\", not a finite decimal number" + (positive ? " > 0" : ""));
        }
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, nothing around it. */
    static boolean isDecimal(String s) {
        int i = 0, n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exponent = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == n;
    }

    /**
     * Whether an int8 scale decodes every code (within ±127) to a finite weight. Multiplied out in
     * float as the dequantisation does: {@code Float.MAX_VALUE / 127} rounds up, so comparing with it
     * would let 127 x scale overflow. A NaN fails too.
     */
    static boolean boundsEveryWeight(float scale) {
        return Math.abs(scale) * 127f <= Float.MAX_VALUE;
    }

    /**
     * Plain comparisons, no method call per value: a NaN fails both, an infinity one. This loop runs
     * over every parameter while the browser page starts, in code that is still cold.
     */
    private static void checkFinite(String name, float[] v) throws ModelFormatException {
        for (int k = 0; k < v.length; k++) {
            float x = v[k];
            if (!(x >= -Float.MAX_VALUE && x <= Float.MAX_VALUE)) {
                throw new ModelFormatException(Problem.NON_FINITE, "tensor " + name + " holds " + v[k] + " at index " + k);
            }
        }
    }

    /**
     * A variance below zero is no variance; batchnorm takes sqrt(var + eps) of it, so one below -eps
     * would make every output of its channel NaN, and a NaN network picks digit 0 with no error.
     */
    private static void checkVariance(String name, float[] v) throws ModelFormatException {
        for (int k = 0; k < v.length; k++) {
            if (v[k] < 0) throw new ModelFormatException(Problem.MALFORMED, "tensor " + name + " holds the negative variance " + v[k] + " at index " + k);
        }
    }

    /**
     * Little-endian cursor over the file that turns running past the end into TRUNCATED. Each read
     * names its field ({@code what}) for the error message, and {@link #owner} names the layer or
     * tensor the fields belong to; the two are joined only when an error is thrown, so a valid file
     * builds no message strings.
     */
    private static final class Reader {
        final byte[] b;
        int pos, limit;
        private String ownerKind;    // "layer " or "tensor ", null: the fields belong to the file
        private String ownerName;    // the tensor's name, or null: the layer's index
        private int ownerIndex;

        Reader(byte[] b) {
            this.b = b;
            this.limit = b.length;
        }

        /** The reads that follow belong to layer {@code index} ("layer ", i); null: to the file. */
        void owner(String kind, int index) {
            ownerKind = kind;
            ownerName = null;
            ownerIndex = index;
        }

        /** The reads that follow belong to the tensor {@code name} ("tensor ", name). */
        void owner(String kind, String name) {
            ownerKind = kind;
            ownerName = name;
        }

        /** The field's name in an error message: "layer 3 units", "tensor layer0.weight dtype", "layer count". */
        private String field(String what) {
            if (ownerKind == null) return what;
            return ownerKind + (ownerName != null ? ownerName : Integer.toString(ownerIndex)) + " " + what;
        }

        /** name + part, or part alone when name is null (block names: "layer0.weight" + " data"). */
        static String join(String name, String part) {
            return name == null ? part : name + part;
        }

        void need(int n, String what) throws ModelFormatException {
            if (pos + n > limit || pos + n < pos) throw new ModelFormatException(Problem.TRUNCATED, "model file truncated while reading " + field(what) + " at byte " + pos);
        }

        int u8(String what) throws ModelFormatException {
            need(1, what);
            return b[pos++] & 0xFF;
        }

        int u32(String what) throws ModelFormatException {
            need(4, what);
            int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
            pos += 4;
            return v;
        }

        /** A u32 used as a count, dimension or layer setting: must be small enough to be plausible. */
        int count(String what) throws ModelFormatException {
            int v = u32(what);
            if (v < 0 || v > 1 << 24) throw new ModelFormatException(Problem.MALFORMED, field(what) + " " + Integer.toUnsignedString(v) + " is implausible (more than 2^24)");
            return v;
        }

        /**
         * A layer setting, an i32: a negative one is an impossible architecture (a size or stride below 1,
         * a padding below 0: SHAPE_MISMATCH, as the format says), one over 2^24 implausible (MALFORMED).
         */
        int setting(String what) throws ModelFormatException {
            int v = u32(what);
            if (v < 0) throw new ModelFormatException(Problem.SHAPE_MISMATCH, field(what) + " " + v + " is negative");
            if (v > 1 << 24) throw new ModelFormatException(Problem.MALFORMED, field(what) + " " + v + " is implausible (more than 2^24)");
            return v;
        }

        /** An input dimension: a count of at least 1. */
        int dimension(String what) throws ModelFormatException {
            int v = count(what);
            if (v == 0) throw new ModelFormatException(Problem.MALFORMED, field(what) + " is 0, must be at least 1");
            return v;
        }

        /** {@code n} reserved bytes, which must be zero: no file carries values this reader would ignore. */
        void zeros(int n, String what) throws ModelFormatException {
            need(n, what);
            for (int k = 0; k < n; k++, pos++) {
                if (b[pos] != 0) throw new ModelFormatException(Problem.MALFORMED, field(what) + " must be 0, byte " + pos + " is " + (b[pos] & 0xFF));
            }
        }

        float f32(String what) throws ModelFormatException {
            return Float.intBitsToFloat(u32(what));
        }

        float f32At(int at) {
            return Float.intBitsToFloat((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24);
        }

        String str(String what) throws ModelFormatException {
            need(2, what);
            int len = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
            pos += 2;
            need(len, what);
            String s = decodeUtf8(b, pos, len);
            if (s == null) throw new ModelFormatException(Problem.MALFORMED, field(what) + " at byte " + pos + " is not well-formed UTF-8");
            pos += len;
            return s;
        }

        /**
         * A data block [off, off + len), named {@code name + part} ("layer0.weight", " data"): 8-byte
         * aligned, inside the file, and not before {@code from}, the end of the tensor table or of the
         * block before it ({@code before + beforePart}, before null for the table); so the blocks
         * follow the table in entry order without overlapping. Returns the block's end.
         */
        int block(String name, String part, int off, int len, int from, String before, String beforePart) throws ModelFormatException {
            long start = off & 0xFFFFFFFFL, end = start + len;   // len >= 0, checked against the shape
            if ((start & 7) != 0) throw new ModelFormatException(Problem.MALFORMED, name + part + " offset " + start + " is not 8-byte aligned");
            if (end > limit) throw new ModelFormatException(Problem.TRUNCATED, name + part + " at bytes " + start + ".." + end + " runs past the data region, which ends at byte " + limit);
            if (start < from) {
                throw new ModelFormatException(Problem.MALFORMED, name + part + " at bytes " + start + ".." + end + " starts before the end of " + join(before, beforePart)
                        + " (byte " + from + "): data blocks follow the tensor table in entry order, without overlapping");
            }
            return (int) end;
        }
    }

    /** Growable little-endian byte buffer for writing. */
    private static final class Bytes {
        byte[] buf = new byte[1024];
        int n;

        void ensure(int k) {
            if (n + k > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
        }

        void u8(int v) {
            ensure(1);
            buf[n++] = (byte) v;
        }

        void u32(int v) {
            ensure(4);
            buf[n++] = (byte) v;
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 24);
        }

        void f32(float v) {
            u32(Float.floatToIntBits(v));
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        void str(String s) {
            byte[] u = utf8(s);
            if (u.length > 0xFFFF) throw new IllegalArgumentException("string too long for the model file: " + s.length() + " chars");
            u8(u.length & 0xFF);
            u8(u.length >>> 8);
            raw(u);
        }

        void padTo(int at) {
            while (n < at) u8(0);
        }

        void patchU32(int at, int v) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
            buf[at + 2] = (byte) (v >>> 16);
            buf[at + 3] = (byte) (v >>> 24);
        }

        int size() {
            return n;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf, n);
        }
    }
}
