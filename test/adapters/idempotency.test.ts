import { expect } from '@open-wc/testing';
import { idempotentRunner } from '../../src/adapters/idempotency.js';
import { rejection, supportError } from '../support/dom.js';

describe('idempotentRunner', () => {
  it('runs a task once for the same key and input, and replays its promise', async () => {
    const once = idempotentRunner<number>();
    let runs = 0;
    const first = once('k', { a: 1 }, () => ++runs);
    const again = once('k', { a: 1 }, () => ++runs);
    expect(again).to.equal(first);
    expect(await again).to.equal(1);
    expect(runs).to.equal(1);
  });

  it('rejects the same key with another input as an idempotency conflict, and runs nothing', async () => {
    const once = idempotentRunner<string>();
    await once('k', { a: 1 }, () => 'first');
    let ran = false;
    const error = await supportError(
      once('k', { a: 2 }, () => {
        ran = true;
        return 'second';
      }),
    );
    expect(error.kind).to.equal('conflict');
    expect(error.conflict).to.equal('idempotency_mismatch');
    expect(ran).to.equal(false);
  });

  it('frees the key of a failed task, whether it throws at once or rejects later', async () => {
    const once = idempotentRunner<string>();
    const thrown = once('k', 'x', () => {
      throw new Error('boom');
    });
    expect(await rejection(thrown)).to.have.property('message', 'boom');
    const rejected = once('k', 'x', () => Promise.reject(new Error('later')));
    expect(await rejection(rejected)).to.have.property('message', 'later');
    expect(await once('k', 'x', () => 'retried')).to.equal('retried');
  });

  it('keeps keys apart', async () => {
    const once = idempotentRunner<string>();
    expect(await once('a', 'x', () => 'one')).to.equal('one');
    expect(await once('b', 'y', () => 'two')).to.equal('two');
  });
});
