import { expect } from '@open-wc/testing';
import { BareHost } from './bare-host.js';
import { ActionController, type ActionContext, type IntentKey } from '../../src/controllers/action-controller.js';
import { SupportError } from '../../src/core/errors.js';


interface Call {
  readonly args: string;
  readonly context: ActionContext;
  resolve(value: string): void;
  reject(error: unknown): void;
}

function setup(options: { keyStore?: { value: IntentKey | undefined } } = {}) {
  const host = new BareHost();
  const calls: Call[] = [];
  const done: string[] = [];
  const store = options.keyStore;
  const action = new ActionController<string, string>(host, {
    task: (args, context) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ args, context, resolve, reject });
        context.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      }),
    validate: (args) => (args === '' ? [{ field: 'comment', code: 'required' }] : []),
    onDone: (result) => done.push(result),
    ...(store
      ? {
          keyStore: {
            load: () => store.value,
            save: (value: IntentKey | undefined) => {
              store.value = value;
            },
          },
        }
      : {}),
  });
  return { host, calls, done, action };
}

describe('ActionController', () => {
  it('shows field errors without sending anything when validation fails', async () => {
    const { action, calls } = setup();
    expect(await action.run('')).to.equal(undefined);
    expect(action.state.status).to.equal('invalid');
    expect(action.fieldErrors).to.deep.equal([{ field: 'comment', code: 'required' }]);
    expect(calls).to.have.length(0);
  });

  it('is busy while the work runs, refuses a second run, and ends done with the result', async () => {
    const { action, calls, done } = setup();
    const first = action.run('hello');
    expect(action.busy).to.equal(true);
    expect(await action.run('hello')).to.equal(undefined);
    expect(calls).to.have.length(1);
    calls[0]?.resolve('ok');
    expect(await first).to.equal('ok');
    expect(action.state).to.deep.equal({ status: 'done', result: 'ok' });
    expect(done).to.deep.equal(['ok']);
  });

  it('retries one intent with one key, and gives a new intent a new key', async () => {
    const { action, calls } = setup();
    const first = action.run('hello');
    calls[0]?.reject(new SupportError('network', 'down'));
    await first;
    expect(action.failureKind).to.equal('network');
    const retry = action.run('hello');
    calls[1]?.reject(new SupportError('timeout', 'slow'));
    await retry;
    expect(calls[1]?.context.idempotencyKey).to.equal(calls[0]?.context.idempotencyKey);
    const other = action.run('another text');
    calls[2]?.resolve('ok');
    await other;
    expect(calls[2]?.context.idempotencyKey).to.not.equal(calls[0]?.context.idempotencyKey);
  });

  it('forgets the key once the backend confirmed: the same text sent again is a new intent', async () => {
    const { action, calls } = setup();
    const first = action.run('hello');
    calls[0]?.resolve('ok');
    await first;
    const again = action.run('hello');
    calls[1]?.resolve('ok');
    await again;
    expect(calls[1]?.context.idempotencyKey).to.not.equal(calls[0]?.context.idempotencyKey);
  });

  it('keeps the key in its store, so a reload (a new controller) retries with the same key', async () => {
    const keyStore: { value: IntentKey | undefined } = { value: undefined };
    const before = setup({ keyStore });
    const lost = before.action.run('hello');
    before.calls[0]?.reject(new SupportError('network', 'down'));
    await lost;
    expect(keyStore.value?.key).to.equal(before.calls[0]?.context.idempotencyKey);

    const after = setup({ keyStore });
    const retry = after.action.run('hello');
    after.calls[0]?.resolve('ok');
    await retry;
    expect(after.calls[0]?.context.idempotencyKey).to.equal(before.calls[0]?.context.idempotencyKey);
    expect(keyStore.value).to.equal(undefined);
  });

  it('routes a backend validation error with fields to the form', async () => {
    const { action, calls } = setup();
    const run = action.run('hello');
    calls[0]?.reject(new SupportError('validation', 'bad', { fieldErrors: [{ field: 'comment', code: 'too_long' }] }));
    await run;
    expect(action.state.status).to.equal('invalid');
    expect(action.fieldErrors).to.deep.equal([{ field: 'comment', code: 'too_long' }]);
  });

  it('reports an unknown failure as a server failure', async () => {
    const { action, calls } = setup();
    const run = action.run('hello');
    calls[0]?.reject(new TypeError('boom'));
    await run;
    expect(action.failureKind).to.equal('server');
  });

  it('aborts the work when the host disconnects, and goes back to idle', async () => {
    const { action, calls, host, done } = setup();
    const run = action.run('hello');
    host.disconnect();
    expect(calls[0]?.context.signal.aborted).to.equal(true);
    expect(await run).to.equal(undefined);
    expect(action.state.status).to.equal('idle');
    expect(done).to.deep.equal([]);
  });

  it('moves focus where the outcome says', async () => {
    const target = document.createElement('button');
    document.body.append(target);
    try {
      const host = new BareHost();
      const action = new ActionController<string, string>(host, {
        task: async () => {
          throw new SupportError('server', 'down');
        },
        focus: { failed: () => target },
      });
      await action.run('x');
      expect(document.activeElement).to.equal(target);
    } finally {
      target.remove();
    }
  });
});
