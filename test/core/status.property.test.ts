// Properties of the case-state rules over random action sequences (fast-check).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { seedConfig } from '../../src/core/config.js';
import { applyAction, autoCloseAt, isDueForAutoClose, type TicketAction } from '../../src/core/status.js';
import { STATUSES, type Status } from '../../src/core/ticket.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NUM_RUNS = 300;

const statusArb: fc.Arbitrary<Status> = fc.constantFrom(...STATUSES);

const sideActionArb: fc.Arbitrary<TicketAction> = fc.constantFrom<TicketAction>(
  { type: 'attachment' },
  { type: 'watchers' },
  { type: 'callback' },
);

/** Every TicketAction variant, set_status to any status included. */
const actionArb: fc.Arbitrary<TicketAction> = fc.oneof(
  fc.record({
    type: fc.constant('comment' as const),
    by: fc.constantFrom('user' as const, 'agent' as const),
    via: fc.constantFrom('web' as const, 'email' as const),
  }),
  sideActionArb,
  fc.record({ type: fc.constant('set_status' as const), to: statusArb }),
);

const isSideAction = (action: TicketAction): boolean =>
  action.type === 'attachment' || action.type === 'watchers' || action.type === 'callback';

describe('core/status properties', () => {
  it('from closed, every action of any sequence is rejected and the case stays closed', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let status: Status = 'closed';
        for (const action of actions) {
          const outcome = applyAction(status, action);
          expect(outcome).to.deep.equal({ ok: false, reason: 'closed' });
          if (outcome.ok) status = outcome.status;
        }
        expect(status).to.equal('closed');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('attachments, watchers and call-me requests never change the status nor count as activity, from any state', () => {
    fc.assert(
      fc.property(statusArb, fc.array(actionArb, { maxLength: 40 }), (start, actions) => {
        let status = start;
        for (const action of actions) {
          const outcome = applyAction(status, action);
          if (isSideAction(action)) {
            if (status === 'closed') expect(outcome).to.deep.equal({ ok: false, reason: 'closed' });
            else expect(outcome).to.deep.equal({ ok: true, status, countsAsActivity: false });
          }
          if (outcome.ok) status = outcome.status;
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a sequence of side actions alone leaves any case exactly where it was', () => {
    fc.assert(
      fc.property(statusArb, fc.array(sideActionArb, { minLength: 1, maxLength: 40 }), (start, actions) => {
        for (const action of actions) {
          const outcome = applyAction(start, action);
          expect(outcome.ok ? outcome.status : 'closed').to.equal(start);
          if (outcome.ok) expect(outcome.countsAsActivity).to.equal(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  describe('a simulated ticket driven by timed actions and auto-close checks', () => {
    type Step =
      | { readonly kind: 'act'; readonly afterMs: number; readonly action: TicketAction }
      | { readonly kind: 'check'; readonly afterMs: number }
      /** A check placed right around the pending case's deadline (offset in ms from it). */
      | { readonly kind: 'check_near_deadline'; readonly offsetMs: number };

    const delayArb = fc.oneof(
      fc.integer({ min: 0, max: 3 * DAY_MS }),
      fc.constantFrom(0, 1, DAY_MS - 1, DAY_MS, 5 * DAY_MS),
    );
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('act' as const), afterMs: delayArb, action: actionArb }), weight: 4 },
      {
        // Experts putting the case in pending often, so the clock has something to do.
        arbitrary: fc.record({
          kind: fc.constant('act' as const),
          afterMs: delayArb,
          action: fc.constant<TicketAction>({ type: 'set_status', to: 'pending' }),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant('check' as const), afterMs: delayArb }), weight: 3 },
      {
        arbitrary: fc.record({ kind: fc.constant('check_near_deadline' as const), offsetMs: fc.constantFrom(-1, 0, 1) }),
        weight: 2,
      },
    );

    it('once closed it never changes, and a pending case never closes before autoCloseDays without an update', () => {
      const t0 = Date.parse('2024-01-01T00:00:00.000Z');
      let runsAtBoundary = 0;
      let runsAutoClosed = 0;
      fc.assert(
        fc.property(
          statusArb.filter((s) => s !== 'closed'),
          fc.constantFrom(seedConfig.autoCloseDays, 3, 1, 7),
          fc.array(stepArb, { maxLength: 60 }),
          (start, days, steps) => {
            let now = t0;
            const ticket: { status: Status; activityAt: string } = { status: start, activityAt: new Date(t0).toISOString() };
            // The model's own clock, from the seed's words: an update is a comment or a state change.
            let lastUpdate = t0;
            let sawBoundary = false;
            let autoClosed = false;

            const check = (): void => {
              const due = isDueForAutoClose(ticket, days, new Date(now));
              const silentFor = now - lastUpdate;
              if (ticket.status === 'pending') {
                // Exactly `days` of silence closes it; anything less does not.
                expect(due, `pending, silent for ${silentFor} ms, ${days} days`).to.equal(silentFor >= days * DAY_MS);
                if (silentFor === days * DAY_MS) sawBoundary = true;
              } else {
                expect(due, `${ticket.status} is never due`).to.equal(false);
              }
              if (due) {
                ticket.status = 'closed';
                autoClosed = true;
              }
            };

            for (const step of steps) {
              const wasClosed = ticket.status === 'closed';
              const before = { ...ticket };

              if (step.kind === 'check_near_deadline') {
                const deadline = autoCloseAt(ticket, days)?.getTime();
                if (deadline === undefined || deadline + step.offsetMs < now) continue;
                now = deadline + step.offsetMs;
                check();
              } else if (step.kind === 'check') {
                now += step.afterMs;
                check();
              } else {
                now += step.afterMs;
                const outcome = applyAction(ticket.status, step.action);
                if (wasClosed) expect(outcome.ok).to.equal(false);
                if (outcome.ok) {
                  const isUpdate = step.action.type === 'comment' || outcome.status !== ticket.status;
                  expect(outcome.countsAsActivity).to.equal(isUpdate);
                  if (isUpdate) lastUpdate = now;
                  if (outcome.countsAsActivity) ticket.activityAt = new Date(now).toISOString();
                  ticket.status = outcome.status;
                }
              }

              if (wasClosed) expect(ticket).to.deep.equal(before);
              if (ticket.status !== 'closed') expect(Date.parse(ticket.activityAt)).to.equal(lastUpdate);
            }
            if (sawBoundary) runsAtBoundary += 1;
            if (autoClosed) runsAutoClosed += 1;
          },
        ),
        { numRuns: 400 },
      );
      // The generator must reach the interesting cases, or the property proves little.
      expect(runsAtBoundary, 'runs with a check exactly at the deadline').to.be.greaterThan(20);
      expect(runsAutoClosed, 'runs in which a pending case auto-closed').to.be.greaterThan(20);
    });
  });
});
