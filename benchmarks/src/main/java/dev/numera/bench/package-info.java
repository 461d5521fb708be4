/**
 * The benchmark command line ({@link dev.numera.bench.Bench}: jvm, training, browser, weight, prepare,
 * doc, all, and jmh for JMH's own options) and what the commands share: the inputs every runtime gets ({@link dev.numera.bench.Prepare}
 * writes bench/generated: the model as ONNX and as TF.js layers, 100 MNIST test digits, a camera box),
 * the results files (bench/results/&lt;command&gt;.json) and docs/benchmarks.md, which
 * {@link dev.numera.bench.BenchDoc} generates from them and bench/doc-notes.md. JVM only.
 */
package dev.numera.bench;
