// Custom fields sent on to a helpdesk by the reference server: Zendesk gets
// `custom_fields: [{ id, value }]` with the config's field ids, Freshdesk `custom_fields:
// { cf_…: value }` with its field names; checkbox as a boolean, date as YYYY-MM-DD, a dropdown
// as its option value. The mocks record each create's body as received (GET /__created).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectorFor } from '../../server/connectors/index.js';
import { customConfig, VALID_VALUES } from '../fixtures/custom-fields.js';
import { startFreshdeskMock } from '../support/freshdesk-mock.mjs';
import { startZendeskTicketsMock } from '../support/zendesk-tickets-mock.mjs';
import { newCase, start, type Started } from './helpers.js';

const { invoice: _invoice, ...flowOne } = VALID_VALUES;
const created = async (url: string): Promise<{ custom_fields?: unknown }[]> =>
  (await (await fetch(`${url}/__created`, { method: 'POST', body: '{}' })).json()) as { custom_fields?: unknown }[];

describe('custom fields to the helpdesks', () => {
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function serverFor(spec: Parameters<typeof connectorFor>[0]): Promise<Started> {
    const s = await start({ config: customConfig, connector: connectorFor(spec, { maxRetryWaitMs: 10, sleep: () => Promise.resolve() }) });
    closers.push(() => s.close());
    return s;
  }

  let zendeskUrl = '';
  let freshdeskUrl = '';
  before(async () => {
    const zendesk = await startZendeskTicketsMock({ email: 'agent@acme.example', token: 'zd-token' });
    const freshdesk = await startFreshdeskMock({ apiKey: 'fd-key' });
    closers.push(() => zendesk.close(), () => freshdesk.close());
    zendeskUrl = zendesk.url;
    freshdeskUrl = freshdesk.url;
  });

  test('Zendesk: custom_fields [{id, value}] with the config’s ids and typed values', async () => {
    const s = await serverFor({ name: 'zendesk', baseUrl: zendeskUrl, email: 'agent@acme.example', token: 'zd-token' });
    const token = await s.api.signIn('sam@example.com');
    const res = await s.api.call('POST', '/api/tickets', { token, json: newCase({ customFields: flowOne }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [body] = await created(zendeskUrl);
    assert.deepEqual(body?.custom_fields, [
      { id: 360001, value: 'ORD-1234' },
      { id: 360003, value: 'firefox' },
      { id: 360004, value: true },
      { id: 360005, value: '2026-11-30' },
    ]);
  });

  test('Freshdesk: custom_fields {cf_…: value} next to the server’s own fields', async () => {
    const s = await serverFor({ name: 'freshdesk', baseUrl: freshdeskUrl, apiKey: 'fd-key' });
    const token = await s.api.signIn('sam@example.com');
    const res = await s.api.call('POST', '/api/tickets', { token, json: newCase({ customFields: flowOne }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [body] = await created(freshdeskUrl);
    const custom = body?.custom_fields as Record<string, unknown>;
    assert.deepEqual(
      { cf_order: custom['cf_order'], cf_browser: custom['cf_browser'], cf_urgent: custom['cf_urgent'], cf_since: custom['cf_since'] },
      { cf_order: 'ORD-1234', cf_browser: 'firefox', cf_urgent: true, cf_since: '2026-11-30' },
    );
    assert.equal('cf_steps' in custom, false);
  });
});
