package dev.numera.core.image;

/**
 * Whether the significant components of an image are several digits side by side ({@link InkCheck#SEVERAL}: "42" on the
 * pad, a year on a sheet held to the camera), which the network would read as one digit, confidently. The components are
 * grouped where their columns overlap: a digit's own pieces nearly always do (a 4's two strokes, a 5's flag, a 7's bar, a
 * broken 0's top and bottom). A group is a digit of its own when it is at least {@link #SEVERAL_HEIGHT} as tall as the
 * tallest group (a detached flag or dot is not); two such groups next to each other with at least {@link #SEVERAL_GAP} of
 * the tallest height of empty columns between them are two digits. Groups one above the other are one group, so a stacked
 * pair is not found, and neither is an 8 whose loops do not meet. The figures (single digits taken for several, pairs
 * found, what each threshold trades) are in docs/ink-check.md.
 */
final class SeveralDigits {
    /**
     * A group of significant components is a digit of its own when at least this fraction of the tallest group's height
     * (at 50 % 15 of the 60,000 training digits held to the camera are taken for several; at 70 % 95 % of the pairs are found)...
     */
    static final float SEVERAL_HEIGHT = 0.6f;
    /**
     * ...and two such groups next to each other are two digits when at least this fraction of that height of empty columns
     * lies between them (with any empty column 7 test digits are taken for several; with 8 % 91..93 % of the pairs are found).
     */
    static final float SEVERAL_GAP = 0.05f;
    /**
     * Each significant component holds at least {@link InkCheck#SIGNIFICANT_COMPONENT} of the largest, which holds at least
     * {@link InkCheck#MIN_LARGEST_COMPONENT} of the ink (else SCATTERED): at most 40 of them.
     */
    private static final int MAX_SIGNIFICANT = (int) (1 / (InkCheck.SIGNIFICANT_COMPONENT * InkCheck.MIN_LARGEST_COMPONENT)) + 2;

    private final InkComponents cc;
    /** The significant components in order of their left column, and the groups they form: left and right column, height. */
    private final int[] byLeft = new int[MAX_SIGNIFICANT];
    private final int[] groupMinX = new int[MAX_SIGNIFICANT];
    private final int[] groupMaxX = new int[MAX_SIGNIFICANT];
    private final int[] groupHeight = new int[MAX_SIGNIFICANT];

    SeveralDigits(InkComponents cc) {
        this.cc = cc;
    }

    /**
     * Whether the significant components (those left in with at least {@link InkCheck#SIGNIFICANT_COMPONENT} of the
     * largest's pixels) are several digits side by side (class comment).
     *
     * @param largest the largest component's pixels (at least 1)
     */
    boolean several(int comps, int largest) {
        int n = 0;
        for (int c = 0; c < comps && n < MAX_SIGNIFICANT; c++) {
            if (cc.significant(c, largest)) {
                int k = n++;   // insertion by left column: a few components
                while (k > 0 && cc.minX[byLeft[k - 1]] > cc.minX[c]) {
                    byLeft[k] = byLeft[k - 1];
                    k--;
                }
                byLeft[k] = c;
            }
        }
        // merge the column spans left to right; each group's height is its components' rows from top to bottom
        int groups = 0, tallest = 0, minY = 0, maxY = 0;
        for (int k = 0; k < n; k++) {
            int c = byLeft[k];
            if (groups > 0 && cc.minX[c] <= groupMaxX[groups - 1]) {
                groupMaxX[groups - 1] = Math.max(groupMaxX[groups - 1], cc.maxX[c]);
                minY = Math.min(minY, cc.minY[c]);
                maxY = Math.max(maxY, cc.maxY[c]);
            } else {
                groupMinX[groups] = cc.minX[c];
                groupMaxX[groups] = cc.maxX[c];
                groups++;
                minY = cc.minY[c];
                maxY = cc.maxY[c];
            }
            groupHeight[groups - 1] = maxY - minY + 1;
            tallest = Math.max(tallest, maxY - minY + 1);
        }
        int lastRight = -1;   // the right column of the last group tall enough to be a digit
        for (int g = 0; g < groups; g++) {
            if (groupHeight[g] < SEVERAL_HEIGHT * tallest) {
                continue;
            }
            if (lastRight >= 0 && groupMinX[g] - lastRight - 1 >= SEVERAL_GAP * tallest) {
                return true;
            }
            lastRight = groupMaxX[g];
        }
        return false;
    }
}
