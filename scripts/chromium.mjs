// The Chromium that tests, benchmarks and examples drive, and the flags it is launched with
// (web-test-runner.config.mjs, scripts/bench.mjs, test/e2e/examples.test.ts, test/visual).

/**
 * The Chromium executable: `CHROME_PATH`, else /usr/bin/chromium.
 * @returns {string}
 */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * Launch flags: headless without sandbox or GPU, and none of the background traffic (updates,
 * sync, QUIC) that would make runs slower or less repeatable.
 * @type {readonly string[]}
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Two test pages run at once: the one in the background must not get throttled timers and frames.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
]);
