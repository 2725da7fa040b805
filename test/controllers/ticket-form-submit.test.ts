import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { IdempotentCallOptions, SupportBackend } from '../../src/adapters/backend.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { SupportError } from '../../src/core/errors.js';
import type { NewTicket, Ticket } from '../../src/core/ticket.js';
import type { IntentKey } from '../../src/controllers/action-controller.js';
import { caseIntent, caseSubmitController } from '../../src/controllers/ticket-form-submit.js';

const CASE: NewTicket = {
  areaId: 'esign',
  productId: 'esignature',
  subject: 'Submit controller case',
  description: 'Sent by the controller test.',
  contactMethod: 'email',
};

class SubmitHost extends LitElement {
  keys: string[] = [];
  refused: SupportError[] = [];
  done: Ticket[] = [];
  stored: IntentKey | undefined;
  failNext: unknown = undefined;
  readonly memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
  readonly backend: SupportBackend = {
    ...this.memory,
    createTicket: (input: NewTicket, options: IdempotentCallOptions) => {
      this.keys.push(options.idempotencyKey);
      const failure = this.failNext;
      this.failNext = undefined;
      return failure === undefined ? this.memory.createTicket(input, options) : Promise.reject(failure);
    },
  };
  readonly submission = caseSubmitController(this, {
    backend: () => this.backend,
    locale: () => 'en',
    keyStore: { load: () => this.stored, save: (value) => void (this.stored = value) },
    onDone: (ticket) => this.done.push(ticket),
    onRefused: (error) => {
      this.refused.push(error);
      return false;
    },
    focus: {},
  });
}
customElements.define('submit-host', SubmitHost);

describe('caseSubmitController', () => {
  it('the intent of a case is a digest: the same case, the same intent; another case, another', () => {
    expect(caseIntent(CASE)).to.equal(caseIntent({ ...CASE }));
    expect(caseIntent(CASE)).to.match(/^ticket:[0-9a-f]{8}$/);
    expect(caseIntent({ ...CASE, description: 'Edited.' })).to.not.equal(caseIntent(CASE));
    expect(caseIntent(CASE)).to.not.contain(CASE.subject);
  });

  it('a retry reuses the stored key; success forgets it', async () => {
    const host = await fixture<SubmitHost>(html`<submit-host></submit-host>`);
    host.failNext = new SupportError('network', 'dropped');
    await host.submission.run({ ticket: CASE, confirmation: 'open' });
    expect(host.submission.failureKind).to.equal('network');
    expect(host.refused.map((e) => e.kind)).to.deep.equal(['network']);
    expect(host.stored?.key).to.equal(host.keys[0]);
    await host.submission.run({ ticket: CASE, confirmation: 'open' });
    expect(host.keys[1]).to.equal(host.keys[0]);
    expect(host.done).to.have.length(1);
    expect(host.stored).to.equal(undefined);
  });

  it('an edited case after a failure gets a new key', async () => {
    const host = await fixture<SubmitHost>(html`<submit-host></submit-host>`);
    host.failNext = new SupportError('server', 'down');
    await host.submission.run({ ticket: CASE, confirmation: 'open' });
    await host.submission.run({ ticket: { ...CASE, description: 'Edited after the failure.' }, confirmation: 'open' });
    expect(host.keys).to.have.length(2);
    expect(host.keys[1]).to.not.equal(host.keys[0]);
  });

  it('what is not a SupportError is refused as a server failure, through onRefused', async () => {
    const host = await fixture<SubmitHost>(html`<submit-host></submit-host>`);
    host.failNext = new TypeError('boom');
    await host.submission.run({ ticket: CASE, confirmation: 'open' });
    expect(host.refused.map((e) => e.kind)).to.deep.equal(['server']);
    expect(host.submission.failureKind).to.equal('server');
  });
});
