/**
 * A static file server for the built site, for development, the README's serve command and the
 * browser tests. In: a site folder. Out: its files over loopback HTTP with the headers the page
 * needs (application/wasm, COOP/COEP, the CSP read from index.html). JVM only: TeaVM never
 * reaches it.
 */
package dev.numera.web.server;
