/**
 * Server hardening: email header injection, who may change watchers, per-user quotas (case
 * rate, unattached uploads and their sweep), and 422s that say what is wrong.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clock, newCase, start, storedUploads, type Mail, type Problem } from './helpers.js';

interface T {
  number: string;
  subject: string;
  watchers: { email: string }[];
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
/** A control character (C0, DEL, C1) or a Unicode line/paragraph separator. */
const hasControl = (text: string): boolean =>
  Array.from(text).some((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  });

test('email header injection: a subject with CR/LF and other controls never leaves its header line', async () => {
  const s = await start({ seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const created = await s.api.call<T>('POST', '/api/tickets', { token: sam, json: newCase({ subject: 'Hello\r\nBcc: victim@example.com' }) });
    assert.equal(created.status, 201);
    await s.api.call('POST', `/api/tickets/${created.body.number}/watchers`, { token: sam, json: { email: 'kim@example.com' } });
    await s.api.call('POST', `/api/_dev/tickets/${created.body.number}/agent-comment`, { json: { body: 'Answer\r\nBcc: x@example.com', status: 'closed' } });
    const other = await s.api.call<T>('POST', '/api/tickets', { token: sam, json: newCase({ subject: 'Tab\tand\u0000nul\u2028sep\u0085nel\x1b[31m' }) });
    assert.equal(other.status, 201);
    const mails = (await s.api.call<{ items: Mail[] }>('GET', '/api/_dev/outbox')).body.items;
    assert.deepEqual(
      mails.map((m) => m.kind),
      ['ticket_created', 'watcher_added', 'agent_comment', 'ticket_closed', 'ticket_created'],
    );
    for (const mail of mails) {
      for (const header of [mail.subject, mail.to, mail.from]) {
        assert.equal(hasControl(header), false, `${mail.kind}: ${JSON.stringify(header)}`);
        assert.doesNotMatch(header, /^Bcc:/im);
      }
    }
    const first = mails[0]?.subject ?? '';
    assert.ok(first.includes('Hello Bcc: victim@example.com'), first);
    assert.ok((mails[4]?.subject ?? '').includes('Tab and nul sep nel [31m'), mails[4]?.subject);
    // The body may hold line breaks: it is not a header.
    assert.match(mails[2]?.body ?? '', /Answer\r\nBcc: x@example\.com/);
  } finally {
    await s.close();
  }
});

test('watchers: the requester removes anyone; a watcher adds, removes only themselves (403 otherwise); absent is success', async () => {
  const s = await start({ seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const alex = await s.api.signIn('alex@example.com');
    const t = (await s.api.call<T>('POST', '/api/tickets', { token: sam, json: newCase() })).body;
    const path = (email: string): string => `/api/tickets/${t.number}/watchers/${encodeURIComponent(email)}`;
    assert.equal((await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: sam, json: { email: 'alex@example.com' } })).status, 201);
    assert.equal((await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: alex, json: { email: 'kim@example.com' } })).status, 201);
    const refused = await s.api.call<Problem>('DELETE', path('kim@example.com'), { token: alex });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.kind, 'forbidden');
    assert.equal((await s.api.call('DELETE', path('sam@example.com'), { token: alex })).status, 403);
    assert.equal((await s.api.call('DELETE', path('nobody@example.com'), { token: alex })).status, 403);
    const leave = { token: alex, headers: { 'Idempotency-Key': 'leave-1' } };
    const self = await s.api.call<T>('DELETE', path('alex@example.com'), leave);
    assert.equal(self.status, 200);
    assert.deepEqual(self.body.watchers.map((w) => w.email), ['kim@example.com']);
    assert.equal((await s.api.call('GET', `/api/tickets/${t.number}`, { token: alex })).status, 404);
    // The retry of that removal (its answer lost) no longer sees the case: the key replays the first answer.
    const retried = await s.api.call<T>('DELETE', path('alex@example.com'), leave);
    assert.equal(retried.status, 200);
    assert.equal(retried.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(retried.body, self.body);
    assert.equal((await s.api.call('DELETE', path('alex@example.com'), { token: alex })).status, 404, 'without the key: not visible');
    assert.equal((await s.api.call<T>('DELETE', path('kim@example.com'), { token: sam })).status, 200);
    const absent = await s.api.call<T>('DELETE', path('kim@example.com'), { token: sam });
    assert.equal(absent.status, 200);
    assert.deepEqual(absent.body.watchers, []);
  } finally {
    await s.close();
  }
});

