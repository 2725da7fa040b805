// Issue 11 at the adapters' boundary: dates are checked (isDateString) in responses and in the
// memory backend's stored data; problem+json `errors`, `detail` and `limitBytes` reach the
// SupportError the elements word; Zendesk's 422 details become field errors.
import { expect } from '@open-wc/testing';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { isDateString } from '../../src/adapters/guards.js';
import { errorFromResponse, MAX_DETAIL_CHARS } from '../../src/adapters/http.js';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { createZendeskAdapter } from '../../src/adapters/zendesk-adapter.js';
import { supportError } from '../support/dom.js';
import { TICKET } from './fuzz-bodies.js';

const headers = (values: Record<string, string> = {}) => ({ get: (name: string) => values[name] ?? null });

describe('adapter boundary', () => {
  afterEach(() => localStorage.clear());

  it('isDateString accepts ISO date-times that name an instant, and nothing else', () => {
    for (const good of ['2024-05-03T09:00:00Z', '2024-03-29T12:00:00.000Z', '2024-01-01T10:00+02:00', '2026-03-10T12:00:00.123456Z']) {
      expect(isDateString(good), good).to.equal(true);
    }
    for (const bad of ['', 'not a date', '2024-13-45T99:00:00Z', '2024-05-03', '1714726800000', 1714726800000, null, undefined, {}, `2024-05-03T09:00:00Z${' '.repeat(50)}`]) {
      expect(isDateString(bad), String(bad)).to.equal(false);
    }
  });

  it('the memory backend does not load stored cases with a bad date (it starts afresh instead of breaking a render)', async () => {
    const ticket = { ...(TICKET as Record<string, unknown>), number: '77777777', accountId: 'acc-alex', createdAt: 'garbage' };
    localStorage.setItem('boundary-test', JSON.stringify({ tickets: [ticket], nextNumber: 1 }));
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', storageKey: 'boundary-test' });
    const page = await backend.listTickets({});
    expect(page.items.map((t) => t.number)).to.not.include('77777777');
    for (const item of page.items) expect(isDateString(item.createdAt)).to.equal(true);

    // The same case with a real date loads: the date alone decided.
    localStorage.setItem('boundary-test', JSON.stringify({ tickets: [{ ...ticket, createdAt: '2024-05-03T09:00:00Z' }], nextNumber: 1 }));
    const again = createMemoryBackend({ signedInAs: 'alex@example.com', storageKey: 'boundary-test' });
    expect((await again.getTicket('77777777')).createdAt).to.equal('2024-05-03T09:00:00Z');
  });

  it('maps problem+json errors to fields, keeps detail (bounded) and limitBytes', () => {
    const withFields = errorFromResponse({
      status: 422,
      headers: headers(),
      text: JSON.stringify({ title: 'Invalid', detail: 'The subject is too long.', errors: [{ field: 'subject', code: 'too_long' }, { field: 'phone', code: 'who-knows' }, { nope: 1 }] }),
    });
    expect(withFields.kind).to.equal('validation');
    expect(withFields.fieldErrors).to.deep.equal([{ field: 'subject', code: 'too_long' }, { field: 'phone', code: 'invalid_choice' }]);
    expect(withFields.detail).to.equal('The subject is too long.');

    const long = errorFromResponse({ status: 422, headers: headers(), text: JSON.stringify({ detail: 'x'.repeat(5000) }) });
    expect(long.detail).to.have.length(MAX_DETAIL_CHARS);
    expect(errorFromResponse({ status: 422, headers: headers(), text: '<html>422</html>' }).detail).to.equal(undefined);

    const tooLarge = errorFromResponse({ status: 413, headers: headers(), text: JSON.stringify({ title: 'Too large', limitBytes: 10485760 }) });
    expect(tooLarge.kind).to.equal('too_large');
    expect(tooLarge.limitBytes).to.equal(10485760);
    expect(errorFromResponse({ status: 413, headers: headers(), text: JSON.stringify({ limitBytes: 'big' }) }).limitBytes).to.equal(undefined);

    const limited = errorFromResponse({ status: 429, headers: headers({ 'Retry-After': '120' }), text: '' });
    expect(limited.kind).to.equal('rate_limited');
    expect(limited.retryAfterSeconds).to.equal(120);
  });

  it('the fetch adapter hands a 422 problem+json to the caller with its fields and detail', async () => {
    const backend = createFetchAdapter({
      baseUrl: 'https://api.example.test',
      retry: { retries: 0 },
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify({ title: 'Invalid', detail: 'Rooms is not sold on your plan.', errors: [{ field: 'productId', code: 'not_offered' }] }), {
            status: 422,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
        ),
    });
    const error = await supportError(backend.createTicket({ areaId: 'esign', productId: 'rooms', subject: 's', description: 'd', contactMethod: 'portal' }, { idempotencyKey: 'k' }));
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal([{ field: 'productId', code: 'not_offered' }]);
    expect(error.detail).to.equal('Rooms is not sold on your plan.');
  });

  it('the Zendesk adapter maps a 422 with details to field errors', async () => {
    const me = { user: { id: 1, name: 'Alex', email: 'alex@example.com', organization_id: 10 }, organizations: [{ id: 10, name: 'Acme', tags: [] }] };
    const backend = createZendeskAdapter({
      subdomainUrl: 'https://acme.zendesk.test',
      getToken: () => 'tok',
      fields: { categoryFieldId: 1, subcategoryFieldId: 2, productFieldId: 3, areaFieldId: 4, contactMethodFieldId: 5, callbackPhoneFieldId: 6 },
      retry: { retries: 0 },
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'GET') return Promise.resolve(Response.json(me));
        return Promise.resolve(Response.json({ error: 'RecordInvalid', description: 'Record validation errors', details: { subject: [{ description: 'Subject: cannot be blank', error: 'BlankValue' }] } }, { status: 422 }));
      },
    });
    const error = await supportError(backend.createTicket({ areaId: 'esign', productId: 'esignature', subject: 'Subject', description: 'Description', contactMethod: 'portal' }, { idempotencyKey: 'k' }));
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal([{ field: 'subject', code: 'required' }]);
  });
});
