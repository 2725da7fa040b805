// `node scripts/examples.mjs [plain-html|react|vue]`: serves one of examples/ with the
// reference server behind `/api`, as an embedding product team would run it.
//
//   1. starts `node --import tsx server/main.ts --port 0 --data <temp dir> --dev` and reads its
//      first stdout line, `listening on http://127.0.0.1:PORT`;
//   2. plain-html: builds the single-file bundle with the project's own `bundle` build (the
//      dist/bundle of `npm run build`) into a temp dir, and serves the page and that bundle
//      (at /support-elements/, the path of the page's import) from a plain static server,
//      no dev server: the page runs the published file exactly as a static host serves it;
//   3. react, vue: Vite on examples/<name> with the project's vite.config.ts (its TypeScript
//      transform reads tsconfig.json: legacy decorators, TOOLCHAIN.md pitfall 1). The apps
//      import `support-elements` and `support-elements/define/<tag>` as published; here those
//      names are aliased to src/. React needs no plugin (Vite's own JSX transform, automatic
//      runtime); Vue uses its full build (runtime template compiler, no SFC plugin).
//   In both cases `/api` is proxied to the reference server.
//
// Options: `--port N` (default 5180; 0 = any free port), `--data DIR` (reference server data;
// default a new temp dir, removed on exit). Ctrl-C stops everything.
// In code (test/e2e): `startExample(name, { port })` → `{ url, apiUrl, close() }`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const EXAMPLES = /** @type {const} */ (['plain-html', 'react', 'vue']);
/** @typedef {(typeof EXAMPLES)[number]} ExampleName */

/**
 * @param {unknown} name
 * @returns {name is ExampleName}
 */
export function isExampleName(name) {
  return typeof name === 'string' && /** @type {readonly string[]} */ (EXAMPLES).includes(name);
}

/**
 * Starts the reference server on a free port.
 * @param {string} dataDir
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startReferenceServer(dataDir) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('server', 'main.ts'), '--port', '0', '--data', dataDir, '--dev'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      void close();
      rejectStart(new Error('the reference server did not say where it listens within 30 s'));
    }, 30_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      rejectStart(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectStart(new Error(`the reference server stopped before listening (${signal ?? `exit ${code}`})`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      if (!match?.[1]) {
        void close();
        rejectStart(new Error(`unexpected first line from the reference server: ${line}`));
        return;
      }
      lines.on('line', (more) => console.log(more));
      resolveStart({ url: match[1], close });
    });
  });
}

/**
 * Builds dist/bundle's single file (src/define/all.ts, minified, locale chunks beside it)
 * into `outDir`, with the project's own `bundle` build.
 * @param {string} outDir
 */
export async function buildBundle(outDir) {
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    mode: 'bundle',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
});

/**
 * A static file server for the plain HTML example: `/support-elements/*` from the bundle,
 * anything else from examples/plain-html, `/api/*` proxied to the reference server.
 * @param {{ pageDir: string, bundleDir: string, apiUrl: string, port: number }} options
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
function startStaticServer({ pageDir, bundleDir, apiUrl, port }) {
  const api = new URL(apiUrl);
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/api' || path.startsWith('/api/')) {
      const upstream = httpRequest(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const [base, rest] = path.startsWith('/support-elements/')
      ? [bundleDir, path.slice('/support-elements/'.length)]
      : [pageDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = resolve(base, rest);
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolveListen({
        port: address && typeof address === 'object' ? address.port : port,
        close: () =>
          new Promise((resolveClose) => {
            server.closeAllConnections();
            server.close(() => resolveClose(undefined));
          }),
      });
    });
  });
}

/**
 * Vite options of each example (on top of vite.config.ts's development defaults).
 * @param {'react' | 'vue'} name
 * @returns {import('vite').InlineConfig}
 */
function exampleConfig(name) {
  // The apps import the package by name, as published ("exports": `.` and `./define/*`);
  // here those names lead to the sources (examples/tsconfig.json has the same paths).
  const packageAlias = [
    { find: /^support-elements\/define\/([\w-]+)$/, replacement: join(root, 'src', 'define', '$1.ts') },
    { find: /^support-elements$/, replacement: join(root, 'src', 'index.ts') },
  ];
  switch (name) {
    case 'react':
      return {
        resolve: { alias: packageAlias },
        oxc: { jsx: { runtime: 'automatic' } },
        // Listed up front so Vite never re-optimizes (and reloads the page) mid-test.
        optimizeDeps: { noDiscovery: true, include: ['react', 'react-dom/client', 'react/jsx-dev-runtime', 'react/jsx-runtime'] },
      };
    case 'vue':
      return {
        // The full build compiles the example's template string in the browser (no SFC plugin).
        resolve: { alias: [...packageAlias, { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
        define: {
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
        optimizeDeps: { noDiscovery: true, include: ['vue/dist/vue.esm-bundler.js'] },
      };
  }
}

/**
 * @param {ExampleName} name
 * @param {{ port?: number | undefined, dataDir?: string | undefined }} [options]
 * @returns {Promise<{ url: string, apiUrl: string, close: () => Promise<void> }>}
 */
export async function startExample(name, options = {}) {
  const port = options.port ?? 5180;
  const ownData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `se-example-${name}-data-`));
  const bundleDir = name === 'plain-html' ? mkdtempSync(join(tmpdir(), 'se-example-bundle-')) : undefined;
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
    if (ownData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const [api] = await Promise.all([startReferenceServer(dataDir), bundleDir ? buildBundle(bundleDir) : undefined]);
    cleanups.push(api.close);
    if (name === 'plain-html' && bundleDir) {
      const server = await startStaticServer({ pageDir: join(root, 'examples', name), bundleDir, apiUrl: api.url, port });
      cleanups.push(server.close);
      return { url: `http://127.0.0.1:${server.port}/`, apiUrl: api.url, close };
    }
    const vite = await createServer({
      configFile: join(root, 'vite.config.ts'),
      root: join(root, 'examples', name),
      mode: 'development',
      logLevel: 'warn',
      clearScreen: false,
      // One cache per example: the demo (npm start) and the other examples keep theirs.
      cacheDir: join(root, 'node_modules', '.vite', `examples-${name}`),
      server: {
        host: '127.0.0.1',
        port,
        strictPort: true,
        hmr: false,
        fs: { allow: [root] },
        // The Host header passes through: the server builds its attachment links from it, so they
        // point at this page's origin (through this proxy), not at the server's own port.
        proxy: { '/api': { target: api.url } },
      },
      ...(name === 'plain-html' ? {} : exampleConfig(name)),
    });
    cleanups.push(() => vite.close());
    await vite.listen();
    const address = vite.httpServer?.address();
    if (!address || typeof address !== 'object') throw new Error('Vite is not listening');
    return { url: `http://127.0.0.1:${address.port}/`, apiUrl: api.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      data: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const name = positionals[0] ?? 'plain-html';
  if (!isExampleName(name)) {
    console.error(`usage: node scripts/examples.mjs [${EXAMPLES.join('|')}] [--port N] [--data DIR]`);
    process.exit(2);
  }
  const example = await startExample(name, { port: Number(values.port), dataDir: values.data });
  console.log(`
support-elements example: ${name}
  page              ${example.url}
  reference server  ${example.apiUrl} (proxied at ${example.url}api; demo users' password: correct horse battery)
Ctrl-C stops both.`);
  const stop = () => {
    void example.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
