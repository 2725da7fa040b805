/**
 * A Server-Sent Events parser as the HTML standard's "event stream interpretation" says
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * for streams read through `fetch` (EventSource cannot send an Authorization header).
 *
 * Fed decoded text in chunks of any size: lines end in CRLF, LF or CR (a CR at the end of a
 * chunk may be the first half of a CRLF), one leading BOM is dropped, `:` lines are comments,
 * one space after the colon is dropped, `id` containing NULL is ignored, `retry` counts only
 * when all ASCII digits, an event with no data is not dispatched, the last event id carries
 * over to the next events, and an event the stream ends in the middle of is dropped.
 */

export interface SseEvent {
  /** `message` unless an `event:` field said otherwise. */
  readonly type: string;
  readonly data: string;
  /** The stream's last event id when this event was dispatched ('' when none yet). */
  readonly lastEventId: string;
}

export interface SseHandlers {
  readonly onEvent: (event: SseEvent) => void;
  /** A valid `retry:` field, in milliseconds. */
  readonly onRetry?: ((ms: number) => void) | undefined;
  /**
   * The last event id changed in a block without data: nothing is dispatched, but the id is
   * what a reconnect sends (a server tells a new client where it starts this way).
   */
  readonly onId?: ((id: string) => void) | undefined;
}

export interface SseParser {
  feed(text: string): void;
}

export function createSseParser(handlers: SseHandlers): SseParser {
  let buffer = '';
  let started = false;
  /** A CR ended the last chunk: an LF first in the next one belongs to it. */
  let pendingCr = false;
  let data = '';
  let hasData = false;
  let type = '';
  let lastEventId = '';
  /** The id as of the last dispatch, to tell a block that changed it. */
  let dispatchedId = '';

  function dispatch(): void {
    const idChanged = lastEventId !== dispatchedId;
    dispatchedId = lastEventId;
    if (!hasData) {
      type = '';
      if (idChanged) handlers.onId?.(lastEventId);
      return;
    }
    const event: SseEvent = { type: type || 'message', data: data.endsWith('\n') ? data.slice(0, -1) : data, lastEventId };
    data = '';
    hasData = false;
    type = '';
    handlers.onEvent(event);
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') {
      data += `${value}\n`;
      hasData = true;
    } else if (field === 'id') {
      if (!value.includes('\u0000')) lastEventId = value;
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
    }
  }

  return {
    feed(chunk) {
      let text = pendingCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      if (!started && text.length > 0) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      buffer += text;
      pendingCr = buffer.endsWith('\r');
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece has no line end yet (empty when the text ended with one).
      buffer = lines.pop() ?? '';
      for (const l of lines) line(l);
    },
  };
}
