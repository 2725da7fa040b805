import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newCase, start, type Mail, type Problem, type Started } from './helpers.js';

interface T {
  number: string;
  status: string;
  description: string;
  updatedAt: string;
  activityAt: string;
  accountId: string;
  followUpOf?: string;
  comments: { authorRole: string; body: string; via: string }[];
  attachments: { name: string }[];
  watchers: { email: string }[];
  callbacks: { phone: string }[];
}
const codes = (p: Problem): string[] => (p.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('cases', () => {
  let s: Started;
  let alex: string;
  let sam: string;
  let pat: string;
  before(async () => {
    s = await start({ caseUrl: 'https://app.example.com/support?ticket={number}' });
    alex = await s.api.signIn('alex@example.com');
    sam = await s.api.signIn('sam@example.com');
    pat = await s.api.signIn('pat@example.com', 'support_center');
  });
  after(() => s.close());

  const create = async (token: string, extra: Record<string, unknown> = {}, lang = 'en'): Promise<T> => {
    const res = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase(extra), lang });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const agent = async (number: string, json: Record<string, unknown>): Promise<T> => {
    const res = await s.api.call<T>('POST', `/api/_dev/tickets/${number}/agent-comment`, { json });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const outbox = async (ticket: string): Promise<Mail[]> => (await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${ticket}`)).body.items;

  test('demo cases: Alex has one in every state, with comments, an attachment and a watcher', async () => {
    const page = await s.api.call<{ items: { status: string }[]; total: number }>('GET', '/api/tickets', { token: alex });
    assert.deepEqual(new Set(page.body.items.map((t) => t.status)), new Set(['open', 'action_required', 'pending', 'closed']));
    const open = await s.api.call<T>('GET', '/api/tickets/10000002', { token: alex });
    assert.equal(open.body.attachments.length, 1);
    assert.equal(open.body.watchers.length, 1);
    const pending = await s.api.call<T>('GET', '/api/tickets/10000004', { token: alex });
    assert.deepEqual(pending.body.comments.map((c) => c.authorRole), ['user', 'agent']);
  });

  test('create: 8-digit sequential numbers, open, for the active account, email with link (portal → no-reply)', async () => {
    const a = await create(sam, { contactMethod: 'portal' });
    const b = await create(sam, { contactMethod: 'email' });
    assert.match(a.number, /^\d{8}$/);
    assert.equal(Number(b.number), Number(a.number) + 1);
    assert.equal(a.status, 'open');
    assert.equal(a.accountId, 'acc-northwind');
    const [portalMail] = await outbox(a.number);
    assert.equal(portalMail?.kind, 'ticket_created');
    assert.equal(portalMail?.to, 'sam@example.com');
    assert.match(portalMail?.from ?? '', /^no-reply@/);
    assert.match(portalMail?.body ?? '', /do not reply/);
    assert.match(portalMail?.body ?? '', /sign in to the support center/);
    assert.ok(portalMail?.body.includes(`?ticket=${a.number}`));
    const [emailMail] = await outbox(b.number);
    assert.doesNotMatch(emailMail?.from ?? '', /no-reply/);
    assert.match(emailMail?.body ?? '', /reply to this email/);
    assert.ok(emailMail?.body.includes(`?ticket=${b.number}`));
  });

  test('create: validation from src/core with field codes', async () => {
    const empty = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: {} });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.kind, 'validation');
    assert.deepEqual(codes(empty.body), ['subject:required', 'productId:required', 'description:required', 'contactMethod:required', 'areaId:required']);
    const long = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase({ subject: 'x'.repeat(151), contactMethod: 'fax', productId: 'clm_cm' }) });
    assert.deepEqual(codes(long.body), ['subject:too_long', 'contactMethod:invalid_choice', 'productId:invalid_choice']);
    // French area-A flow has a category step: category and subcategory are required.
    const fr = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase(), lang: 'fr' });
    assert.deepEqual(codes(fr.body), ['categoryId:required', 'subcategoryId:required']);
    const wrongSub = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase({ categoryId: 'account', subcategoryId: 'api' }), lang: 'fr' });
    assert.deepEqual(codes(wrongSub.body), ['subcategoryId:invalid_choice']);
    const okFr = await create(sam, { categoryId: 'account', subcategoryId: 'billing' }, 'fr');
    assert.equal(okFr.status, 'open');
    // Insight & Analyzer is offered in English only.
    const insight = await s.api.call<Problem>('POST', '/api/tickets', {
      token: pat, lang: 'fr', json: newCase({ areaId: 'seal', productId: 'insight', categoryId: 'insight', subcategoryId: 'analysis' }),
    });
    assert.deepEqual(codes(insight.body), ['productId:not_offered']);
    // Area B needs support-center credentials.
    const realm = await s.api.call<Problem>('POST', '/api/tickets', {
      token: sam, json: newCase({ areaId: 'seal', productId: 'protect_sign', categoryId: 'protect_sign', subcategoryId: 'signing' }),
    });
    assert.equal(realm.status, 403);
    assert.equal(realm.body.kind, 'forbidden');
  });

  test('the rules of status.ts: comments reopen pending and action required; attachments, watchers, call-me do not', async () => {
    const t = await create(alex);
    const pending = await agent(t.number, { body: 'Try this fix.', status: 'pending' });
    assert.equal(pending.status, 'pending');
    assert.equal((await outbox(t.number)).at(-1)?.kind, 'agent_comment');

    const watcher = await s.api.call<T>('POST', `/api/tickets/${t.number}/watchers`, { token: alex, json: { email: 'Kim@Example.com' } });
    assert.equal(watcher.status, 201);
    assert.equal(watcher.body.status, 'pending');
    assert.equal(watcher.body.activityAt, pending.activityAt);
    assert.deepEqual(watcher.body.watchers.map((w) => w.email), ['kim@example.com']);
    const mail = (await outbox(t.number)).at(-1);
    assert.equal(mail?.kind, 'watcher_added');
    assert.equal(mail?.to, 'kim@example.com');

    const callback = await s.api.call<T>('POST', `/api/tickets/${t.number}/callbacks`, { token: alex, json: { phone: '+1 415 555 0100' }, lang: 'en-US' });
    assert.equal(callback.status, 201);
    assert.equal(callback.body.status, 'pending');
    assert.equal(callback.body.callbacks[0]?.phone, '+1 415 555 0100');

    const removed = await s.api.call<T>('DELETE', `/api/tickets/${t.number}/watchers/kim%40example.com`, { token: alex });
    assert.equal(removed.status, 200);
    assert.equal(removed.body.status, 'pending');
    assert.deepEqual(removed.body.watchers, []);
    // Idempotent DELETE: the retry of a removal finds nothing to delete, and that is success, untouched.
    const again = await s.api.call<T>('DELETE', `/api/tickets/${t.number}/watchers/kim%40example.com`, { token: alex });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.watchers, []);
    assert.equal(again.body.updatedAt, removed.body.updatedAt);

    const commented = await s.api.call<T>('POST', `/api/tickets/${t.number}/comments`, { token: alex, json: { body: 'Still broken.' } });
    assert.equal(commented.status, 201);
    assert.equal(commented.body.status, 'open');
    assert.equal(commented.body.comments.at(-1)?.body, 'Still broken.');

    const asked = await agent(t.number, { body: 'Which browser?', status: 'action_required' });
    assert.equal(asked.status, 'action_required');
    const answered = await s.api.call<T>('POST', `/api/tickets/${t.number}/comments`, { token: alex, json: { body: 'Firefox.' } });
    assert.equal(answered.body.status, 'open');

    // An agent comment alone does not change the state; an email reply reopens like a comment.
    assert.equal((await agent(t.number, { body: 'Looking.' })).status, 'open');
    await agent(t.number, { status: 'pending' });
    const reply = await s.api.call<T>('POST', `/api/_dev/tickets/${t.number}/email-reply`, { json: { body: 'Thanks, but no.' } });
    assert.equal(reply.body.status, 'open');
    assert.equal(reply.body.comments.at(-1)?.via, 'email');

    const empty = await s.api.call<Problem>('POST', `/api/tickets/${t.number}/comments`, { token: alex, json: { body: '  ' } });
    assert.deepEqual(codes(empty.body), ['comment:required']);
    const badPhone = await s.api.call<Problem>('POST', `/api/tickets/${t.number}/callbacks`, { token: alex, json: { phone: '12' } });
    assert.deepEqual(codes(badPhone.body), ['phone:invalid_phone']);
    const badEmail = await s.api.call<Problem>('POST', `/api/tickets/${t.number}/watchers`, { token: alex, json: { email: 'nope' } });
    assert.deepEqual(codes(badEmail.body), ['email:invalid_email']);
  });

  test('a closed case rejects comments, attachments, watchers and call-me with 409 closed; follow-up keeps the number', async () => {
    const t = await create(alex, { contactMethod: 'email' });
    await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: alex, json: { email: 'kim@example.com' } });
    const closed = await agent(t.number, { body: 'Fixed.', status: 'closed' });
    assert.equal(closed.status, 'closed');
    const mails = await outbox(t.number);
    assert.equal(mails.at(-1)?.kind, 'ticket_closed');
    assert.match(mails.at(-1)?.body ?? '', /open a new case/);

    const attempts: [string, string, unknown][] = [
      ['POST', `/api/tickets/${t.number}/comments`, { body: 'Again' }],
      ['POST', `/api/tickets/${t.number}/attachments`, { tokens: ['x'] }],
      ['POST', `/api/tickets/${t.number}/watchers`, { email: 'lou@example.com' }],
      ['DELETE', `/api/tickets/${t.number}/watchers/kim%40example.com`, undefined],
      ['POST', `/api/tickets/${t.number}/callbacks`, { phone: '+1 415 555 0100' }],
    ];
    for (const [method, path, json] of attempts) {
      const res = await s.api.call<Problem>(method, path, { token: alex, json });
      assert.equal(res.status, 409, path);
      assert.equal(res.body.kind, 'conflict');
      assert.equal(res.body.conflict, 'closed');
    }
    assert.equal((await s.api.call<Problem>('POST', `/api/_dev/tickets/${t.number}/agent-comment`, { json: { body: 'x' } })).status, 409);

    const followUp = await create(alex, { followUpOf: t.number, description: 'It came back.' });
    assert.equal(followUp.followUpOf, t.number);
    assert.equal(followUp.description.split('\n')[0], `Follow-up of case ${t.number}`);
    const quoted = await create(alex, { followUpOf: t.number, description: `Same as ${t.number}.` });
    assert.equal(quoted.description, `Same as ${t.number}.`);
    const notClosed = await s.api.call<Problem>('POST', '/api/tickets', { token: alex, json: newCase({ followUpOf: followUp.number }) });
    assert.deepEqual(codes(notClosed.body), ['followUpOf:invalid_choice']);
  });

  test('call-me eligibility: 403 unless canRequestCallback allows it', async () => {
    const esignPaid = await create(alex, { productId: 'esignature' });
    assert.equal((await s.api.call('POST', `/api/tickets/${esignPaid.number}/callbacks`, { token: alex, json: { phone: '+33 1 23 45 67 89' }, lang: 'en' })).status, 201);
    const fr = await s.api.call<Problem>('POST', `/api/tickets/${esignPaid.number}/callbacks`, { token: alex, json: { phone: '+33 1 23 45 67 89' }, lang: 'fr' });
    assert.equal(fr.status, 403);
    assert.equal(fr.body.kind, 'forbidden');
    // Sam's Contoso account has the free plan: no call-me for eSignature, but yes for Rooms.
    await s.api.call('PUT', '/api/session/account', { token: sam, json: { accountId: 'acc-contoso' } });
    const esignFree = await create(sam, { productId: 'esignature' });
    assert.equal(esignFree.accountId, 'acc-contoso');
    assert.equal((await s.api.call('POST', `/api/tickets/${esignFree.number}/callbacks`, { token: sam, json: { phone: '+1 415 555 0100' } })).status, 403);
    const rooms = await create(sam, { productId: 'rooms' });
    assert.equal((await s.api.call('POST', `/api/tickets/${rooms.number}/callbacks`, { token: sam, json: { phone: '+1 415 555 0100' } })).status, 201);
    await s.api.call('PUT', '/api/session/account', { token: sam, json: { accountId: 'acc-northwind' } });
    // CLM.CM only when its category is CLM.
    const seal = { areaId: 'seal', productId: 'clm_cm', subcategoryId: 'contracts' };
    const clm = await create(pat, { ...seal, categoryId: 'clm' });
    const other = await create(pat, { ...seal, categoryId: 'protect_sign', subcategoryId: 'certificates' });
    assert.equal((await s.api.call('POST', `/api/tickets/${clm.number}/callbacks`, { token: pat, json: { phone: '+1 415 555 0100' } })).status, 201);
    assert.equal((await s.api.call('POST', `/api/tickets/${other.number}/callbacks`, { token: pat, json: { phone: '+1 415 555 0100' } })).status, 403);
  });

  test('only the requester and watchers see a case', async () => {
    const t = await create(sam);
    assert.equal((await s.api.call<Problem>('GET', `/api/tickets/${t.number}`, { token: alex })).status, 404);
    assert.equal((await s.api.call('GET', '/api/tickets/123', { token: alex })).status, 404);
    await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: sam, json: { email: 'alex@example.com' } });
    assert.equal((await s.api.call('GET', `/api/tickets/${t.number}`, { token: alex })).status, 200);
    const list = await s.api.call<{ items: { number: string }[] }>('GET', `/api/tickets?search=${t.number}`, { token: alex });
    assert.deepEqual(list.body.items.map((i) => i.number), [t.number]);
  });
});
