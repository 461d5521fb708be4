package dev.numera.core.nn;

/**
 * One layer declared as data: its type and hyper-parameters, nothing else. A network is a list
 * of these plus the input shape; the model file stores exactly this list.
 * Unused hyper-parameters are 0.
 */
public final class LayerSpec {
    /** Layer types. The codes are the model file's and never change. */
    public enum Type {
        CONV2D(1, "conv2d"), MAXPOOL2D(2, "maxpool2d"), DENSE(3, "dense"), RELU(4, "relu"),
        SIGMOID(5, "sigmoid"), BATCHNORM(6, "batchnorm"), DROPOUT(7, "dropout"), FLATTEN(8, "flatten");

        public final int code;
        public final String label;

        Type(int code, String label) {
            this.code = code;
            this.label = label;
        }

        /** The type with this file code, or null. */
        public static Type ofCode(int code) {
            for (Type t : values()) if (t.code == code) return t;
            return null;
        }
    }

    public final Type type;
    /** conv2d: output channels; dense: output features. */
    public final int units;
    /** conv2d, maxpool2d: kernel/window size. */
    public final int kernel;
    /** conv2d, maxpool2d: stride. */
    public final int stride;
    /** conv2d: zero padding on each side. */
    public final int padding;
    /** dropout: drop probability; batchnorm: epsilon. */
    public final float value;

    public LayerSpec(Type type, int units, int kernel, int stride, int padding, float value) {
        this.type = type;
        this.units = units;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.value = value;
    }

    public static LayerSpec conv2d(int outChannels, int kernel, int stride, int padding) {
        return new LayerSpec(Type.CONV2D, outChannels, kernel, stride, padding, 0);
    }

    public static LayerSpec maxPool2d(int size, int stride) {
        return new LayerSpec(Type.MAXPOOL2D, 0, size, stride, 0, 0);
    }

    public static LayerSpec dense(int outFeatures) {
        return new LayerSpec(Type.DENSE, outFeatures, 0, 0, 0, 0);
    }

    public static LayerSpec relu() {
        return new LayerSpec(Type.RELU, 0, 0, 0, 0, 0);
    }

    public static LayerSpec sigmoid() {
        return new LayerSpec(Type.SIGMOID, 0, 0, 0, 0, 0);
    }

    public static LayerSpec batchNorm() {
        return new LayerSpec(Type.BATCHNORM, 0, 0, 0, 0, 1e-5f);
    }

    public static LayerSpec dropout(float rate) {
        return new LayerSpec(Type.DROPOUT, 0, 0, 0, 0, rate);
    }

    public static LayerSpec flatten() {
        return new LayerSpec(Type.FLATTEN, 0, 0, 0, 0, 0);
    }

    @Override
    public String toString() {
        switch (type) {
            case CONV2D:
                return "conv2d(" + units + ", " + kernel + "x" + kernel + ", s" + stride + ", p" + padding + ")";
            case MAXPOOL2D:
                return "maxpool2d(" + kernel + ", s" + stride + ")";
            case DENSE:
                return "dense(" + units + ")";
            case DROPOUT:
                return "dropout(" + value + ")";
            default:
                return type.label;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LayerSpec)) return false;
        LayerSpec s = (LayerSpec) o;
        return type == s.type && units == s.units && kernel == s.kernel && stride == s.stride
                && padding == s.padding && Float.floatToIntBits(value) == Float.floatToIntBits(s.value);
    }

    @Override
    public int hashCode() {
        return ((((type.code * 31 + units) * 31 + kernel) * 31 + stride) * 31 + padding) * 31 + Float.floatToIntBits(value);
    }
}
