/**
 * Build time only, on the JVM (exec-maven-plugin, after TeaVM): finishes target/site. In: TeaVM's
 * numera.js, numera.wasm and its runtime, and the static files of src-webapp. Out: an eval-free
 * Wasm GC runtime with its glue, fixed-arity callbacks in the JavaScript build, "?v=" and a content
 * hash on the URLs the loader downloads, index.html with the loader, the Wasm GC runtime, its glue
 * and the style sheet inline (their files deleted, their CSP hashes in the page), icons, and the
 * service worker stamped with every artefact and a cache version. The build fails if either
 * runtime's download, gzipped, is over the size budget. Never compiled by TeaVM.
 */
package dev.numera.web.build;
