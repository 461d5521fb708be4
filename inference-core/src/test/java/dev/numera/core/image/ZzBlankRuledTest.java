package dev.numera.core.image;

import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import org.junit.jupiter.api.Test;

class ZzBlankRuledTest {
    static final int BOX = 140;
    @Test
    void blank() throws Exception {
        Recognizer rec = CameraBoxTest.shipped();
        String dump = System.getProperty("bdump", "");
        int read = 0;
        for (int i = 0; i < 1000; i++) {
            java.util.Random r = new java.util.Random(1000 + i);
            float paper = 200 + r.nextInt(46);
            int g = 110 + r.nextInt(91), thick = 1 + r.nextInt(3);
            double slope = Math.tan(Math.toRadians((r.nextDouble() * 2 - 1) * 4));
            int gap = 22 + r.nextInt(20);
            int first = r.nextInt(gap);
            Prediction p = rec.recognizeRgba(CameraBoxTest.noisy(CameraBoxTest.ruled(paper, g, thick, slope, gap, first), r), BOX, BOX, InputKind.CAMERA);
            if (p.hasDigit()) {
                read++;
                System.out.println("BR " + i + " -> " + p.digit() + " g " + g + " thick " + thick + " slope " + String.format("%.3f", slope) + " gap " + gap + " paper " + paper);
            }
            if (p.hasDigit() && Boolean.getBoolean("inputs")) {
                InkCheck.Result res = new InkCheck(140, 140).check(p.thresholded().clone(), true);
                System.out.println("BR   " + res + " box " + res.boxMinX() + "," + res.boxMinY() + "-" + res.boxMaxX() + "," + res.boxMaxY() + " conf " + p.confidence());
            }
            if (dump.equals("" + i)) {
                float[] t = p.thresholded();
                for (int y = 0; y < BOX; y += 2) {
                    StringBuilder b = new StringBuilder("BD ");
                    for (int x = 0; x < BOX; x++) b.append(t[y * BOX + x] >= 0.5f ? '#' : '.');
                    System.out.println(b);
                }
            }
        }
        System.out.println("BR total " + read);
    }
}
