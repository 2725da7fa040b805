/**
 * The fault matrix of issue 11, table-driven, over real HTTP: (fault × action × reload) against
 * test/support/fault-server.mjs through the fetch adapter and `<support-ticket-detail>`.
 * Each cell: the first try meets the fault; the user sees a message (with the limit of a 413 and
 * the wait of a 429) with what they typed or chose still there (after a reload too) and nothing
 * busy forever; the faulted request made no record unless it committed; then the user's retry
 * succeeds with the same idempotency key and the server holds exactly one record, or, after a
 * 401, the sign-in form is in place and nothing is retried. What each fault expects is data
 * (`FAULTS`).
 * The summary (cells, inputs lost, duplicates, hangs) is printed after the run.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter.js';
import { sharedStore } from '../../../src/controllers/file-store.js';
import { userDigest } from '../../../src/controllers/draft-key.js';
import '../../../src/define/support-ticket-detail.js';
import '../../../src/define/ticket-form.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { faultServer, type FaultServer, type FaultStep } from '../../adapters/servers.js';

/** The fault server's steps, with `commit-raw` (commit, then a malformed answer). */
type Step = Omit<FaultStep, 'type'> & { readonly type: FaultStep['type'] | 'commit-raw' };
import { $, $$, input } from './helpers.js';

type Action = 'comment' | 'attachment' | 'upload';
type Made = 'tickets' | 'comments' | 'attachments' | 'uploads';

/** A problem+json answer of `status`, as the reference server words it. */
const problem = (status: number, extra: Record<string, unknown> = {}) => ({ type: 'about:blank', title: `HTTP ${status}`, status, ...extra });
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * One fault and what the user must meet, as data: `commits` (the server made the record before
 * the fault, so the retry must replay it, not make a second), `then` (the user retries with the
 * same key, or a session that ended gets the sign-in form in place and no retry), `says` (the
 * words the message must have).
 */
interface Fault {
  readonly name: string;
  readonly step: Step;
  readonly commits: boolean;
  readonly then: 'retry' | 'sign-in';
  readonly says?: RegExp;
}

const FAULTS: readonly Fault[] = [
  { name: 'connection refused', step: { type: 'drop' }, commits: false, then: 'retry' },
  { name: 'timeout', step: { type: 'hang' }, commits: false, then: 'retry' },
  { name: '500', step: { type: 'status', status: 500 }, commits: false, then: 'retry' },
  { name: '503', step: { type: 'status', status: 503 }, commits: false, then: 'retry' },
  { name: 'malformed 200 after commit', step: { type: 'commit-raw', status: 200, text: '{"number": ' }, commits: true, then: 'retry' },
  { name: 'response lost after commit', step: { type: 'commit-drop' }, commits: true, then: 'retry' },
  { name: '401', step: { type: 'status', status: 401, body: problem(401, { kind: 'unauthorized' }) }, commits: false, then: 'sign-in' },
  { name: '403', step: { type: 'status', status: 403, body: problem(403) }, commits: false, then: 'retry' },
  { name: '404', step: { type: 'status', status: 404, body: problem(404) }, commits: false, then: 'retry' },
  { name: '409', step: { type: 'status', status: 409, body: problem(409) }, commits: false, then: 'retry' },
  { name: '413', step: { type: 'status', status: 413, body: problem(413, { limitBytes: MAX_BYTES }) }, commits: false, then: 'retry', says: /20\s?MB/ },
  { name: '422', step: { type: 'status', status: 422, body: problem(422) }, commits: false, then: 'retry' },
  { name: '429 Retry-After 2 s', step: { type: 'status', status: 429, headers: { 'Retry-After': '2' }, body: problem(429) }, commits: false, then: 'retry', says: /in 2 seconds/ },
  { name: '429 Retry-After 120 s', step: { type: 'status', status: 429, headers: { 'Retry-After': '120' }, body: problem(429) }, commits: false, then: 'retry', says: /in 2 minutes/ },
];

/**
 * Cells that fail today because of a product bug not fixed yet: left out of the run (a red test
 * is not committed), named in the summary so they are not forgotten.
 * - 401 × create: `<ticket-form>`'s `reauthenticate` phase renders the sign-in form INSTEAD of
 *   the details step, so the typed description is off screen until the user signs in (it is
 *   kept in the draft and comes back after sign-in or a reload).
 */
const LEFT_OUT: ReadonlyMap<string, string> = new Map();

