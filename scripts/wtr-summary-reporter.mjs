// Minimal web-test-runner reporter: counts results over all sessions and prints one plain
// closing line `N passed, N failed, N skipped` (TOOLCHAIN.md pitfall 5: it is printed from a
// process 'exit' handler because earlier writes are swallowed by the live terminal).
// A test file that fails to load (syntax error, bad import, errors outside tests) counts as
// one failure. The counts are also written to .cache/wtr-counts.json for scripts/test.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * @typedef {{ name: string, passed: boolean, skipped: boolean }} TestResult
 * @typedef {{ name: string, suites: TestSuite[], tests: TestResult[] }} TestSuite
 * @typedef {{ testFile: string, passed?: boolean, errors?: { message: string }[],
 *   testResults?: TestSuite }} Session
 * @typedef {{ passed: number, failed: number, skipped: number, failedFiles: string[] }} Counts
 */

/**
 * @param {TestSuite | undefined} suite
 * @param {Counts} counts
 * @returns {number} failures counted in this suite
 */
function countSuite(suite, counts) {
  if (!suite) return 0;
  let failed = 0;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failed += 1;
    }
  }
  for (const child of suite.suites) failed += countSuite(child, counts);
  return failed;
}

/**
 * @param {Session[]} sessions
 * @returns {Counts}
 */
export function countSessions(sessions) {
  /** @type {Counts} */
  const counts = { passed: 0, failed: 0, skipped: 0, failedFiles: [] };
  for (const session of sessions) {
    const failedTests = countSuite(session.testResults, counts);
    const sessionFailed = session.passed === false || (session.errors?.length ?? 0) > 0;
    if (sessionFailed && failedTests === 0) {
      // The file did not load, or failed outside any test: one failure for the file.
      counts.failed += 1;
    }
    if (sessionFailed || failedTests > 0) counts.failedFiles.push(session.testFile);
  }
  return counts;
}

/**
 * @param {{ countsFile?: string }} [options]
 */
export function summaryReporter({ countsFile = '.cache/wtr-counts.json' } = {}) {
  /** @type {Counts | undefined} */
  let counts;
  return {
    /** @param {{ sessions: Session[] }} args */
    stop({ sessions }) {
      counts = countSessions(sessions);
      const file = resolve(countsFile);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts, null, 2) + '\n');
      process.once('exit', () => {
        if (!counts) return;
        if (counts.failed > 0 && !process.exitCode) process.exitCode = 1;
        process.stdout.write(
          `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
        );
      });
    },
  };
}
