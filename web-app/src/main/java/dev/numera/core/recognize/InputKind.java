package dev.numera.core.recognize;

/** PLACEHOLDER until inference-core lands on main; delete on merge. */
public enum InputKind { CAMERA, DRAWN }