test('case rate: 10 a minute per user, 20 at once; the 21st is 429 with Retry-After; others and replays are not counted', async () => {
  const c = clock();
  const s = await start({ now: c.now, seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const alex = await s.api.signIn('alex@example.com');
    for (let i = 0; i < 20; i++) assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, key: `c${i}`, json: newCase() })).status, 201, `case ${i}`);
    const refused = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'c20', json: newCase() });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.kind, 'rate_limited');
    assert.equal(refused.headers.get('retry-after'), '6');
    assert.equal(refused.body.limitCount, 10);
    // A replay opens nothing, so it is not refused; an invalid case is not counted.
    assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, key: 'c0', json: newCase() })).status, 201);
    assert.equal((await s.api.call('POST', '/api/tickets', { token: alex, json: newCase() })).status, 201, 'another user has their own rate');
    c.advance(6000);
    assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, key: 'c20', json: newCase() })).status, 201, 'the same key once the wait is over');
    assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, json: newCase() })).status, 429);
    c.advance(60_000);
    for (let i = 0; i < 10; i++) assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, json: newCase() })).status, 201, `after a minute, case ${i}`);
    assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, json: newCase() })).status, 429);
  } finally {
    await s.close();
  }
});

test('unattached uploads: 20 or 50 MiB per user (429 with the limit), swept with their files after 24 h', async () => {
  const c = clock();
  const s = await start({ now: c.now, seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const alex = await s.api.signIn('alex@example.com');
    const upload = (token: string, bytes: Buffer, name = 'shot.png') =>
      s.api.call<Problem & { token: string }>('POST', '/api/uploads', { token, raw: bytes, headers: { 'Content-Type': 'image/png', 'X-File-Name': name } });
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await upload(sam, PNG);
      assert.equal(res.status, 201, `upload ${i}`);
      tokens.push(res.body.token);
    }
    const full = await upload(sam, PNG);
    assert.equal(full.status, 429);
    assert.equal(full.body.limitCount, 20);
    assert.equal(full.headers.get('retry-after'), String(24 * 3600));
    assert.match(full.body.detail ?? '', /20 uploaded files/);
    // Attaching frees the quota.
    assert.equal((await s.api.call('POST', '/api/tickets', { token: sam, json: newCase({ attachmentTokens: tokens.slice(0, 2) }) })).status, 201);
    assert.equal((await upload(sam, PNG)).status, 201);

    // Bytes: 50 MiB together, whichever comes first.
    const big = Buffer.concat([PNG, Buffer.alloc(18 * 1024 * 1024)]);
    assert.equal((await upload(alex, big)).status, 201);
    assert.equal((await upload(alex, big)).status, 201);
    const tooMuch = await upload(alex, big);
    assert.equal(tooMuch.status, 429);
    assert.equal(tooMuch.body.limitBytes, 50 * 1024 * 1024);

    // Swept after 24 h: rows and files; attached ones stay.
    const files = (): Promise<number> => storedUploads(s);
    assert.equal(await files(), 23);
    c.advance(24 * 3600 * 1000 - 1);
    await s.server.runAutoClose();
    assert.equal(await files(), 23, 'not before 24 h');
    c.advance(1);
    await s.server.runAutoClose();
    assert.equal(await files(), 2, 'only the two attached files are left');
    assert.ok(existsSync(join(s.dataDir, 'attachments')));
    assert.equal((await upload(alex, big)).status, 201, 'the quota is free again');
  } finally {
    await s.close();
  }
});

test('a 422 says what is wrong: field errors as errors[{field, code}] and named in the detail; without fields, a detail', async () => {
  const s = await start({ seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const bad = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase({ subject: ' ', contactMethod: 'fax' }) });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors, [
      { field: 'subject', code: 'required' },
      { field: 'contactMethod', code: 'invalid_choice' },
    ]);
    assert.equal(bad.body.detail, 'The request has invalid fields: subject: required, contactMethod: invalid_choice.');
    await s.api.call('POST', '/api/tickets', { token: sam, key: 'k', json: newCase() });
    const mismatch = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'k', json: newCase({ subject: 'Other' }) });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.errors, undefined);
    assert.equal(mismatch.body.conflict, 'idempotency_mismatch');
    assert.match(mismatch.body.detail ?? '', /already used with another request/);
  } finally {
    await s.close();
  }
});
