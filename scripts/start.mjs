// `npm start`: the demo (demo/, Vite dev server) with the reference server behind `/api`.
//
//   1. picks the demo's port (5173 or the next free one), so that the emails can link to it;
//   2. starts `node --import tsx server/main.ts --port 0 --data ./data --dev
//      --case-url http://127.0.0.1:DEMO_PORT/?case={number}&locale={locale}` (the demo opens
//      <my-tickets> on that case, in the email's language) and reads its first stdout line,
//      `listening on http://127.0.0.1:PORT`;
//   3. starts Vite (root demo/, 127.0.0.1, on that port) with `/api`
//      proxied to that server; the TypeScript transform reads tsconfig.json, whose legacy
//      decorators the elements need (TOOLCHAIN.md pitfall 1);
//   4. prints the demo's URLs. Ctrl-C stops both; if the reference server dies, Vite is closed
//      and this exits non-zero.
//
// Options: `--port N` (Vite's first port to try; default 5173), `--data DIR` (reference
// server data; default ./data). Environment: SE_DEMO_PORT is the same as --port.
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SE_DEMO_PORT ?? '5173' },
    data: { type: 'string', default: './data' },
  },
  strict: true,
});

/**
 * The first port from `first` that 127.0.0.1 can listen on (closed again at once: Vite takes it
 * with strictPort; another program could take it in between, and Vite then says so).
 * @param {number} first
 * @returns {Promise<number>}
 */
async function freePort(first) {
  for (let port = first; port < first + 100; port++) {
    const free = await new Promise((resolveFree) => {
      const probe = createNetServer();
      probe.once('error', () => resolveFree(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${first} to ${first + 99}`);
}

// 1. The demo's port, which the emails link to.
const demoPort = await freePort(Number(values.port));
const demoUrl = `http://127.0.0.1:${demoPort}/`;

/** @type {import('vite').ViteDevServer | undefined} */
let vite;
let stopping = false;

/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  await vite?.close().catch(() => undefined);
  process.exit(code);
}

// 2. The reference server; its emails link to the case in the demo.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', join('server', 'main.ts'), '--port', '0', '--data', values.data, '--dev', '--case-url', `${demoUrl}?case={number}&locale={locale}`],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
server.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`\nnpm start: the reference server stopped (${signal ?? `exit ${code}`}); stopping the demo.`);
  void shutdown(1);
});
server.once('error', (error) => {
  console.error(`npm start: could not start the reference server: ${error.message}`);
  void shutdown(1);
});

/** @type {string} */
const apiUrl = await new Promise((resolveUrl) => {
  const lines = createInterface({ input: server.stdout });
  const timer = setTimeout(() => {
    console.error('npm start: the reference server did not say where it listens within 30 s');
    void shutdown(1);
  }, 30_000);
  lines.once('line', (line) => {
    clearTimeout(timer);
    const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
    if (!match?.[1]) {
      console.error(`npm start: unexpected first line from the reference server: ${line}`);
      void shutdown(1);
      return;
    }
    // Later lines (if any) go to our stdout.
    lines.on('line', (more) => console.log(more));
    resolveUrl(match[1]);
  });
});

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

// 3. Vite, on the demo.
try {
  vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'demo'),
    mode: 'development',
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: demoPort,
      strictPort: true,
      // The demo imports ../src and node_modules from the project root.
      fs: { allow: [root] },
      // The Host header passes through: the server builds its attachment links from it, so they
      // point at this page's origin (through this proxy), not at the server's own port.
      proxy: { '/api': { target: apiUrl } },
    },
  });
  await vite.listen();
} catch (error) {
  console.error(`npm start: Vite did not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

// 4. Where to go.
console.log(`
support-elements demo
  interactive view  ${demoUrl}
  gallery           ${demoUrl}gallery.html
  reference server  ${apiUrl} (proxied at ${demoUrl}api; demo users' password: correct horse battery)
  links in emails   ${demoUrl}?case=NUMBER&locale=LOCALE (the outbox: ${demoUrl}api/_dev/outbox)
Ctrl-C stops both.`);
