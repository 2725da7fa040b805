// watchLive (the fetch adapter's watch) and the browser's own word on the network: `offline`
// drops the stream at once instead of waiting out its idle timeout, `online` tries again at
// once instead of waiting out the backoff. Over a transport whose network the test cuts, with
// an idle timeout and a backoff far longer than the test, so only the events can explain it.
import { expect } from '@open-wc/testing';
import type { WatchState } from '../../src/adapters/backend.js';
import { watchLive, type LiveTransport } from '../../src/adapters/live-stream.js';
import { until } from '../support/dom.js';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A transport whose stream stays open and silent until its connection is aborted; `online` false makes every open fail as fetch does. */
function network() {
  const opened: AbortSignal[] = [];
  const state = { online: true };
  const transport: LiveTransport = {
    streams: () => true,
    openStream: (_lastEventId, signal) => {
      if (!state.online) return Promise.reject(new TypeError('Failed to fetch'));
      opened.push(signal);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': open\n\n'));
          signal.addEventListener('abort', () => controller.error(new TypeError('network error')), { once: true });
        },
      });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
    },
    pollCase: () => Promise.reject(new Error('no polling here')),
    pollCases: () => Promise.reject(new Error('no polling here')),
    getTicket: () => Promise.reject(new Error('no reads here')),
    checkTicket: () => undefined,
  };
  return { transport, opened, state };
}

const LONG = { retryMs: 60_000, maxRetryMs: 60_000, idleTimeoutMs: 600_000, random: () => 1 };

describe('watchLive and the browser’s online/offline events', () => {
  it('drops the stream on offline (reconnecting at once), and on online opens it again without waiting out the backoff', async () => {
    const net = network();
    const states: WatchState[] = [];
    const subscription = new AbortController();
    watchLive(net.transport, { kind: 'cases' }, () => undefined, { signal: subscription.signal, onState: (s) => states.push(s) }, LONG);
    try {
      await until(() => states.includes('live'), 'live');

      net.state.online = false;
      window.dispatchEvent(new Event('offline'));
      await until(() => states.at(-1) === 'reconnecting', 'reconnecting after offline');
      expect(net.opened[0]?.aborted, 'the silent stream was dropped').to.equal(true);

      await wait(50);
      expect(net.opened, 'nothing opened while offline: the backoff is a minute').to.have.length(1);
      net.state.online = true;
      window.dispatchEvent(new Event('online'));
      await until(() => states.at(-1) === 'live', 'live again after online');
      expect(net.opened).to.have.length(2);
      expect(states).to.deep.equal(['live', 'reconnecting', 'live']);
    } finally {
      subscription.abort();
    }
  });

  it('listens no more once its signal fires: online and offline then open and drop nothing', async () => {
    const net = network();
    const subscription = new AbortController();
    const states: WatchState[] = [];
    watchLive(net.transport, { kind: 'cases' }, () => undefined, { signal: subscription.signal, onState: (s) => states.push(s) }, LONG);
    await until(() => states.includes('live'), 'live');
    subscription.abort();
    await until(() => net.opened[0]?.aborted === true, 'the stream closed');
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await wait(50);
    expect(net.opened).to.have.length(1);
    expect(states).to.deep.equal(['live']);
  });
});
