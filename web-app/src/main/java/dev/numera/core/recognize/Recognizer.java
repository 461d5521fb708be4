package dev.numera.core.recognize;

/** PLACEHOLDER until inference-core lands on main; delete on merge. Uniform probabilities. */
public final class Recognizer {
    private final Prediction p = new Prediction();

    public static Recognizer fromModel(byte[] model) {
        if (model.length < 4) throw new IllegalArgumentException("model file corrupt (too short)");
        return new Recognizer();
    }

    public Prediction recognizeRgba(byte[] rgba, int w, int h, InputKind kind) {
        return infer(p.input28);
    }

    public Prediction recognizeGray(float[] ink, int w, int h, InputKind kind) {
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) p.input28[y * 28 + x] = ink[(y * h / 28) * w + x * w / 28];
        return infer(p.input28);
    }

    public Prediction infer(float[] input784) {
        for (int i = 0; i < 10; i++) p.probabilities[i] = 0.1f;
        p.digit = -1;
        p.noDigitReason = "placeholder recognizer";
        return p;
    }
}
