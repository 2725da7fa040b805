// Issue 12, offline outbox, against the reference server (an instance of this file's own):
// a comment sent while the network is gone (fetch throws TypeError, as a real offline fetch
// does) waits in the outbox; the element is removed and a new one with a new adapter made (a
// reload); the network comes back and `online` fires: the comment arrives exactly once. An
// item is never sent under another user, Cancel gives the text back, the waiting state is
// accessible.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { sharedStore } from '../../src/controllers/file-store.js';
import { ownerOf, sharedOutbox } from '../../src/controllers/outbox.js';
import '../../src/define/support-ticket-detail.js';
import '../../src/define/ticket-form.js';
import '../../src/define/support-sign-in-help.js';
import type { TicketForm } from '../../src/define/ticket-form.js';
import { seedDraft } from './ticket-form/helpers.js';
import type { SupportTicketDetail } from '../../src/define/support-ticket-detail.js';
import { namedReferenceServer } from '../adapters/servers.js';
import { $, $$, setValue } from '../support/dom.js';

const PASSWORD = 'correct horse battery';
let api: string;
const network = { up: true };

/** fetch as a browser gives it: offline, it rejects with TypeError before any byte leaves. */
const cuttable: typeof fetch = (input, init) => (network.up ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));

async function tokenOf(email: string): Promise<string> {
  const response = await fetch(`${api}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ email, password: PASSWORD, realm: 'product' }),
  });
  const body: unknown = await response.json();
  const token = typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
  if (typeof token !== 'string') throw new Error(`no token for ${email}`);
  return token;
}

/** One page load: a new adapter with the host's token (nothing in memory from the last one). */
function adapter(token: string): SupportBackend {
  return createFetchAdapter({ baseUrl: api, fetch: cuttable, getToken: () => token, retry: { retries: 0 }, timeoutMs: 2000 });
}

async function newCase(token: string, subject: string): Promise<string> {
  network.up = true;
  const ticket = await adapter(token).createTicket(
    { areaId: 'esign', productId: 'esignature', subject, description: 'Created by the outbox test.', contactMethod: 'portal' },
    { idempotencyKey: crypto.randomUUID() },
  );
  return ticket.number;
}

async function open(backend: SupportBackend, number: string): Promise<SupportTicketDetail> {
  const detail = await fixture<SupportTicketDetail>(html`<support-ticket-detail locale="en" number=${number} .backend=${backend}></support-ticket-detail>`);
  await detail.loaded;
  await waitUntil(() => detail.shadowRoot?.querySelector('#comment'), 'the case did not open');
  return detail;
}

async function commentsOn(token: string, number: string, text: string): Promise<number> {
  network.up = true;
  const ticket = await adapter(token).getTicket(number);
  return ticket.comments.filter((c) => c.body === text).length;
}

async function sendOffline(detail: SupportTicketDetail, text: string): Promise<void> {
  network.up = false;
  setValue($(detail, '#comment'), text);
  await detail.updateComplete;
  $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
  await waitUntil(() => detail.shadowRoot?.querySelector('.outbox-item'), 'the comment did not wait in the outbox');
}

const waitingText = (detail: Element) => $$(detail, '.outbox-item').map((li) => li.textContent ?? '').join(' ');

describe('offline outbox (reference server)', function () {
  this.timeout(15000);
  let alex: string;
  let sam: string;

  before(async () => {
    api = await namedReferenceServer('outbox');
    [alex, sam] = await Promise.all([tokenOf('alex@example.com'), tokenOf('sam@example.com')]);
  });

  afterEach(async () => {
    network.up = true;
    fixtureCleanup();
    localStorage.clear();
    await sharedStore().deletePrefix('');
  });

  it('a comment sent offline waits, survives a reload and arrives exactly once when the network returns', async () => {
    const number = await newCase(alex, 'Outbox comment case');
    const text = 'Typed on a train, sent from the outbox.';
    const first = await open(adapter(alex), number);
    await sendOffline(first, text);
    expect(waitingText(first)).to.match(/Waiting to send \(saved \d{1,2}:\d{2}/);
    expect(waitingText(first)).to.include(text);
    // The text shows once, in the waiting item: the field let go of it, and no failure or "Try again" stands beside it.
    expect($<HTMLTextAreaElement>(first, '#comment').value).to.equal('');
    expect(first.shadowRoot?.querySelector('.failure, [role=alert]')).to.equal(null);
    expect($(first, '.outbox-announce').textContent?.replace(/\s+/g, ' ').trim()).to.match(/^Waiting to send \(saved \d{1,2}:\d{2}\s?[AP]M\) It is sent by itself when the connection returns\.$/);
    await expect(first).to.be.accessible();
    first.remove();

    // The reload, still offline: a new element and a new adapter; the case cannot load.
    const second = await fixture<SupportTicketDetail>(html`<support-ticket-detail locale="en" number=${number} .backend=${adapter(alex)}></support-ticket-detail>`);
    await second.loaded;
    await waitUntil(() => second.shadowRoot?.querySelector('.notice--error'), 'the case loaded offline');
    network.up = true;
    window.dispatchEvent(new Event('online'));
    // Delivered from the outbox, the case as the server returned it shows, with the comment.
    await waitUntil(() => $$(second, '.conversation > li').some((li) => li.textContent?.includes(text)), 'the comment did not arrive');
    await waitUntil(() => !second.shadowRoot?.querySelector('.outbox-item'), 'the item stayed in the outbox');
    expect($(second, '.outbox-announce').textContent).to.include('Your comment was sent.');
    expect($<HTMLTextAreaElement>(second, '#comment').value).to.equal('');
    expect(await commentsOn(alex, number, text)).to.equal(1);

    // Another load must not send it again (nothing left in the outbox, the draft let go).
    second.remove();
    const third = await open(adapter(alex), number);
    await waitUntil(() => $<HTMLTextAreaElement>(third, '#comment').value === '', 'the delivered comment came back in the field');
    expect(await commentsOn(alex, number, text)).to.equal(1);
  });

  it('a case opened offline, with its file, waits, survives a reload and is created exactly once', async () => {
    const subject = `Outbox case ${crypto.randomUUID().slice(0, 8)}`;
    seedDraft('alex@example.com', 'esign', { subject, contactMethod: 'portal' });
    const caseForm = async (): Promise<TicketForm> => {
      const el = await fixture<TicketForm>(html`<ticket-form locale="en" .area=${'esign'} .backend=${adapter(alex)}></ticket-form>`);
      await waitUntil(() => el.shadowRoot?.querySelector('#description'), 'no case form');
      return el;
    };
    const first = await caseForm();
    const picker = $<HTMLInputElement>(first, 'input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4 outbox'], 'screen.pdf', { type: 'application/pdf' }));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => first.shadowRoot?.querySelector('.upload-item[data-state=done]'), 'the file was not uploaded');
    network.up = false;
    $<HTMLButtonElement>(first, 'form[part=form] button[type=submit]').click();
    await waitUntil(() => first.shadowRoot?.querySelector('.outbox-item'), 'the case did not wait in the outbox');
    expect(waitingText(first)).to.include(subject);
    // The form keeps the case (it may still be edited or tried again); screen readers hear that it waits.
    expect($<HTMLInputElement>(first, '#subject').value).to.equal(subject);
    expect($(first, '.outbox-announce').textContent?.replace(/\s+/g, ' ').trim()).to.match(/^Waiting to send \(saved \d{1,2}:\d{2}\s?[AP]M\) It is sent by itself when the connection returns\.$/);
    await expect(first).to.be.accessible();
    first.remove();

    // The reload, online again: the new form's outbox sends the case; the form ends confirmed.
    network.up = true;
    const el = await fixture<TicketForm>(html`<ticket-form locale="en" .area=${'esign'} .backend=${adapter(alex)}></ticket-form>`);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot?.querySelector('[part=confirmation]'), 'the delivered case did not confirm');
    const found = await adapter(alex).listTickets({ search: subject });
    expect(found.total).to.equal(1);
    const created = await adapter(alex).getTicket(found.items[0]?.number ?? '');
    expect(created.attachments.map((a) => a.name)).to.deep.equal(['screen.pdf']);
    expect((await sharedStore().list('outbox:')).length).to.equal(0);
  });

  it('a can\'t-sign-in request sent offline waits (bound to the browser profile) and is received once after a reload', async () => {
    const email = `kim-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const helpForm = () => fixture<HTMLElement>(html`<support-sign-in-help locale="en" area="esign" .backend=${adapter('')}></support-sign-in-help>`);
    const first = await helpForm();
    for (const [field, value] of Object.entries({ name: 'Kim Lee', email, description: 'Locked out on the train.' })) setValue($<HTMLInputElement>(first, `#${field}`), value);
    network.up = false;
    $<HTMLButtonElement>(first, 'button[type=submit]').click();
    await waitUntil(() => first.shadowRoot?.querySelector('.outbox-item'), 'the request did not wait in the outbox');
    expect((await sharedStore().list('outbox:profile:')).length).to.equal(1);
    await expect(first).to.be.accessible();
    first.remove();

    network.up = true;
    const second = await helpForm();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => second.shadowRoot?.querySelector('[part=confirmation]'), 'the delivered request did not confirm');
    const mail: unknown = await (await fetch(`${api}/_dev/outbox?to=${encodeURIComponent(email)}`)).json();
    const items = typeof mail === 'object' && mail !== null && 'items' in mail && Array.isArray(mail.items) ? mail.items : [];
    expect(items).to.have.length(1);
  });

  it('an item is never sent under another user, and stays invisible to them', async () => {
    const number = await newCase(alex, 'Outbox other user case');
    const samCase = await newCase(sam, 'Sam outbox case');
    const text = 'Alex wrote this offline.';
    const first = await open(adapter(alex), number);
    await sendOffline(first, text);
    first.remove();

    // Sam signs in on the same browser, online: Sam's view drains Sam's items only.
    network.up = true;
    const samView = await open(adapter(sam), samCase);
    window.dispatchEvent(new Event('online'));
    await samView.updateComplete;
    expect(samView.shadowRoot?.querySelector('.outbox-item')).to.equal(null);
    expect(await commentsOn(alex, number, text)).to.equal(0);
    samView.remove();

    // Alex comes back: it goes, once.
    const again = await open(adapter(alex), number);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $$(again, '.conversation > li').some((li) => li.textContent?.includes(text)), 'the comment did not arrive for Alex');
    expect(await commentsOn(alex, number, text)).to.equal(1);
  });

  it('an item older than 72 h is not resent blindly: the user is asked, and "Send anyway" sends it once', async () => {
    const number = await newCase(alex, 'Outbox old item case');
    const text = 'Written four days ago on a long trip.';
    await sharedOutbox().add(ownerOf('alex@example.com'), { kind: 'comment', number, body: text }, crypto.randomUUID(), Date.now() - 4 * 24 * 3600 * 1000);
    const detail = await open(adapter(alex), number);
    await waitUntil(() => detail.shadowRoot?.querySelector('.outbox-item[data-state=ask] button.send-anyway'), 'no question for the old item');
    expect(waitingText(detail)).to.match(/still not sent.*Send it anyway\?/s);
    expect(await commentsOn(alex, number, text)).to.equal(0);
    await expect(detail).to.be.accessible();
    $<HTMLButtonElement>(detail, 'button.send-anyway').click();
    await waitUntil(() => $$(detail, '.conversation > li').some((li) => li.textContent?.includes(text)), 'the approved comment did not arrive');
    expect(await commentsOn(alex, number, text)).to.equal(1);
  });

  it('"Send now" sends a waiting comment at once (no online event, no backoff), by keyboard, exactly once', async () => {
    const number = await newCase(alex, 'Outbox send-now case');
    const text = 'The server was down; it is back.';
    const detail = await open(adapter(alex), number);
    await sendOffline(detail, text);
    network.up = true;
    const sendNow = $<HTMLButtonElement>(detail, '.outbox-item button.send-now');
    expect(sendNow.textContent?.trim()).to.equal('Send now');
    sendNow.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(detail, '.conversation > li').some((li) => li.textContent?.includes(text)), 'the comment did not arrive');
    await waitUntil(() => !detail.shadowRoot?.querySelector('.outbox-item'), 'the item stayed in the outbox');
    expect($(detail, '.outbox-announce').textContent).to.include('Your comment was sent.');
    expect(await commentsOn(alex, number, text)).to.equal(1);
  });

  it('Cancel removes the item and gives the text back to the form; nothing is sent', async () => {
    const number = await newCase(alex, 'Outbox cancel case');
    const text = 'Never mind, found it.';
    const detail = await open(adapter(alex), number);
    await sendOffline(detail, text);
    setValue($(detail, '#comment'), '');
    await detail.updateComplete;
    $<HTMLButtonElement>(detail, '.outbox-item button.cancel').click();
    await waitUntil(() => !detail.shadowRoot?.querySelector('.outbox-item'), 'the item stayed');
    expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal(text);
    network.up = true;
    window.dispatchEvent(new Event('online'));
    await detail.updateComplete;
    expect(await commentsOn(alex, number, text)).to.equal(0);
  });

  it('a refusal (422) never enters the outbox: the message shows and the text stays', async () => {
    const number = await newCase(alex, 'Outbox refusal case');
    const detail = await open(adapter(alex), number);
    network.up = true;
    setValue($(detail, '#comment'), 'x'.repeat(20_000));
    await detail.updateComplete;
    $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
    await waitUntil(() => detail.shadowRoot?.querySelector('.error-summary, .failure'), 'no refusal shown');
    expect(detail.shadowRoot?.querySelector('.outbox-item')).to.equal(null);
    expect((await sharedStore().list('outbox:')).length).to.equal(0);
  });
});
