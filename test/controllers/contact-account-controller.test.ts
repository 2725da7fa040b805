import { expect } from '@open-wc/testing';
import { BareHost } from './bare-host.js';
import type { CallOptions, Session, SupportBackend } from '../../src/adapters/backend.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { ContactAccountController } from '../../src/controllers/contact-account-controller.js';
import { SupportError } from '../../src/core/errors.js';


interface Pending {
  readonly accountId: string;
  readonly signal: AbortSignal | undefined;
  resolve(): void;
  reject(error: unknown): void;
}

function setup(signOutFails = false) {
  const memory = createMemoryBackend({ signedInAs: 'sam@example.com' });
  const pending: Pending[] = [];
  const backend: SupportBackend = {
    ...memory,
    selectAccount: (accountId: string, options?: CallOptions) =>
      new Promise<Session>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        pending.push({ accountId, signal: options?.signal, resolve: () => resolve(memory.selectAccount(accountId)), reject });
      }),
    signOut: (options?: CallOptions) => (signOutFails ? Promise.reject(new SupportError('network', 'down')) : memory.signOut(options)),
  };
  const log: string[] = [];
  const accounts = new ContactAccountController(new BareHost(), {
    backend: () => backend,
    locale: () => 'en',
    onChosen: (s) => log.push(`chosen ${s.activeAccountId}`),
    onChoiceFailed: (kind) => log.push(`choice failed ${kind}`),
    onSwitched: (s) => log.push(`switched ${s.activeAccountId}`),
    onSwitchFailed: (kind) => log.push(`switch failed ${kind}`),
    onSignedOut: () => log.push('signed out'),
  });
  return { accounts, pending, log };
}

const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('ContactAccountController', () => {
  it('switches account, and reports a failure by its kind', async () => {
    const { accounts, pending, log } = setup();
    const switched = accounts.switchTo('acc-contoso');
    expect(accounts.switching.busy).to.equal(true);
    pending[0]?.resolve();
    await switched;
    const failed = accounts.switchTo('acc-northwind');
    pending[1]?.reject(new SupportError('network', 'down'));
    await failed;
    expect(log).to.deep.equal(['switched acc-contoso', 'switch failed network']);
  });

  it('refuses a second choice while one is under way', async () => {
    const { accounts, pending, log } = setup();
    const first = accounts.choose('acc-contoso');
    await accounts.choose('acc-northwind');
    expect(pending.map((p) => p.accountId)).to.deep.equal(['acc-contoso']);
    pending[0]?.resolve();
    await first;
    expect(log).to.deep.equal(['chosen acc-contoso']);
  });

  it('signing out cuts short a switch under way: only the sign-out is reported', async () => {
    const { accounts, pending, log } = setup();
    const switching = accounts.switchTo('acc-contoso');
    await accounts.signOut();
    await switching;
    await tick();
    expect(pending[0]?.signal?.aborted).to.equal(true);
    expect(log).to.deep.equal(['signed out']);
  });

  it('signs out here even when the backend fails to', async () => {
    const { accounts, log } = setup(true);
    await accounts.signOut();
    expect(log).to.deep.equal(['signed out']);
  });
});
