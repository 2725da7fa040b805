// `npm test`: lint, type-check, (i18n check), Node tests, browser tests; stops at the first
// failure. Its last line is always `N passed, N failed, N skipped` (Node + browser tests; a
// step that fails before the tests counts as one failure). Extra arguments go to
// web-test-runner, e.g. `npm test -- --files test/core/status.test.ts`. Before the tests it
// starts a throwaway PostgreSQL cluster (scripts/pg-cluster.mjs) for the Postgres store's tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clusterForTests, isExecutable } from './pg-cluster.mjs';

const bin = (/** @type {string} */ name) => join('node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('.cache', { recursive: true });

function printTotals() {
  const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
  // .ci/run repeats it as its own closing line, after the build and size steps.
  writeFileSync(join('.cache', 'test-summary.txt'), `${line}\n`);
  console.log(line);
}

/** @param {string} why */
function stop(why) {
  totals.failed += 1;
  console.error(`\nnpm test: stopped: ${why}`);
  printTotals();
  process.exit(1);
}

/** @returns {string | undefined} */
function findChrome() {
  if (process.env.CHROME_PATH) {
    return isExecutable(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      if (dir && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function step(label, command, args, env = process.env) {
  console.log(`\n▶ ${label}`);
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (result.error) stop(`${label}: ${result.error.message}`);
  if (result.status !== 0) stop(`${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
  console.log(`✔ ${label} (${seconds} s)`);
}

/**
 * @param {string} dir
 * @param {string} suffix
 * @returns {string[]}
 */
function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const chrome = findChrome();
if (!chrome) {
  console.log(
    'No Chrome/Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome',
  );
  process.exit(1);
}

/** @type {{ scripts?: Record<string, string> }} */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

step('eslint .', bin('eslint'), ['.']);
// One list of type checks: `npm run typecheck` is exactly what runs here.
step('npm run typecheck', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'typecheck']);
if (pkg.scripts?.['i18n:check']) {
  step('npm run i18n:check', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'i18n:check']);
}

// PostgreSQL for the Postgres store's tests (Node and browser): a throwaway cluster
// (scripts/pg-cluster.mjs), its superuser URL in SUPPORT_TEST_DATABASE_URL, stopped and removed
// when this process exits, however it exits (a signal included). Without one: one line, and
// the Postgres tests fail under CI=true (they need the URL).
const pg = await clusterForTests();
process.once('exit', () => pg.stopSync());
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}
console.log(`\n${pg.line}`);
/** @type {NodeJS.ProcessEnv} */
const testEnv = { ...process.env, CHROME_PATH: chrome, ...(pg.url ? { SUPPORT_TEST_DATABASE_URL: pg.url } : {}) };

// Node tests: node's own runner over test/server, test/node and test/e2e (*.test.mjs, or
// *.test.ts loaded through tsx, as the reference server is TypeScript). test/e2e drives
// Chromium with playwright-core (CHROME_PATH below).
const nodeTests = ['test/server', 'test/node', 'test/e2e', 'test/visual'].flatMap((dir) => [
  ...findFiles(dir, '.test.mjs'),
  ...findFiles(dir, '.test.ts'),
]);
/**
 * One run of node's test runner over `files`; its counts go to the totals; stops `npm test` when it fails.
 * @param {string} label
 * @param {string[]} files
 * @param {NodeJS.ProcessEnv} env
 */
function nodeRun(label, files, env) {
  const tapFile = join('.cache', 'node-tests.tap');
  rmSync(tapFile, { force: true });
  console.log(`\n▶ node --test ${label}(${files.length} files)`);
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { stdio: 'inherit', env },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  /** @param {string} key */
  const count = (key) => {
    const matches = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    const last = matches.at(-1);
    return last ? Number(last[1]) : 0;
  };
  const summaryFound = /^# pass \d+$/m.test(tap);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`node tests ${label}: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped') + count('todo')} skipped (${seconds} s)`);
  if (result.status !== 0 || !summaryFound) {
    if (!summaryFound) totals.failed += 1;
    console.error(`\nnpm test: stopped: node tests ${label}failed (exit ${result.status ?? result.signal})`);
    printTotals();
    process.exit(1);
  }
}

// The server tests again on the PostgreSQL store (test/server/helpers.ts gives each server a
// new database when SUPPORT_TEST_STORE=postgres); not those that pick their store themselves
// or test no store.
const STORE_FREE = ['compose.test.ts', 'postgres-plans.test.ts', 'two-processes.test.ts', 'list-performance.test.ts', 'lifecycle.test.ts'];
const postgresServerTests = nodeTests.filter((file) => file.startsWith(join('test', 'server')) && !STORE_FREE.some((name) => file.endsWith(name)));
const postgresEnv = { ...testEnv, SUPPORT_TEST_STORE: 'postgres' };

if (nodeTests.length > 0) nodeRun('', nodeTests, testEnv);
if (postgresServerTests.length > 0) nodeRun('on PostgreSQL ', postgresServerTests, postgresEnv);

// Browser tests.
const countsFile = join('.cache', 'wtr-counts.json');
rmSync(countsFile, { force: true });
console.log(`\n▶ web-test-runner (${chrome})`);
const start = performance.now();
const wtr = spawnSync(bin('web-test-runner'), process.argv.slice(2), {
  stdio: 'inherit',
  env: testEnv,
});
const seconds = ((performance.now() - start) / 1000).toFixed(1);
if (!existsSync(countsFile)) {
  stop(`web-test-runner exited ${wtr.status ?? wtr.signal} without reporting results (${seconds} s)`);
}
/** @type {{ passed: number, failed: number, skipped: number }} */
const browser = JSON.parse(readFileSync(countsFile, 'utf8'));
totals.passed += browser.passed;
totals.failed += browser.failed;
totals.skipped += browser.skipped;
if (browser.passed + browser.failed + browser.skipped === 0 && totals.passed === 0) {
  totals.failed += 1;
  console.error('\nnpm test: no test ran');
}
console.log(`browser tests: ${seconds} s`);
if (wtr.status !== 0 && totals.failed === 0) totals.failed += 1;

// The adapter contract through the reference server on PostgreSQL (test/support/wtr-servers.mjs
// gives each server its own database), unless the run was narrowed to some files.
if (process.argv.length <= 2) {
  rmSync(countsFile, { force: true });
  console.log('\n▶ web-test-runner: the contract suite on PostgreSQL');
  const pgRun = spawnSync(bin('web-test-runner'), ['--files', 'test/adapters/contract-server.test.ts'], { stdio: 'inherit', env: postgresEnv });
  if (!existsSync(countsFile)) {
    totals.failed += 1;
    console.error(`web-test-runner on PostgreSQL exited ${pgRun.status ?? pgRun.signal} without reporting results`);
  } else {
    /** @type {{ passed: number, failed: number, skipped: number }} */
    const onPostgres = JSON.parse(readFileSync(countsFile, 'utf8'));
    totals.passed += onPostgres.passed;
    totals.failed += onPostgres.failed;
    totals.skipped += onPostgres.skipped;
    if (onPostgres.passed === 0) totals.failed += 1;
    if (pgRun.status !== 0 && onPostgres.failed === 0) totals.failed += 1;
  }
}
printTotals();
process.exit(totals.failed > 0 ? 1 : 0);