const ACTIONS: readonly { readonly name: Action; readonly path: RegExp; readonly made: Made }[] = [
  { name: 'comment', path: /\/comments$/, made: 'comments' },
  { name: 'attachment', path: /\/attachments$/, made: 'attachments' },
  { name: 'upload', path: /\/uploads$/, made: 'uploads' },
];

interface Cell {
  readonly cell: string;
  inputLost: boolean;
  duplicates: number;
  keys: number;
  hang: boolean;
  message: boolean;
  /** Records the server held right after the fault (before any retry). */
  madeAtFault: number;
  signIn: boolean;
  text: string;
}
const cells: Cell[] = [];

describe('fault matrix (fault × action × reload)', function () {
  this.timeout(8000);
  let server: FaultServer;

  before(async () => {
    server = await faultServer('fault-matrix');
  });

  beforeEach(async () => {
    await server.reset();
    localStorage.clear();
    await sharedStore().deletePrefix('');
  });

  after(() => {
    const lost = cells.filter((c) => c.inputLost).length;
    const dup = cells.filter((c) => c.duplicates > 0).length;
    const hangs = cells.filter((c) => c.hang).length;
    const twoKeys = cells.filter((c) => c.keys > 1).length;
    console.log(`fault matrix: ${cells.length} cells, ${lost} inputs lost, ${dup} with duplicates, ${twoKeys} with 2+ keys, ${hangs} hangs`);
    for (const c of cells.filter((x) => x.inputLost || x.duplicates || x.hang || x.keys > 1 || !x.message)) console.log('  ', JSON.stringify(c));
    const signIns = cells.filter((c) => c.signIn).length;
    console.log(`  ${cells.filter((c) => c.message).length} with a message, ${signIns} with the sign-in form in place`);
    for (const [cell, why] of LEFT_OUT) console.log(`   left out (open bug): ${cell}: ${why}`);
  });

  function adapter(): SupportBackend {
    return createFetchAdapter({
      baseUrl: server.api,
      getToken: () => 'test-token',
      // Short enough that a hung request fails well within the cells' 3 s waits; long enough
      // that a healthy request on a loaded 2-core CI machine is not taken for a hung one (at
      // 400 ms a reload's case load timed out there once: "the case did not open").
      timeoutMs: 1500,
      uploadTimeoutMs: 1500,
      // One attempt per user try: the matrix is about what the user sees and retries.
      retry: { retries: 0 },
    });
  }

  /** One tab of the page: a fresh adapter (nothing in memory) and the case view. */
  async function open(number: string): Promise<SupportTicketDetail> {
    const backend = adapter();
    const detail = await fixture<SupportTicketDetail>(html`<support-ticket-detail locale="en" number=${number} .backend=${backend}></support-ticket-detail>`);
    await detail.loaded;
    await detail.updateComplete;
    await waitUntil(() => detail.shadowRoot?.querySelector('#comment'), 'the case did not open');
    return detail;
  }

  async function newCase(): Promise<string> {
    const response = await fetch(`${server.api}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
      body: JSON.stringify({ subject: 'Matrix', description: 'Fault matrix case' }),
    });
    const ticket = (await response.json()) as { number: string };
    return ticket.number;
  }

  function pick(detail: SupportTicketDetail, name: string): void {
    const picker = $<HTMLInputElement>(detail, '.dropzone input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([`contents of ${name}`], name, { type: 'text/plain' }));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async function recorded(path: RegExp, made: Made): Promise<{ keys: number; made: number }> {
    const record = (await (await fetch(`${server.origin}/__record`)).json()) as {
      requests: { method: string; path: string; headers: Record<string, string | undefined> }[];
      made: Record<Made, number>;
    };
    const keys = new Set(record.requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.headers['idempotency-key']));
    return { keys: keys.size, made: record.made[made] };
  }

  /** The words of every notice on screen (the failure's message, the sign-in's notice). */
  function shownText(root: ShadowRoot | null | undefined): string {
    const alerts = [...(root?.querySelectorAll<HTMLElement>('[role=alert], .upload-item[data-state=failed]') ?? [])];
    return alerts.map((a) => a.textContent?.replace(/\s+/g, ' ').trim() ?? '').join(' | ');
  }

  /** What every cell asserts about the fault itself, before any retry. */
  function expectFault(cell: Cell, fault: Fault): void {
    expect(cell.hang, 'hang').to.equal(false);
    expect(cell.message, 'message after the fault').to.equal(true);
    if (fault.says) expect(cell.text, 'words of the message').to.match(fault.says);
    expect(cell.madeAtFault, 'records made by the faulted request').to.equal(fault.commits ? 1 : 0);
    if (fault.then === 'sign-in') expect(cell.signIn, 'sign-in form in place').to.equal(true);
  }

  /** The case form at its last step, as a restored draft leaves it; a reload is a new form. */
  async function openForm(): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<ticket-form locale="en" area="esign" .backend=${adapter()}></ticket-form>`,
    );
    // After a reload the outbox may already have delivered a case the network lost: confirmed.
    await waitUntil(() => el.shadowRoot?.querySelector('button[part=submit-button], [part=confirmation]'), 'no case form', { timeout: 3000 });
    return el;
  }

  for (const reload of [false, true]) {
    for (const fault of FAULTS) {
      const name = `${fault.name} × create a case × ${reload ? 'reloaded' : 'same page'}`;
      if (LEFT_OUT.has(name)) continue;
      it(name, async () => {
        localStorage.setItem(
          `support-elements:draft:ticket-form:${userDigest('fault@example.com')}:esign`,
          JSON.stringify({ step: 'details', subject: 'Matrix case', categoryId: '', subcategoryId: '', productId: 'esignature', description: 'It still fails', contactMethod: 'email' }),
        );
        const cell: Cell = { cell: name, inputLost: false, duplicates: 0, keys: 0, hang: false, message: false, madeAtFault: 0, signIn: false, text: '' };
        cells.push(cell);
        let el = await openForm();
        const idle = async () =>
          waitUntil(() => el.shadowRoot?.querySelector('[aria-busy=true], button[aria-disabled=true]') === null, 'busy', { timeout: 3000 }).then(
            () => true,
            () => false,
          );
        await fetch(`${server.origin}/__script`, { method: 'POST', body: JSON.stringify({ steps: [fault.step] }) });
        el.shadowRoot?.querySelector<HTMLButtonElement>('button[part=submit-button]')?.click();
        await el.updateComplete;
        cell.hang = !(await idle());
        cell.message = el.shadowRoot?.querySelector('.failure[role=alert]') !== null;
        cell.text = shownText(el.shadowRoot);
        cell.signIn = el.shadowRoot?.querySelector('support-sign-in') !== null;
        cell.madeAtFault = (await recorded(/\/api\/tickets$/, 'tickets')).made;
        if (reload) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          el.remove();
          el = await openForm();
        }
        const description = el.shadowRoot?.querySelector<HTMLTextAreaElement>('#description');
        const delivered = el.shadowRoot?.querySelector('[part=confirmation]') !== null;
        cell.inputLost = description?.value !== 'It still fails' && !delivered;
        if (fault.then === 'retry' && !delivered) {
          el.shadowRoot?.querySelector<HTMLButtonElement>('button[part=submit-button]')?.click();
          await el.updateComplete;
          await waitUntil(() => el.shadowRoot?.querySelector('button[part=submit-button]') === null, 'not created', { timeout: 3000 }).catch(() => (cell.hang = true));
        }
        const { keys, made } = await recorded(/\/api\/tickets$/, 'tickets');
        cell.keys = keys;
        cell.duplicates = Math.max(0, made - 1);
        expectFault(cell, fault);
        expect(cell.inputLost, 'input lost').to.equal(false);
        expect(made, 'records made').to.equal(fault.then === 'retry' ? 1 : 0);
        expect(keys, 'keys sent').to.equal(1);
      });
    }
  }

  const item = (detail: SupportTicketDetail) => detail.shadowRoot?.querySelector<HTMLElement>('.upload-item') ?? null;
  const attachButton = (detail: SupportTicketDetail) => detail.shadowRoot?.querySelector<HTMLButtonElement>('button.attach') ?? null;

  /** The comment waiting in the outbox, shown with its text (the field let go of it). */
  const waiting = (detail: SupportTicketDetail) => $$(detail, '.outbox-item').find((li) => li.textContent?.includes('It still fails'));

  /** The user's try: returns once the view is not busy any more (false: it hung). */
  async function attempt(detail: SupportTicketDetail, action: Action): Promise<boolean> {
    // A comment that waits in the outbox is tried again from its item ("Send now"); otherwise from the form.
    const sendNow = action === 'comment' ? waiting(detail)?.querySelector<HTMLButtonElement>('.send-now') : undefined;
    if (sendNow) sendNow.click();
    else if (action === 'comment') $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
    if (action === 'attachment') attachButton(detail)?.click();
    if (action === 'upload') {
      const retry = $$<HTMLButtonElement>(detail, '.upload-item button').find((b) => b.textContent?.includes('Retry'));
      if (retry) retry.click();
      else pick(detail, 'log.txt');
    }
    await detail.updateComplete;
    try {
      await waitUntil(
        () => detail.shadowRoot?.querySelector('[aria-busy=true]') === null && item(detail)?.dataset['state'] !== 'uploading' && !(sendNow && waiting(detail)),
        'busy',
        { timeout: 3000 },
      );
      return true;
    } catch {
      return false;
    }
  }


  /** What the user typed or chose is on screen: in the field, in the outbox's waiting item, or sent. */
  function inputShown(detail: SupportTicketDetail, action: Action): boolean {
    if (action === 'comment') return $<HTMLTextAreaElement>(detail, '#comment').value === 'It still fails' || waiting(detail) !== undefined || commentDelivered(detail);
    const shown = item(detail);
    return shown !== null && (shown.textContent ?? '').includes('log.txt');
  }

  /** After a reload the outbox may already have sent a comment the network lost: it is in the conversation. */
  function commentDelivered(detail: SupportTicketDetail): boolean {
    return $$(detail, '.conversation > li').some((li) => li.textContent?.includes('It still fails'));
  }

  /** The failure said, or for a comment the network lost, its waiting item and the announcement that it waits. */
  function messageShown(detail: SupportTicketDetail, action: Action): boolean {
    if (action === 'upload') return item(detail)?.dataset['state'] === 'failed';
    if (action === 'comment' && waiting(detail)) return ($(detail, '.outbox-announce').textContent ?? '').includes('It is sent by itself when the connection returns.');
    return detail.shadowRoot?.querySelector('.failure[role=alert]') !== null;
  }

  for (const reload of [false, true]) {
    for (const action of ACTIONS) {
      for (const fault of FAULTS) {
        const name = `${fault.name} × ${action.name} × ${reload ? 'reloaded' : 'same page'}`;
        it(name, async () => {
          const number = await newCase();
          let detail = await open(number);
          const cell: Cell = { cell: name, inputLost: false, duplicates: 0, keys: 0, hang: false, message: false, madeAtFault: 0, signIn: false, text: '' };
          cells.push(cell);
          if (action.name === 'comment') {
            input(detail, '#comment', 'It still fails');
            await detail.updateComplete;
          }
          if (action.name === 'attachment') {
            pick(detail, 'log.txt');
            await waitUntil(() => item(detail)?.dataset['state'] === 'done', 'not uploaded');
            await detail.updateComplete;
          }
          await fetch(`${server.origin}/__script`, { method: 'POST', body: JSON.stringify({ steps: [fault.step] }) });
          cell.hang = !(await attempt(detail, action.name));
          cell.message = messageShown(detail, action.name);
          cell.text = shownText(detail.shadowRoot);
          cell.signIn = detail.shadowRoot?.querySelector('support-sign-in') !== null;
          cell.madeAtFault = (await recorded(action.path, action.made)).made;
          if (reload) {
            // Let the stores write what the fault left, then load the page again.
            await new Promise((resolve) => setTimeout(resolve, 50));
            detail.remove();
            detail = await open(number);
            if (action.name !== 'comment') await waitUntil(() => item(detail), 'no file after the reload', { timeout: 1500 }).catch(() => undefined);
            await detail.updateComplete;
          }
          cell.inputLost = !inputShown(detail, action.name);
          if (!cell.inputLost && fault.then === 'retry' && !(action.name === 'comment' && commentDelivered(detail))) {
            const state = item(detail)?.dataset['state'];
            // After a reload an upload cut short starts again by itself; one that failed offers a retry.
            if (!(action.name === 'upload' && reload && state !== 'failed')) cell.hang = !(await attempt(detail, action.name)) || cell.hang;
            await waitUntil(() => item(detail)?.dataset['state'] !== 'uploading', 'upload hung', { timeout: 3000 }).catch(() => (cell.hang = true));
          }
          const { keys, made } = await recorded(action.path, action.made);
          cell.keys = keys;
          cell.duplicates = Math.max(0, made - 1);
          expectFault(cell, fault);
          expect(cell.inputLost, 'input lost').to.equal(false);
          expect(made, 'records made').to.equal(fault.then === 'retry' ? 1 : 0);
          expect(keys, 'keys sent').to.equal(1);
        });
      }
    }
  }
});
