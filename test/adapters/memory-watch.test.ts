import { expect } from '@open-wc/testing';
import type { TicketChange, WatchScope } from '../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import { SupportError } from '../../src/core/errors.js';

const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));

function follow(backend: MemoryBackend, scope: WatchScope): { changes: TicketChange[]; stop: () => void } {
  const changes: TicketChange[] = [];
  const controller = new AbortController();
  backend.watch(scope, (change) => changes.push(change), { signal: controller.signal });
  return { changes, stop: () => controller.abort() };
}

async function caseIn(backend: MemoryBackend, status: 'open' | 'pending' | 'closed'): Promise<string> {
  const number = (await backend.listTickets({ status, sort: 'number_asc' })).items[0]?.number;
  if (!number) throw new Error(`no ${status} case`);
  return number;
}

describe('memory backend watch()', () => {
  it('says it pushes, and tells every write once, on a later task, with the kinds of the whole write', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    expect(backend.capabilities.live).to.equal('push');
    const all = follow(backend, { kind: 'cases' });
    const open = await caseIn(backend, 'open');
    const pending = await caseIn(backend, 'pending');
    const one = follow(backend, { kind: 'case', number: open });

    backend.agentReply(open, 'Please send a screenshot.', 'action_required');
    expect(all.changes, 'not inside the writer’s stack').to.have.length(0);
    await backend.addComment(pending, 'It works again.', { idempotencyKey: 'w-1' });
    await backend.addWatcher(pending, 'lee@example.com');
    await delivered();

    expect(all.changes.map((c) => [c.ticket.number, [...c.kinds].sort()])).to.deep.equal([
      [open, ['comment', 'status']],
      [pending, ['comment', 'status']],
      [pending, ['watcher']],
    ]);
    expect(all.changes[1]?.ticket.status, 'a customer comment sets a pending case back to open').to.equal('open');
    expect(one.changes.map((c) => c.ticket.number), 'a case scope hears its case only').to.deep.equal([open]);
    expect(new Set(all.changes.map((c) => c.id)).size).to.equal(3);
    expect(one.changes[0]?.id).to.equal(all.changes[0]?.id);

    // Only a state, as the reference server's dev endpoint allows; a closed case refuses.
    backend.agentReply(open, '', 'pending');
    await delivered();
    expect(all.changes.at(-1)?.kinds).to.deep.equal(['status']);
    expect(() => backend.agentReply(open, '  ')).to.throw(SupportError);
    const closed = await caseIn(backend, 'closed');
    expect(() => backend.agentReply(closed, '', 'open')).to.throw(SupportError).with.property('kind', 'conflict');

    all.stop();
    one.stop();
    backend.agentReply(open, 'Nobody listens any more.');
    await delivered();
    expect(all.changes).to.have.length(4);
  });

  it('tells a new case to the cases scope, and nothing of cases the user may not see', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
    const sam = follow(backend, { kind: 'cases' });
    const alexCase = (await createMemoryBackend({ signedInAs: 'alex@example.com' }).listTickets({})).items[0]?.number ?? '';
    // Alex's seeded cases live in this backend too; Sam may not see them.
    backend.agentReply(alexCase, 'For Alex only.');
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: 'Sam’s case', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'sam-1' },
    );
    await delivered();
    expect(sam.changes.map((c) => [c.ticket.number, c.kinds])).to.deep.equal([[created.number, ['created']]]);
    sam.stop();
  });
});
