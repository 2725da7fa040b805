/**
 * The case view live (issue 12): follows its case, shows each change in place (a reply in the
 * conversation, the state and its explanation, files, watchers) and has it said once. It only
 * replaces the case: what is being typed lives in the view's fields and stays; focus stays.
 */
import type { ReactiveControllerHost } from 'lit';
import type { SupportBackend, TicketChange } from '../../adapters/backend.js';
import { LiveController } from '../../controllers/live-controller.js';
import { changeKinds } from '../../core/changes.js';
import type { LocaleCode } from '../../core/config.js';
import type { Ticket } from '../../core/ticket.js';
import { liveNotice, type LiveNotice } from './live-notice.js';

export interface CaseLiveOptions {
  readonly backend: () => SupportBackend;
  readonly number: () => string;
  readonly locale: () => LocaleCode;
  /** The case as shown, once loaded. */
  readonly shown: () => Ticket | undefined;
  /** The signed-in customer's email. */
  readonly me: () => string | undefined;
  readonly show: (ticket: Ticket) => void;
  readonly announce: (notice: LiveNotice) => void;
}

export function followCase(host: ReactiveControllerHost & Element, o: CaseLiveOptions): LiveController {
  const apply = (change: TicketChange) => {
    const before = o.shown();
    // Not loaded yet (the load brings it), another case by now, or older than what is shown.
    if (!before || change.ticket.number !== o.number() || Date.parse(change.ticket.updatedAt) < Date.parse(before.updatedAt)) return;
    const notice = liveNotice(change, o.me(), before);
    o.show(change.ticket);
    if (notice) o.announce(notice);
  };
  const catchUp = async () => {
    const number = o.number();
    try {
      const ticket = await o.backend().getTicket(number, { locale: o.locale() });
      const before = o.shown();
      if (host.isConnected && before) apply({ id: '', kinds: changeKinds(before, ticket), ticket });
    } catch {
      // The case stays as shown; the next change or action brings it up to date.
    }
  };
  return new LiveController(host, {
    backend: o.backend,
    scope: () => (o.number() ? { kind: 'case', number: o.number() } : undefined),
    locale: o.locale,
    onChange: apply,
    catchUp: () => void catchUp(),
  });
}
