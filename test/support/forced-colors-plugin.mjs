// A test-runner command the built-in `emulateMedia` lacks on Chromium through puppeteer (whose
// emulateMediaFeatures refuses "forced-colors"): `executeServerCommand('emulate-forced-colors',
// { active: true })` turns on `forced-colors: active` (Windows High Contrast) for the calling
// page only, through the DevTools protocol. Each page has its own browser context
// (web-test-runner.config.mjs), so files running at the same time do not see it.

/**
 * @typedef {{ send(method: string, params: object): Promise<unknown> }} CdpSession
 * @typedef {{ createCDPSession(): Promise<CdpSession> }} CdpPage
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function forcedColorsPlugin() {
  /** @type {Map<string, CdpSession>} */
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-forced-colors needs puppeteer, not ${session.browser.type}`);
      const active = typeof payload === 'object' && payload !== null && 'active' in payload && payload.active === true;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        /** @type {{ getPage(id: string): CdpPage }} */
        const browser = /** @type {never} */ (session.browser);
        cdp = await browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }] });
      return true;
    },
  };
}
