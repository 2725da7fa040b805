// The SupportBackend contract: one suite, run against every backend that claims it
// (contract-memory.test.ts: the in-browser memory backend; contract-server.test.ts: the
// reference server through createFetchAdapter over real HTTP).
//
// A backend may be shared between tests (the server run uses one server for the whole file),
// so tests only rely on the demo seed and on what they create themselves, with unique words.
import { expect } from '@open-wc/testing';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { DEMO_PASSWORD } from '../../src/adapters/memory-adapter.js';
import type { NewTicket, Ticket } from '../../src/core/ticket.js';
import { supportError } from '../support/dom.js';

export type MakeBackend = () => SupportBackend | Promise<SupportBackend>;

const key = () => crypto.randomUUID();
const unique = () => `zq${Math.random().toString(36).slice(2, 10)}`;

function ticketInput(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    areaId: 'esign',
    productId: 'esignature',
    subject: 'Envelope stuck in sending',
    description: 'The envelope never leaves the sending state.',
    contactMethod: 'portal',
    ...overrides,
  };
}

/** A PNG signature and a tiny IHDR: real magic bytes for servers that check them. */
function pngFile(name = 'screenshot.png'): File {
  const bytes = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
  ]);
  return new File([bytes], name, { type: 'image/png' });
}

/**
 * What a backend cannot do: the suite then checks the refusal instead of the feature, and that
 * the backend declares it (`capabilities`, read once signed in), so that the elements hide it.
 * Given here too because the suite's tests are chosen before any backend answers.
 */
export interface ContractCapabilities {
  /** `false`: the helpdesk's API cannot change who is CC'd on an existing case (Freshdesk). */
  readonly changeWatchers?: boolean;
}

