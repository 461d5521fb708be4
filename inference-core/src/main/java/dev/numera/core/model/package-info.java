/**
 * The model file, format v1 (docs/model-format.md): reader and writer, int8 quantisation and
 * CRC-32. The reader trusts nothing: every malformed file gives a
 * {@link dev.numera.core.model.ModelFormatException} that names its problem.
 */
package dev.numera.core.model;
