import { expect } from '@open-wc/testing';
import type { Session } from '../../../src/adapters/backend.js';
import { seedConfig } from '../../../src/core/config.js';
import {
  accountSwitchInMenu,
  areasStartingWith,
  initialContactState,
  newTicketAreas,
  sessionOf,
  transition,
  type ContactContext,
  type ContactEvent,
  type ContactState,
} from '../../../src/elements/support-contact/support-contact.machine.js';

const en: ContactContext = { config: seedConfig, locale: 'en' };
const fr: ContactContext = { config: seedConfig, locale: 'fr' };
const de: ContactContext = { config: seedConfig, locale: 'de' };

function session(overrides: Partial<Session> = {}): Session {
  return {
    user: { name: 'Sam Rivera', email: 'sam@example.com' },
    realm: 'product',
    accounts: [
      { id: 'acc-northwind', name: 'Northwind', plan: 'paid' },
      { id: 'acc-contoso', name: 'Contoso', plan: 'free' },
    ],
    activeAccountId: 'acc-northwind',
    ...overrides,
  };
}

const sam = session();
const alex = session({ user: { name: 'Alex Kim', email: 'alex@example.com' }, accounts: [{ id: 'acc-a', name: 'Acme', plan: 'paid' }], activeAccountId: 'acc-a' });
const pat = session({ user: { name: 'Pat Lee', email: 'pat@example.com' }, realm: 'support_center' });

/** Runs `events` from `state`; returns the last step. */
function run(state: ContactState, context: ContactContext, ...events: ContactEvent[]) {
  let step = { state, navigated: false };
  for (const event of events) step = transition(step.state, event, context);
  return step;
}

const signedOut = run(initialContactState, en, { type: 'session_known', session: null }).state;
const signedInAs = (s: Session, context = en) => run(initialContactState, context, { type: 'session_known', session: s }).state;

