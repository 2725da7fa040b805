// The SSE parser against the HTML standard's event stream interpretation, fed in awkward chunks.
import { expect } from '@open-wc/testing';
import { createSseParser, type SseEvent } from '../../src/adapters/sse.js';

function parse(chunks: readonly string[]): { events: SseEvent[]; retries: number[]; ids: string[] } {
  const out = { events: [] as SseEvent[], retries: [] as number[], ids: [] as string[] };
  const parser = createSseParser({
    onEvent: (e) => out.events.push(e),
    onRetry: (ms) => out.retries.push(ms),
    onId: (id) => out.ids.push(id),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return out;
}

/** Every split of `text` into two chunks gives the same result as the whole. */
function everySplit(text: string): ReturnType<typeof parse>[] {
  return Array.from({ length: text.length + 1 }, (_, i) => parse([text.slice(0, i), text.slice(i)]));
}

describe('SSE parser', () => {
  it('reads fields, multi-line data, event types and ids, whatever the chunks and line endings', () => {
    const text = '\uFEFFretry: 1500\r\n: a comment\r\nid: 7\nevent: change\ndata: {"a":\rdata:1}\r\n\r\ndata:  two spaces\n\n';
    const expected = {
      events: [
        { type: 'change', data: '{"a":\n1}', lastEventId: '7' },
        { type: 'message', data: ' two spaces', lastEventId: '7' },
      ],
      retries: [1500],
      ids: [],
    };
    for (const result of everySplit(text)) expect(result).to.deep.equal(expected);
    expect(parse([...text])).to.deep.equal(expected, 'one character at a time');
  });

  it('ignores what the standard ignores and drops an event the stream ends inside', () => {
    const { events, retries, ids } = parse([
      'retry: 1s\nretry\nid: a\u0000b\nunknown: x\ndata\n\n',
      'id: 9\n\n',
      'event: lost\n\n',
      'data: cut off',
    ]);
    expect(retries).to.deep.equal([]);
    expect(events).to.deep.equal([{ type: 'message', data: '', lastEventId: '' }]);
    expect(ids).to.deep.equal(['9'], 'an id without data is reported, not dispatched');
  });

  it('carries the last id over to later events, and an empty id resets it', () => {
    const { events } = parse(['id: 3\ndata: a\n\ndata: b\n\nid\ndata: c\n\n']);
    expect(events.map((e) => e.lastEventId)).to.deep.equal(['3', '3', '']);
  });
});
