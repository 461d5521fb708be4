package dev.numera.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which key with Ctrl is undo ({@link App#isZ}): KeyboardEvent's key and code as layouts send them. */
class UndoKeyTest {
    @Test
    void theLetterDecidesWhereTheLayoutTypesLatinLetters() {
        assertTrue(App.isZ("z", "KeyZ"));    // QWERTY
        assertTrue(App.isZ("Z", "KeyZ"));    // Caps Lock
        assertTrue(App.isZ("z", "KeyY"));    // QWERTZ: z sits in QWERTY's Y place
        assertTrue(App.isZ("z", "KeyW"));    // AZERTY: z sits in QWERTY's W place
        assertFalse(App.isZ("y", "KeyZ"));   // QWERTZ's y, in the Z place
        assertFalse(App.isZ("w", "KeyZ"));   // AZERTY's w, in the Z place: Ctrl+W is not undo
    }

    @Test
    void thePlaceDecidesWhereItTypesNone() {
        assertTrue(App.isZ("я", "KeyZ"));    // Russian
        assertTrue(App.isZ("ζ", "KeyZ"));    // Greek
        assertTrue(App.isZ("ז", "KeyZ"));    // Hebrew
        assertFalse(App.isZ("ч", "KeyX"));
        assertFalse(App.isZ("Unidentified", "KeyQ"));
        assertFalse(App.isZ(null, null));
    }
}
