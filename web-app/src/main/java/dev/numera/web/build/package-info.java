/**
 * Build time only, on the JVM (exec-maven-plugin, after TeaVM): finishes target/site. In: TeaVM's
 * numera.js, numera.wasm and its runtime, and the static files of src-webapp. Out: an eval-free
 * Wasm GC runtime with its glue file, fixed-arity callbacks in the JavaScript build, index.html
 * with the loader, runtime and style sheet inline (and their CSP hashes), icons, and the service
 * worker stamped with every artefact and a cache version. Never compiled by TeaVM.
 */
package dev.numera.web.build;
