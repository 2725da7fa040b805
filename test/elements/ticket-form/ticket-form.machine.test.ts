// The phase of <ticket-form>, row by row from the table in ticket-form.machine.ts.
import { expect } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { Article } from '../../../src/core/catalog.js';
import { ERROR_KINDS } from '../../../src/core/errors.js';
import { seedConfig, type FlowConfig } from '../../../src/core/config.js';
import type { Ticket } from '../../../src/core/ticket.js';
import {
  currentStep,
  editing,
  focusAfterRefusal,
  INITIAL_PHASE,
  inputSteps,
  isInputStep,
  previousStep,
  transition,
  type InputStep,
  type TicketFormEvent,
  type TicketFormPhase,
} from '../../../src/elements/ticket-form/ticket-form.machine.js';

const FLOW1: readonly InputStep[] = ['subject', 'details'];
const FLOW2: readonly InputStep[] = ['category', 'details'];
const article: Article = { id: 'a1', title: 'Reset your password', url: 'https://example.com/a1' };

async function someTicket(): Promise<Ticket> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
  const first = (await backend.listTickets({})).items[0];
  if (!first) throw new Error('the seed has no case');
  return backend.getTicket(first.number);
}

function run(phase: TicketFormPhase, ...events: TicketFormEvent[]): TicketFormPhase {
  return events.reduce(transition, phase);
}