export function runContractSuite(name: string, makeBackend: MakeBackend, capabilities: ContractCapabilities = {}): void {
  describe(`SupportBackend contract: ${name}`, () => {
    async function signedIn(email = 'alex@example.com'): Promise<SupportBackend> {
      const backend = await makeBackend();
      await backend.signIn({ email, password: DEMO_PASSWORD, realm: email === 'pat@example.com' ? 'support_center' : 'product' });
      return backend;
    }

    async function seededCase(backend: SupportBackend, status: Ticket['status']): Promise<Ticket> {
      const page = await backend.listTickets({ status, limit: 50 });
      const summary = page.items.find((item) => item.requester.email === 'alex@example.com');
      if (!summary) throw new Error(`no seeded ${status} case of alex@example.com`);
      return backend.getTicket(summary.number);
    }

    describe('session', () => {
      it('rejects a wrong password as unauthorized', async () => {
        const backend = await makeBackend();
        const error = await supportError(backend.signIn({ email: 'alex@example.com', password: 'wrong horse', realm: 'product' }));
        expect(error.kind).to.equal('unauthorized');
        expect(await backend.getSession()).to.equal(null);
      });

      it('rejects credentials of the other realm as unauthorized', async () => {
        const backend = await makeBackend();
        const error = await supportError(backend.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'support_center' }));
        expect(error.kind).to.equal('unauthorized');
      });

      it('signs in, reports the session, signs out', async () => {
        const backend = await makeBackend();
        expect(await backend.getSession()).to.equal(null);
        const session = await backend.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
        expect(session.user.email).to.equal('alex@example.com');
        expect(session.realm).to.equal('product');
        expect(session.accounts.map((a) => a.id)).to.include(session.activeAccountId);
        expect(JSON.stringify(session)).not.to.contain(DEMO_PASSWORD);
        expect((await backend.getSession())?.user.email).to.equal('alex@example.com');
        await backend.signOut();
        expect(await backend.getSession()).to.equal(null);
      });

      it('signs a support-center user in with the support_center realm', async () => {
        const backend = await makeBackend();
        const session = await backend.signIn({ email: 'pat@example.com', password: DEMO_PASSWORD, realm: 'support_center' });
        expect(session.realm).to.equal('support_center');
      });

      it('switches between the accounts of a user who has two', async () => {
        const backend = await signedIn('sam@example.com');
        const session = await backend.getSession();
        expect(session?.accounts.map((a) => a.id)).to.have.members(['acc-northwind', 'acc-contoso']);
        const other = session?.accounts.find((a) => a.id !== session.activeAccountId);
        if (!other) throw new Error('sam has one account');
        const switched = await backend.selectAccount(other.id);
        expect(switched.activeAccountId).to.equal(other.id);
        expect((await backend.getSession())?.activeAccountId).to.equal(other.id);
        const created = await backend.createTicket(ticketInput({ subject: `For ${other.name} ${unique()}` }), { idempotencyKey: key() });
        expect(created.accountId).to.equal(other.id);
      });

      it("refuses an account that is not the user's", async () => {
        const backend = await signedIn('sam@example.com');
        expect((await supportError(backend.selectAccount('acc-alex'))).kind).to.equal('forbidden');
      });

      it('answers unauthorized to case calls without a session', async () => {
        const backend = await makeBackend();
        expect((await supportError(backend.listTickets({}))).kind).to.equal('unauthorized');
        expect((await supportError(backend.createTicket(ticketInput(), { idempotencyKey: key() }))).kind).to.equal('unauthorized');
      });
    });

    describe('catalog and articles', () => {
      it('returns the catalog in the asked language', async () => {
        const backend = await makeBackend();
        const en = await backend.getCatalog({ locale: 'en' });
        const fr = await backend.getCatalog({ locale: 'fr' });
        const label = (catalog: typeof en) => catalog.categories.find((c) => c.id === 'account' && c.areaId === 'esign')?.label;
        expect(label(en)).to.equal('Account and billing');
        expect(label(fr)).to.equal('Compte et facturation');
        // Seed: Insight & Analyzer is offered in English only, so its category is not in French.
        expect(en.categories.map((c) => c.id)).to.include('insight');
        expect(fr.categories.map((c) => c.id)).not.to.include('insight');
        expect(en.categories.map((c) => c.id)).to.include.members(fr.categories.map((c) => c.id));
      });

      it('suggests articles matching the subject within the area', async () => {
        const backend = await makeBackend();
        const articles = await backend.suggestArticles({ query: 'I need to reset my password', areaId: 'esign' });
        expect(articles.map((a) => a.id)).to.include('kb-reset');
        expect(await backend.suggestArticles({ query: 'password', areaId: 'seal' })).to.deep.equal([]);
      });
    });

    describe('opening a case', () => {
      it('returns field errors for invalid input', async () => {
        const backend = await signedIn();
        const error = await supportError(backend.createTicket(ticketInput({ subject: ' ', description: '' }), { idempotencyKey: key() }));
        expect(error.kind).to.equal('validation');
        expect(error.fieldErrors).to.deep.include({ field: 'subject', code: 'required' });
        expect(error.fieldErrors).to.deep.include({ field: 'description', code: 'required' });
      });

      it('opens a case as open, for the active account', async () => {
        const backend = await signedIn();
        const subject = `Signer cannot open ${unique()}`;
        const created = await backend.createTicket(ticketInput({ subject }), { idempotencyKey: key() });
        expect(created.status).to.equal('open');
        expect(created.subject).to.equal(subject);
        expect(created.requester.email).to.equal('alex@example.com');
        expect(created.accountId).to.equal('acc-alex');
        expect((await backend.getTicket(created.number)).subject).to.equal(subject);
      });

      it('replays the first result for the same idempotency key and body', async () => {
        const backend = await signedIn();
        const idempotencyKey = key();
        const input = ticketInput({ subject: `Replay ${unique()}` });
        const first = await backend.createTicket(input, { idempotencyKey });
        const again = await backend.createTicket(input, { idempotencyKey });
        expect(again.number).to.equal(first.number);
        const page = await backend.listTickets({ search: input.subject.split(' ')[1] });
        expect(page.total).to.equal(1);
      });

      it('rejects the same key with another body as a conflict', async () => {
        const backend = await signedIn();
        const idempotencyKey = key();
        await backend.createTicket(ticketInput({ subject: `First ${unique()}` }), { idempotencyKey });
        const error = await supportError(backend.createTicket(ticketInput({ subject: `Second ${unique()}` }), { idempotencyKey }));
        expect(error.kind).to.equal('conflict');
        expect(error.conflict).to.equal('idempotency_mismatch');
      });

      it('keeps the number of the closed case a follow-up starts from', async () => {
        const backend = await signedIn();
        const closed = await seededCase(backend, 'closed');
        const followUp = await backend.createTicket(ticketInput({ subject: `Still broken ${unique()}`, followUpOf: closed.number }), {
          idempotencyKey: key(),
        });
        expect(followUp.followUpOf).to.equal(closed.number);
      });

      it('answers not_found for a case that does not exist', async () => {
        const backend = await signedIn();
        expect((await supportError(backend.getTicket('99999999'))).kind).to.equal('not_found');
      });
    });

    describe('listing cases', () => {
      it('filters, searches, sorts and pages with a cursor', async () => {
        const backend = await signedIn();
        const tag = unique();
        const numbers: string[] = [];
        for (const word of ['alpha', 'bravo', 'charlie']) {
          numbers.push((await backend.createTicket(ticketInput({ subject: `${word} ${tag}` }), { idempotencyKey: key() })).number);
        }
        const all = await backend.listTickets({ search: tag, sort: 'number_asc' });
        expect(all.total).to.equal(3);
        expect(all.items.map((i) => i.number)).to.deep.equal(numbers);
        expect(all.nextCursor).to.equal(undefined);

        const desc = await backend.listTickets({ search: tag, sort: 'number_desc' });
        expect(desc.items.map((i) => i.number)).to.deep.equal([...numbers].reverse());

        const first = await backend.listTickets({ search: tag, sort: 'number_asc', limit: 2 });
        expect(first.items.map((i) => i.number)).to.deep.equal(numbers.slice(0, 2));
        expect(first.total).to.equal(3);
        expect(first.nextCursor).to.be.a('string');
        const second = await backend.listTickets({ search: tag, sort: 'number_asc', limit: 2, cursor: first.nextCursor });
        expect(second.items.map((i) => i.number)).to.deep.equal(numbers.slice(2));
        expect(second.nextCursor).to.equal(undefined);

        expect((await backend.listTickets({ search: tag, status: 'closed' })).total).to.equal(0);
        expect((await backend.listTickets({ search: tag, status: 'open' })).total).to.equal(3);
        expect((await backend.listTickets({ search: numbers[1] })).items.map((i) => i.number)).to.include(numbers[1]);

        const pending = await backend.listTickets({ status: 'pending' });
        expect(pending.items.every((i) => i.status === 'pending')).to.equal(true);
      });

      it('finds a case by every word of a query, in any order and case, and not by a word it lacks', async () => {
        const backend = await signedIn();
        const tag = unique();
        const created = await backend.createTicket(ticketInput({ subject: `Webhook ${tag} retries fail` }), { idempotencyKey: key() });
        const found = await backend.listTickets({ search: `FAIL ${tag}  webhook` });
        expect(found.items.map((i) => i.number)).to.deep.equal([created.number]);
        expect((await backend.listTickets({ search: `webhook ${tag} timeout` })).total).to.equal(0);
      });

      it('finds a case by its number, with or without a leading #', async () => {
        const backend = await signedIn();
        const created = await backend.createTicket(ticketInput({ subject: `Numbered ${unique()}` }), { idempotencyKey: key() });
        for (const search of [created.number, `#${created.number}`, ` #${created.number} `]) {
          const page = await backend.listTickets({ search });
          expect(page.items.map((i) => i.number), `search "${search}"`).to.deep.equal([created.number]);
        }
      });

      it("does not show another user's cases", async () => {
        const alex = await signedIn();
        const tag = unique();
        await alex.createTicket(ticketInput({ subject: `private ${tag}` }), { idempotencyKey: key() });
        const sam = await signedIn('sam@example.com');
        expect((await sam.listTickets({ search: tag })).total).to.equal(0);
      });
    });

    describe('working on a case', () => {
      // Watchers and attachments first: they must leave the seeded pending case pending; the
      // comment test after them reopens it.
      it('declares whether watchers can be added and removed, as the suite expects', async () => {
        const backend = await signedIn();
        const changes = capabilities.changeWatchers !== false;
        expect([backend.capabilities.addWatcher, backend.capabilities.removeWatcher]).to.deep.equal([changes, changes]);
      });

      if (capabilities.changeWatchers === false) {
        it('refuses to change the watchers as forbidden, leaving the case as it was', async () => {
          const backend = await signedIn();
          const pending = await seededCase(backend, 'pending');
          expect((await supportError(backend.addWatcher(pending.number, 'colleague@example.com'))).kind).to.equal('forbidden');
          const after = await backend.getTicket(pending.number);
          expect(after.watchers).to.deep.equal(pending.watchers);
          expect(after.updatedAt).to.equal(pending.updatedAt);
        });
      } else {
        it('adds and removes a watcher without changing the status', async () => {
          const backend = await signedIn();
          const pending = await seededCase(backend, 'pending');
          const added = await backend.addWatcher(pending.number, 'Colleague@Example.com');
          expect(added.status).to.equal('pending');
          expect(added.watchers.map((w) => w.email)).to.include('colleague@example.com');
          expect(added.activityAt).to.equal(pending.activityAt);
          const removed = await backend.removeWatcher(pending.number, 'colleague@example.com');
          expect(removed.status).to.equal('pending');
          expect(removed.watchers.map((w) => w.email)).not.to.include('colleague@example.com');
          const invalid = await supportError(backend.addWatcher(pending.number, 'not-an-email'));
          expect(invalid.kind).to.equal('validation');
        });

        it('removes a watcher who is not (or no longer) on the case as a success that changes nothing', async () => {
          const backend = await signedIn();
          const created = await backend.createTicket(ticketInput({ subject: `Watchers ${unique()}` }), { idempotencyKey: key() });
          await backend.addWatcher(created.number, 'once@example.com');
          const removed = await backend.removeWatcher(created.number, 'once@example.com');
          // The retry of a removal whose answer was lost: nothing left to delete.
          const again = await backend.removeWatcher(created.number, 'once@example.com');
          expect(again.watchers.map((w) => w.email)).to.deep.equal([]);
          expect(again.updatedAt).to.equal(removed.updatedAt);
          const never = await backend.removeWatcher(created.number, 'never@example.com');
          expect(never.number).to.equal(created.number);
          expect(never.updatedAt).to.equal(removed.updatedAt);
        });

        it('lets a watcher add watchers and remove only themselves, and the requester remove anyone', async () => {
          const backend = await signedIn();
          const created = await backend.createTicket(ticketInput({ subject: `Watcher rights ${unique()}` }), { idempotencyKey: key() });
          await backend.addWatcher(created.number, 'sam@example.com');
          await backend.addWatcher(created.number, 'colleague@example.com');
          await backend.signOut();
          await backend.signIn({ email: 'sam@example.com', password: DEMO_PASSWORD, realm: 'product' });
          const added = await backend.addWatcher(created.number, 'third@example.com');
          expect(added.watchers.map((w) => w.email)).to.include('third@example.com');
          expect((await supportError(backend.removeWatcher(created.number, 'colleague@example.com'))).kind).to.equal('forbidden');
          expect((await supportError(backend.removeWatcher(created.number, 'alex@example.com'))).kind).to.equal('forbidden');
          expect((await backend.getTicket(created.number)).watchers.map((w) => w.email)).to.include('colleague@example.com');
          await backend.removeWatcher(created.number, 'sam@example.com');
          expect((await supportError(backend.getTicket(created.number))).kind).to.equal('not_found');
          await backend.signOut();
          await backend.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
          const left = await backend.removeWatcher(created.number, 'third@example.com');
          expect(left.watchers.map((w) => w.email)).to.deep.equal(['colleague@example.com']);
        });
      }

      it('uploads a file and attaches it without changing the status', async () => {
        const backend = await signedIn();
        const pending = await seededCase(backend, 'pending');
        const progress: number[] = [];
        const uploaded = await backend.uploadFile(pngFile(), { onProgress: (loaded) => progress.push(loaded) });
        expect(uploaded.name).to.equal('screenshot.png');
        expect(uploaded.size).to.equal(pngFile().size);
        expect(uploaded.token).to.be.a('string');
        const attached = await backend.addAttachments(pending.number, [uploaded.token], { idempotencyKey: key() });
        expect(attached.status).to.equal('pending');
        expect(attached.attachments.map((a) => a.name)).to.include('screenshot.png');
        expect(attached.activityAt).to.equal(pending.activityAt);
      });

      it('sets a pending case back to open when the customer comments', async () => {
        const backend = await signedIn();
        const pending = await seededCase(backend, 'pending');
        const updated = await backend.addComment(pending.number, 'It works now, thanks. One more question.', { idempotencyKey: key() });
        expect(updated.status).to.equal('open');
        expect(updated.comments.at(-1)?.body).to.equal('It works now, thanks. One more question.');
        expect(updated.comments.at(-1)?.authorRole).to.equal('user');
        expect(updated.comments).to.have.length(pending.comments.length + 1);
      });

      it('rejects an empty comment with a field error', async () => {
        const backend = await signedIn();
        const created = await backend.createTicket(ticketInput({ subject: `Comment ${unique()}` }), { idempotencyKey: key() });
        const error = await supportError(backend.addComment(created.number, '   ', { idempotencyKey: key() }));
        expect(error.kind).to.equal('validation');
        expect(error.fieldErrors).to.deep.include({ field: 'comment', code: 'required' });
      });

      it('rejects a comment on a closed case with conflict "closed"', async () => {
        const backend = await signedIn();
        const closed = await seededCase(backend, 'closed');
        const error = await supportError(backend.addComment(closed.number, 'Still broken', { idempotencyKey: key() }));
        expect(error.kind).to.equal('conflict');
        expect(error.conflict).to.equal('closed');
        expect((await backend.getTicket(closed.number)).comments).to.have.length(closed.comments.length);
      });

      it('accepts Call me where it is offered and refuses it elsewhere', async () => {
        const backend = await signedIn();
        const created = await backend.createTicket(ticketInput({ subject: `Call ${unique()}` }), { idempotencyKey: key(), locale: 'en' });
        const called = await backend.requestCallback(created.number, '+1 415 555 0100', { idempotencyKey: key(), locale: 'en' });
        expect(called.status).to.equal('open');
        expect(called.callbacks.map((c) => c.phone)).to.deep.equal(['+1 415 555 0100']);
        // Seed: Call me is offered in English only.
        const inFrench = await supportError(backend.requestCallback(created.number, '+33 1 23 45 67 89', { idempotencyKey: key(), locale: 'fr' }));
        expect(inFrench.kind).to.equal('forbidden');
        const badPhone = await supportError(backend.requestCallback(created.number, 'call me maybe', { idempotencyKey: key(), locale: 'en' }));
        expect(badPhone.kind).to.equal('validation');
      });

      it('refuses Call me for eSignature on a free plan', async () => {
        const backend = await signedIn('sam@example.com');
        await backend.selectAccount('acc-contoso');
        const created = await backend.createTicket(ticketInput({ subject: `Free plan ${unique()}` }), { idempotencyKey: key() });
        const error = await supportError(backend.requestCallback(created.number, '+1 415 555 0100', { idempotencyKey: key(), locale: 'en' }));
        expect(error.kind).to.equal('forbidden');
      });
    });

    describe("can't sign in", () => {
      it('accepts the sign-in help form without a session', async () => {
        const backend = await makeBackend();
        const receipt = await backend.submitSignInHelp(
          { name: 'Robin', email: 'robin@example.com', areaId: 'esign', description: 'My password reset email never arrives.' },
          { idempotencyKey: key() },
        );
        expect(receipt.reference).to.be.a('string').and.not.equal('');
      });

      it('returns field errors for an incomplete form', async () => {
        const backend = await makeBackend();
        const error = await supportError(
          backend.submitSignInHelp({ name: '', email: 'nope', areaId: 'esign', description: 'x' }, { idempotencyKey: key() }),
        );
        expect(error.kind).to.equal('validation');
        expect(error.fieldErrors).to.deep.include({ field: 'name', code: 'required' });
        expect(error.fieldErrors).to.deep.include({ field: 'email', code: 'invalid_email' });
      });
    });
  });
}
