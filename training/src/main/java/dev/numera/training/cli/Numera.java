package dev.numera.training.cli;
public class Numera { public static void main(String[] a) { System.out.println("hi"); } }
