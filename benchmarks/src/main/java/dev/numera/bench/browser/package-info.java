/**
 * The browser runner: headless Chromium driven by Selenium and DevTools, one fresh browser per page,
 * run and load; pages served cross-origin isolated and uncached by its own {@link
 * dev.numera.bench.browser.BenchServer}, which logs every request for the page-weight tables.
 * bench/pages/harness.js, injected before a page's own scripts, times navigation → ready, the first
 * and steady inferences, the camera pipeline and its allocation; {@link
 * dev.numera.bench.browser.Summary} turns runs into medians and within-run ratios.
 */
package dev.numera.bench.browser;
