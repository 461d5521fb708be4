/** File helpers shared by the commands: atomic writes (temporary file, then rename). */
package dev.numera.training.io;
