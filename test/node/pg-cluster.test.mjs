// scripts/pg-cluster.mjs: the throwaway PostgreSQL cluster `npm test` runs the Postgres tests
// on. It starts on a free port of 127.0.0.1 and answers as a superuser (the tests create their
// own databases), and after stop() nothing listens there and its directory is gone. Without
// server binaries there is no cluster, one line that says how to install one, and no directory
// left behind. Checked with the cluster's own psql, so this branch needs no client library.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClusterUnavailable, clusterForTests, findBindir, startCluster } from '../../scripts/pg-cluster.mjs';

const bindir = findBindir();

/** @param {string} bin @param {string} url @param {string} sql */
function psql(bin, url, sql) {
  const result = spawnSync(join(bin, 'psql'), [url, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

/** Whether something accepts TCP connections on 127.0.0.1:port. @param {number} port */
function listening(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const ourDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('support-pg-'));

describe('scripts/pg-cluster.mjs', () => {
  it('finds the PostgreSQL server binaries on this machine (CI installs them)', () => {
    assert.ok(bindir, 'no initdb/pg_ctl/postgres: apt-get install -y postgresql');
  });

  it('starts a cluster a superuser can create databases in, then stops it and removes its directory', async () => {
    assert.ok(bindir);
    const lines = /** @type {string[]} */ ([]);
    const cluster = await startCluster({ log: (line) => lines.push(line) });
    try {
      assert.match(cluster.url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      assert.ok(existsSync(join(cluster.dir, 'data', 'PG_VERSION')));
      assert.equal(psql(bindir, cluster.url, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user'), 't');
      assert.equal(psql(bindir, cluster.url, 'CREATE DATABASE support_probe'), 'CREATE DATABASE');
      const probe = cluster.url.replace(/\/postgres$/, '/support_probe');
      assert.equal(psql(bindir, probe, "SELECT 'さぽーと' ILIKE '%ぽー%', current_setting('fsync')"), 't|off');
      // The unix socket is in the cluster's own directory, not in /var/run/postgresql.
      assert.ok(existsSync(join(cluster.dir, `.s.PGSQL.${cluster.port}`)));
      assert.equal(lines.length, 1, 'one line about the cluster');
    } finally {
      await cluster.stop();
    }
    assert.equal(existsSync(cluster.dir), false, 'the directory is removed');
    assert.equal(await listening(cluster.port), false, 'nothing listens on the port any more');
    await cluster.stop(); // twice is harmless
  });

  it('without server binaries: ClusterUnavailable, and npm test gets one line with the install command', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-pg-'));
    const before = ourDirs();
    try {
      await assert.rejects(startCluster({ bindir: empty }), ClusterUnavailable);
      const { url, line } = await clusterForTests({ bindir: empty, env: {} });
      assert.equal(url, undefined);
      assert.doesNotMatch(line, /\n/);
      assert.match(line, /PostgreSQL: not available .*apt-get install -y postgresql/);
      assert.deepEqual(ourDirs(), before, 'no temp directory left behind');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('keeps a SUPPORT_TEST_DATABASE_URL that is already set and starts nothing', async () => {
    const before = ourDirs();
    const given = 'postgres://postgres@127.0.0.1:5432/postgres';
    const { url } = await clusterForTests({ env: { SUPPORT_TEST_DATABASE_URL: given } });
    assert.equal(url, given);
    assert.deepEqual(ourDirs(), before);
  });
});
