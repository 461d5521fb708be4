/**
 * The {@code numera} command line (picocli): train, evaluate, predict, export, info. Usage errors
 * exit with 2 and one line naming the problem; expected failures (missing or corrupt files) exit
 * with 1 and print {@code numera: <message>}; no stack trace unless {@code --verbose}.
 */
package dev.numera.training.cli;