describe('support-contact machine', () => {
  it('starts at home with the session unknown', () => {
    expect(initialContactState.view).to.deep.equal({ kind: 'home' });
    expect(sessionOf(initialContactState)).to.equal(undefined);
    expect(sessionOf(signedOut)).to.equal(null);
    expect(sessionOf(signedInAs(sam))).to.equal(sam);
  });

  it('a known session changes no view and moves no focus', () => {
    const step = transition(initialContactState, { type: 'session_known', session: sam }, en);
    expect(step.navigated).to.equal(false);
    expect(step.state.view.kind).to.equal('home');
  });

  it('Flow 1 (en): signed out, Continue asks for product credentials, then the account, then the form', () => {
    let step = transition(signedOut, { type: 'start_area', areaId: 'esign' }, en);
    expect(step).to.deep.include({ navigated: true });
    expect(step.state.view).to.deep.equal({ kind: 'sign_in', realm: 'product', areaId: 'esign', lockedHelpShown: false });

    step = transition(step.state, { type: 'signed_in', session: sam }, en);
    expect(step.navigated).to.equal(true);
    expect(step.state.view).to.deep.equal({ kind: 'choose_account', areaId: 'esign', dialogOpen: true, failure: undefined });

    step = transition(step.state, { type: 'account_dialog_dismissed' }, en);
    expect(step.navigated).to.equal(false);
    expect(step.state.view).to.deep.include({ kind: 'choose_account', dialogOpen: false });
    step = transition(step.state, { type: 'account_dialog_opened' }, en);
    expect(step.state.view).to.deep.include({ dialogOpen: true });

    step = transition(step.state, { type: 'account_choice_failed', kind: 'network' }, en);
    expect(step.state.view).to.deep.include({ kind: 'choose_account', failure: 'network' });
    // The session ended meanwhile: sign in again for this area, then its account choice once more.
    const expired = transition(step.state, { type: 'account_choice_failed', kind: 'unauthorized' }, en);
    expect(expired.navigated).to.equal(true);
    expect(expired.state.view).to.deep.equal({ kind: 'sign_in', realm: 'product', areaId: 'esign', lockedHelpShown: false });
    expect(transition(expired.state, { type: 'signed_in', session: sam }, en).state.view).to.deep.include({ kind: 'choose_account', areaId: 'esign' });
    step = transition(step.state, { type: 'account_choice_started' }, en);
    expect(step.state.view).to.deep.include({ failure: undefined });

    const chosen = { ...sam, activeAccountId: 'acc-contoso' };
    step = transition(step.state, { type: 'account_chosen', session: chosen }, en);
    expect(step.navigated).to.equal(true);
    expect(step.state.view).to.deep.equal({ kind: 'form', areaId: 'esign', followUpOf: undefined });
    expect(step.state.session).to.deep.equal({ status: 'signed_in', session: chosen, accountChosen: true });

    // Chosen once for this session: the next case goes straight to the form.
    step = run(step.state, en, { type: 'go_home' }, { type: 'start_area', areaId: 'esign' });
    expect(step.state.view.kind).to.equal('form');
  });

  it('Flow 1: one account goes straight to the form; a new sign-in asks for the account again', () => {
    expect(run(signedInAs(alex), en, { type: 'start_area', areaId: 'esign' }).state.view.kind).to.equal('form');

    const chosen = run(signedInAs(sam), en, { type: 'start_area', areaId: 'esign' }, { type: 'account_chosen', session: sam }).state;
    const again = run(chosen, en, { type: 'go_home' }, { type: 'start_area', areaId: 'seal' }, { type: 'signed_in', session: sam });
    expect(again.state.session).to.deep.include({ accountChosen: false });
  });

  it('Flow 2 (fr): Create ticket goes to the form with no account popup; the menu switches accounts', () => {
    expect(run(signedInAs(sam, fr), fr, { type: 'start_area', areaId: 'esign' }).state.view.kind).to.equal('form');
    expect(accountSwitchInMenu(fr)).to.equal(true);
    expect(accountSwitchInMenu(en)).to.equal(false);

    const switched = { ...sam, activeAccountId: 'acc-contoso' };
    const step = transition(signedInAs(sam, fr), { type: 'account_switched', session: switched }, fr);
    expect(step.navigated).to.equal(false);
    expect(sessionOf(step.state)).to.equal(switched);
    expect(step.state.announcement).to.deep.equal({ kind: 'account_switched', name: 'Contoso' });

    const failed = transition(step.state, { type: 'account_switch_failed', kind: 'network' }, fr);
    expect(failed.state.announcement).to.deep.equal({ kind: 'failed', error: 'network' });
    expect(sessionOf(failed.state)).to.equal(switched);

    // The session ended during a switch from the form: sign in again, then back to that area's form.
    const inForm = run(signedInAs(sam, fr), fr, { type: 'start_area', areaId: 'esign' }).state;
    const expired = transition(inForm, { type: 'account_switch_failed', kind: 'unauthorized' }, fr);
    expect(expired.state.view).to.deep.equal({ kind: 'sign_in', realm: 'product', areaId: 'esign', lockedHelpShown: false });
    expect(transition(expired.state, { type: 'signed_in', session: sam }, fr).state.view).to.deep.equal({ kind: 'form', areaId: 'esign', followUpOf: undefined });
  });

  it('Flow 3: Seal needs support-center credentials even with a product session, then Manage my tickets', () => {
    let step = transition(signedInAs(sam), { type: 'start_area', areaId: 'seal' }, en);
    expect(step.state.view).to.deep.include({ kind: 'sign_in', realm: 'support_center', areaId: 'seal' });
    step = transition(step.state, { type: 'signed_in', session: pat }, en);
    expect(step.state.view).to.deep.equal({ kind: 'tickets', ticket: undefined });
    expect(newTicketAreas(en).map((a) => a.id)).to.deep.equal(['seal']);
    expect(areasStartingWith(en, 'sign_in_top_right').map((a) => a.id)).to.deep.equal(['seal']);
  });

  it('signing in from the top goes home and announces who signed in', () => {
    const step = run(signedOut, en, { type: 'sign_in_top', realm: 'support_center' }, { type: 'signed_in', session: pat });
    expect(step.navigated).to.equal(true);
    expect(step.state.view.kind).to.equal('home');
    expect(step.state.announcement).to.deep.equal({ kind: 'signed_in', name: 'Pat Lee' });
  });

  it('a sign-in step that reports no session goes home', () => {
    const step = run(signedOut, en, { type: 'start_area', areaId: 'esign' }, { type: 'signed_in', session: null });
    expect(step.state.view.kind).to.equal('home');
    expect(sessionOf(step.state)).to.equal(null);
  });

  it('signing out goes home, signed out, announced', () => {
    const step = run(signedInAs(sam), en, { type: 'show_tickets' }, { type: 'signed_out' });
    expect(step.navigated).to.equal(true);
    expect(step.state).to.deep.equal({ view: { kind: 'home' }, session: { status: 'signed_out' }, announcement: { kind: 'signed_out' } });
  });

  it('never starts a flow the language lacks', () => {
    // Seal is not offered in German.
    const start = transition(signedInAs(pat, de), { type: 'start_area', areaId: 'seal' }, de);
    expect(start.navigated).to.equal(false);
    expect(start.state.view.kind).to.equal('home');
    expect(transition(signedInAs(pat, de), { type: 'new_ticket', areaId: 'seal' }, de).navigated).to.equal(false);
    expect(transition(signedInAs(pat), { type: 'new_ticket', areaId: 'seal' }, en).state.view).to.deep.equal({ kind: 'form', areaId: 'seal', followUpOf: undefined });
  });

  it('"New ticket" with a session of the other realm signs in first, then opens the form; with its own, the area\'s flow', () => {
    const asked = transition(signedInAs(alex), { type: 'new_ticket', areaId: 'seal' }, en);
    expect(asked.state.view).to.deep.equal({ kind: 'sign_in', realm: 'support_center', areaId: 'seal', lockedHelpShown: false, then: 'new_ticket' });
    expect(transition(asked.state, { type: 'signed_in', session: pat }, en).state.view).to.deep.equal({ kind: 'form', areaId: 'seal', followUpOf: undefined });
    expect(transition(signedInAs(alex), { type: 'new_ticket', areaId: 'esign' }, en).state.view).to.deep.equal({ kind: 'form', areaId: 'esign', followUpOf: undefined });
    expect(newTicketAreas(en, alex).map((a) => a.id)).to.deep.equal(['esign', 'seal']);
    expect(newTicketAreas(en, pat).map((a) => a.id)).to.deep.equal(['seal']);
    expect(newTicketAreas(de, alex).map((a) => a.id)).to.deep.equal(['esign']);
  });

  it('a follow-up opens the form for that case; sign-in help opens for the area chosen', () => {
    expect(transition(signedInAs(alex), { type: 'follow_up', areaId: 'esign', ticketNumber: '10000005' }, en).state.view).to.deep.equal({
      kind: 'form',
      areaId: 'esign',
      followUpOf: '10000005',
    });
    expect(transition(signedOut, { type: 'show_sign_in_help', areaId: 'seal' }, en).state.view).to.deep.equal({ kind: 'sign_in_help', areaId: 'seal' });
  });

  it('the locked-account advice toggles on the sign-in view and is closed on the next one', () => {
    let step = run(signedOut, en, { type: 'start_area', areaId: 'esign' }, { type: 'locked_help_toggled' });
    expect(step.navigated).to.equal(false);
    expect(step.state.view).to.deep.include({ kind: 'sign_in', lockedHelpShown: true });
    step = run(step.state, en, { type: 'go_home' }, { type: 'start_area', areaId: 'esign' });
    expect(step.state.view).to.deep.include({ lockedHelpShown: false });
    // Nothing to toggle elsewhere.
    expect(transition(signedOut, { type: 'locked_help_toggled' }, en).state).to.deep.equal(signedOut);
  });

  it('a session from a composed step keeps the view and the account choice', () => {
    const chosen = run(signedInAs(sam), en, { type: 'start_area', areaId: 'esign' }, { type: 'account_chosen', session: sam }).state;
    const step = transition(chosen, { type: 'session_changed', session: sam }, en);
    expect(step.navigated).to.equal(false);
    expect(step.state.view.kind).to.equal('form');
    expect(step.state.session).to.deep.include({ accountChosen: true });
  });

  it('dialog and choice events outside the account step change nothing', () => {
    for (const event of [
      { type: 'account_dialog_opened' },
      { type: 'account_dialog_dismissed' },
      { type: 'account_choice_started' },
      { type: 'account_choice_failed', kind: 'server' },
    ] as const) {
      const step = transition(signedOut, event, en);
      expect(step.navigated).to.equal(false);
      expect(step.state).to.deep.equal(signedOut);
    }
  });
});
