// The fixed cost of a measured navigation: a page that loads one deferred script, which says ready
// at once. Measured exactly like the runtimes' pages, so its ready time is the floor every page shares.
document.getElementById('status').textContent = 'ready';
document.body.dataset.ready = 'true';