describe('ticket-form machine', () => {
  it('starts editing a blank case at the flow’s first step', () => {
    expect(INITIAL_PHASE).to.deep.equal({ kind: 'editing', step: undefined, errors: [], failure: undefined, opened: undefined });
    expect(currentStep(undefined, FLOW1)).to.equal('subject');
    expect(currentStep(undefined, FLOW2)).to.equal('category');
    // A step the flow does not have (the language changed the flow): its first step.
    expect(currentStep('subject', FLOW2)).to.equal('category');
    expect(currentStep('details', FLOW2)).to.equal('details');
    expect(currentStep(undefined, [])).to.equal('details');
  });

  it('knows the input steps of each seed flow, and which step is before another', () => {
    for (const flow of seedConfig.flows as readonly FlowConfig[]) {
      const steps = inputSteps(flow);
      expect(steps[steps.length - 1]).to.equal('details');
      expect(steps.every(isInputStep)).to.equal(true);
    }
    expect(previousStep('details', FLOW1)).to.equal('subject');
    expect(previousStep('details', ['details'])).to.equal(undefined);
    expect(isInputStep('quick_answers')).to.equal(false);
  });

  it('restore: a draft’s step, nothing else kept, from any phase', () => {
    expect(transition({ kind: 'solved' }, { type: 'restore', step: 'details' })).to.deep.equal(editing('details'));
    const withErrors: TicketFormPhase = { ...editing('subject', [{ field: 'subject', code: 'required' }]), failure: 'server', opened: article };
    expect(transition(withErrors, { type: 'restore', step: undefined })).to.deep.equal(INITIAL_PHASE);
  });

  it('continue: errors keep the step; none go to the next step', () => {
    const errors = [{ field: 'subject', code: 'required' }] as const;
    expect(transition(INITIAL_PHASE, { type: 'continue', from: 'subject', steps: FLOW1, errors })).to.deep.equal(editing(undefined, errors));
    const next = run(editing(undefined, errors), { type: 'continue', from: 'subject', steps: FLOW1, errors: [] });
    expect(next).to.deep.equal(editing('details'));
    // The last step has no next: nothing changes (the same object, so no focus move).
    const last = editing('details');
    expect(transition(last, { type: 'continue', from: 'details', steps: FLOW1, errors: [] })).to.equal(last);
  });

  it('go_to clears errors and failure but keeps the opened article', () => {
    const phase: TicketFormPhase = { ...editing('details', [{ field: 'subject', code: 'required' }]), failure: 'network', opened: article };
    expect(transition(phase, { type: 'go_to', step: 'subject' })).to.deep.equal({ ...editing('subject'), opened: article });
  });

  it('submit shows the local errors at details, and clears a previous failure', () => {
    const failed: TicketFormPhase = { ...editing('details'), failure: 'server' };
    const errors = [{ field: 'attachments', code: 'uploads_busy' }] as const;
    expect(transition(failed, { type: 'submit', errors })).to.deep.equal(editing('details', errors));
    expect(transition(failed, { type: 'submit', errors: [] })).to.deep.equal(editing('details'));
  });

  it('rejected unauthorized: sign in again, then back to the same step with no failure', () => {
    const phase = run(editing('details'), { type: 'rejected', kind: 'unauthorized', fieldErrors: [] });
    expect(phase).to.deep.equal({ kind: 'reauthenticate', step: 'details' });
    // The sign-in form takes focus (its heading), not the notice above it.
    expect(focusAfterRefusal(phase)).to.equal('sign-in');
    expect(transition(phase, { type: 'signed_in' })).to.deep.equal(editing('details'));
    // Other events wait for the sign-in.
    expect(transition(phase, { type: 'go_to', step: 'subject' })).to.equal(phase);
  });

  it('rejected validation naming only fields the form shows: errors on the fields, summary focused', () => {
    const fieldErrors = [
      { field: 'subject', code: 'too_long' },
      { field: 'productId', code: 'not_offered' },
    ] as const;
    const phase = transition(editing('details'), { type: 'rejected', kind: 'validation', fieldErrors });
    expect(phase).to.deep.equal(editing('details', fieldErrors));
    expect(focusAfterRefusal(phase)).to.equal('summary');
  });

  it('rejected validation naming a field the form lacks: the known errors plus a failure notice', () => {
    const fieldErrors = [
      { field: 'subject', code: 'too_long' },
      { field: 'internalNote', code: 'required' },
    ] as const;
    const phase = transition(editing('details'), { type: 'rejected', kind: 'validation', fieldErrors });
    expect(phase).to.deep.equal({ ...editing('details', [{ field: 'subject', code: 'too_long' }]), failure: 'validation' });
    expect(focusAfterRefusal(phase)).to.equal('failure');
    const none = transition(editing('details'), { type: 'rejected', kind: 'validation', fieldErrors: [] });
    expect(none).to.deep.equal({ ...editing('details'), failure: 'validation' });
  });

  for (const kind of ERROR_KINDS.filter((k) => k !== 'unauthorized' && k !== 'validation')) {
    it(`rejected ${kind}: a failure notice that takes focus, the case kept`, () => {
      const phase = transition(editing('details'), { type: 'rejected', kind, fieldErrors: [] });
      expect(phase).to.deep.equal({ ...editing('details'), failure: kind });
      expect(focusAfterRefusal(phase)).to.equal('failure');
    });
  }

  it('signed_in while editing clears the failure only', () => {
    const phase: TicketFormPhase = { ...editing('details', [{ field: 'subject', code: 'required' }]), failure: 'server' };
    expect(transition(phase, { type: 'signed_in' })).to.deep.equal(editing('details', [{ field: 'subject', code: 'required' }]));
    expect(transition({ kind: 'solved' }, { type: 'signed_in' })).to.deep.equal({ kind: 'solved' });
  });

  it('article_opened then solved: no case', () => {
    const opened = transition(editing('subject'), { type: 'article_opened', article });
    expect(opened).to.deep.equal({ ...editing('subject'), opened: article });
    expect(transition(opened, { type: 'solved' })).to.deep.equal({ kind: 'solved' });
  });

  it('follow_up_dropped removes only the follow-up’s error', () => {
    const phase = editing('details', [
      { field: 'followUpOf', code: 'invalid_choice' },
      { field: 'subject', code: 'required' },
    ]);
    expect(transition(phase, { type: 'follow_up_dropped' })).to.deep.equal(editing('details', [{ field: 'subject', code: 'required' }]));
  });

  it('created ends the flow; only restore leaves it', async () => {
    const ticket = await someTicket();
    const created = transition(editing('details'), { type: 'created', ticket, confirmation: 'open_reviewed' });
    expect(created).to.deep.equal({ kind: 'created', ticket, confirmation: 'open_reviewed' });
    for (const event of [
      { type: 'go_to', step: 'subject' },
      { type: 'submit', errors: [] },
      { type: 'rejected', kind: 'server', fieldErrors: [] },
      { type: 'solved' },
    ] as const) {
      expect(transition(created, event)).to.equal(created);
    }
    expect(transition(created, { type: 'restore', step: undefined })).to.deep.equal(INITIAL_PHASE);
  });
});
