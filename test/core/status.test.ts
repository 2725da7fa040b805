// The case-state rules of the seed ("Comprendre l'état des dossiers"), row by row from the
// table in src/core/status.ts, plus the auto-close clock with an injected `now`.
import { expect } from '@open-wc/testing';
import { seedConfig } from '../../src/core/config.js';
import {
  applyAction,
  autoCloseAt,
  isDueForAutoClose,
  isReadOnly,
  type ActionOutcome,
  type TicketAction,
} from '../../src/core/status.js';
import { STATUSES, type Status } from '../../src/core/ticket.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const LIVE: readonly Status[] = ['open', 'action_required', 'pending'];

const customerComments: readonly TicketAction[] = [
  { type: 'comment', by: 'user', via: 'web' },
  { type: 'comment', by: 'user', via: 'email' },
];
const agentComments: readonly TicketAction[] = [
  { type: 'comment', by: 'agent', via: 'web' },
  { type: 'comment', by: 'agent', via: 'email' },
];
const sideActions: readonly TicketAction[] = [{ type: 'attachment' }, { type: 'watchers' }, { type: 'callback' }];
const setStatusActions: readonly TicketAction[] = STATUSES.map((to) => ({ type: 'set_status', to }));
const everyAction: readonly TicketAction[] = [...customerComments, ...agentComments, ...sideActions, ...setStatusActions];

function describeAction(action: TicketAction): string {
  switch (action.type) {
    case 'comment':
      return `${action.by} comment via ${action.via}`;
    case 'set_status':
      return `set_status → ${action.to}`;
    default:
      return action.type;
  }
}

function expectOk(outcome: ActionOutcome, status: Status, countsAsActivity: boolean): void {
  expect(outcome).to.deep.equal({ ok: true, status, countsAsActivity });
}

describe('core/status', () => {
  describe('applyAction: a customer comment (web or email)', () => {
    for (const action of customerComments) {
      it(`${describeAction(action)} on a pending case sets it back to open and counts as activity`, () => {
        expectOk(applyAction('pending', action), 'open', true);
      });
      it(`${describeAction(action)} on an action-required case sets it back to open`, () => {
        expectOk(applyAction('action_required', action), 'open', true);
      });
      it(`${describeAction(action)} on an open case keeps it open`, () => {
        expectOk(applyAction('open', action), 'open', true);
      });
    }
  });

  describe('applyAction: an expert comment', () => {
    for (const action of agentComments) {
      for (const status of LIVE) {
        it(`${describeAction(action)} never changes a ${status} case's status, but counts as an update`, () => {
          expectOk(applyAction(status, action), status, true);
        });
      }
    }
  });

  describe('applyAction: attachments, watchers and call-me requests do not update the case', () => {
    for (const action of sideActions) {
      for (const status of LIVE) {
        it(`${describeAction(action)} on a ${status} case keeps ${status} and is not activity`, () => {
          expectOk(applyAction(status, action), status, false);
        });
      }
    }
  });

  describe('applyAction: an expert sets a state', () => {
    for (const from of LIVE) {
      for (const to of STATUSES) {
        const changes = from !== to;
        it(`${from} → ${to} is accepted and ${changes ? 'counts' : 'does not count'} as activity`, () => {
          expectOk(applyAction(from, { type: 'set_status', to }), to, changes);
        });
      }
    }
  });

  describe('applyAction: a closed case is read-only for everyone', () => {
    for (const action of everyAction) {
      it(`rejects ${describeAction(action)} with reason "closed"`, () => {
        expect(applyAction('closed', action)).to.deep.equal({ ok: false, reason: 'closed' });
      });
    }
  });

  describe('isReadOnly', () => {
    it('is true only for closed', () => {
      expect(STATUSES.filter(isReadOnly)).to.deep.equal(['closed']);
    });
  });

  describe('autoCloseAt', () => {
    const activityAt = '2024-03-01T10:00:00.000Z';

    it('the seed preset closes pending cases after five days', () => {
      expect(seedConfig.autoCloseDays).to.equal(5);
    });

    for (const days of [5, 3]) {
      it(`is activityAt + ${days} days for a pending case (autoCloseDays = ${days})`, () => {
        const at = autoCloseAt({ status: 'pending', activityAt }, days);
        expect(at?.getTime()).to.equal(Date.parse(activityAt) + days * DAY_MS);
      });
    }

    it('moves with the last activity: a later activityAt gives a later close date', () => {
      const first = autoCloseAt({ status: 'pending', activityAt }, 5);
      const later = autoCloseAt({ status: 'pending', activityAt: '2024-03-03T10:00:00.000Z' }, 5);
      expect((later?.getTime() ?? NaN) - (first?.getTime() ?? NaN)).to.equal(2 * DAY_MS);
    });

    it('counts 24-hour days across a daylight-saving change (no calendar arithmetic)', () => {
      // 2024-03-31 is the EU switch to summer time; the rule is in elapsed time, not wall-clock days.
      const at = autoCloseAt({ status: 'pending', activityAt: '2024-03-29T12:00:00.000Z' }, 5);
      expect(at?.toISOString()).to.equal('2024-04-03T12:00:00.000Z');
    });

    for (const status of ['open', 'action_required', 'closed'] as const) {
      it(`is undefined for a ${status} case`, () => {
        expect(autoCloseAt({ status, activityAt }, 5)).to.equal(undefined);
      });
    }
  });

  describe('isDueForAutoClose with an injected now', () => {
    const activityAt = '2024-03-01T10:00:00.000Z';
    const start = Date.parse(activityAt);

    for (const days of [5, 3]) {
      describe(`with autoCloseDays = ${days}`, () => {
        const deadline = start + days * DAY_MS;

        it(`is due exactly ${days} days after the last activity`, () => {
          expect(isDueForAutoClose({ status: 'pending', activityAt }, days, new Date(deadline))).to.equal(true);
        });

        it('is not due 1 ms before that', () => {
          expect(isDueForAutoClose({ status: 'pending', activityAt }, days, new Date(deadline - 1))).to.equal(false);
        });

        it('is still due long after the deadline', () => {
          expect(isDueForAutoClose({ status: 'pending', activityAt }, days, new Date(deadline + 30 * DAY_MS))).to.equal(
            true,
          );
        });

        it('is not due at the moment of the last activity', () => {
          expect(isDueForAutoClose({ status: 'pending', activityAt }, days, new Date(start))).to.equal(false);
        });
      });
    }

    it('uses the configured period: 4 days of silence closes with 3, not with 5', () => {
      const now = new Date(start + 4 * DAY_MS);
      expect(isDueForAutoClose({ status: 'pending', activityAt }, 3, now)).to.equal(true);
      expect(isDueForAutoClose({ status: 'pending', activityAt }, seedConfig.autoCloseDays, now)).to.equal(false);
    });

    for (const status of ['open', 'action_required', 'closed'] as const) {
      it(`never closes a ${status} case, however long it stays silent`, () => {
        expect(isDueForAutoClose({ status, activityAt }, 5, new Date(start + 365 * DAY_MS))).to.equal(false);
      });
    }
  });
});
