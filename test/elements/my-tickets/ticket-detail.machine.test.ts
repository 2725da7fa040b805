import { expect } from '@open-wc/testing';
import { confirmingRemoval, detailTransition, initialView, type DetailEvent, type DetailView } from '../../../src/elements/my-tickets/ticket-detail.machine.js';

const run = (...events: DetailEvent[]): DetailView => events.reduce(detailTransition, initialView);

describe('ticket-detail machine', () => {
  it('restores a draft and opens the comment disclosure only when it has text', () => {
    expect(run({ type: 'draft-restored', comment: 'Half typed' })).to.include({ commentOpen: true });
    expect(run({ type: 'draft-restored', comment: 'Half typed' }).fields.comment).to.equal('Half typed');
    expect(run({ type: 'draft-restored', comment: '' }).commentOpen).to.equal(false);
  });

  it('keeps what is typed per field, and forgets everything when another case is shown', () => {
    const typed = run({ type: 'input', field: 'watcher', value: 'kim@example.com' }, { type: 'input', field: 'phone', value: '+1 555' });
    expect(typed.fields).to.deep.equal({ comment: '', watcher: 'kim@example.com', phone: '+1 555' });
    expect(detailTransition(typed, { type: 'case-changed' })).to.equal(initialView);
  });

  it('announces a comment with the new state only when the state changed', () => {
    const typed = run({ type: 'input', field: 'comment', value: 'Thanks' });
    const moved = detailTransition(typed, { type: 'comment-added', before: 'pending', after: 'open' });
    expect(moved.fields.comment).to.equal('');
    expect(moved.announcement).to.deep.equal({ kind: 'comment-added', status: 'open' });
    const same = detailTransition(typed, { type: 'comment-added', before: 'open', after: 'open' });
    expect(same.announcement).to.deep.equal({ kind: 'comment-added', status: undefined });
  });

  it('a comment the outbox took over empties the field and says nothing itself (the outbox announces it)', () => {
    const typed = run({ type: 'input', field: 'comment', value: 'Typed offline' }, { type: 'input', field: 'watcher', value: 'kim@example.com' });
    const released = detailTransition(typed, { type: 'comment-released' });
    expect(released.fields).to.deep.equal({ comment: '', watcher: 'kim@example.com', phone: '' });
    expect(released.announcement).to.equal(undefined);
  });

  it('holds ids and data, never words, in its announcements', () => {
    const view = run({ type: 'input', field: 'phone', value: '+1 555 010 0199' }, { type: 'callback-requested', phone: '+1 555 010 0199' });
    expect(view.announcement).to.deep.equal({ kind: 'callback-requested', phone: '+1 555 010 0199' });
    expect(view.fields.phone).to.equal('');
    expect(run({ type: 'watcher-added', email: 'kim@example.com' }).announcement).to.deep.equal({ kind: 'watcher-added', email: 'kim@example.com' });
    expect(run({ type: 'attachments-added', status: 'pending' }).announcement).to.deep.equal({ kind: 'attachments-added', status: 'pending' });
    expect(run({ type: 'closed-meanwhile' }).announcement).to.deep.equal({ kind: 'closed-meanwhile' });
  });

  it('starting an action clears the last announcement', () => {
    const view = run({ type: 'watcher-added', email: 'kim@example.com' }, { type: 'action-started' });
    expect(view.announcement).to.equal(undefined);
  });

  it('confirms a watcher removal as one panel: asked, then removed, failed or cancelled', () => {
    const asked = run({ type: 'watcher-added', email: 'kim@example.com' }, { type: 'remove-asked', email: 'kim@example.com' });
    expect(confirmingRemoval(asked)).to.equal('kim@example.com');
    expect(asked.announcement).to.equal(undefined);
    expect(confirmingRemoval(detailTransition(asked, { type: 'remove-cancelled' }))).to.equal(undefined);
    expect(confirmingRemoval(detailTransition(asked, { type: 'remove-failed' }))).to.equal(undefined);
    const removed = detailTransition(asked, { type: 'watcher-removed', email: 'kim@example.com' });
    expect(confirmingRemoval(removed)).to.equal(undefined);
    expect(removed.announcement).to.deep.equal({ kind: 'watcher-removed', email: 'kim@example.com' });
  });

  it('a cancel or failure does not close a panel it does not own', () => {
    const following = run({ type: 'follow-up-opened' });
    expect(detailTransition(following, { type: 'remove-cancelled' })).to.equal(following);
    expect(following.panel).to.deep.equal({ kind: 'follow-up' });
  });

  it('toggles the comment disclosure', () => {
    expect(run({ type: 'comment-toggled', open: true }).commentOpen).to.equal(true);
    expect(run({ type: 'comment-toggled', open: true }, { type: 'comment-toggled', open: false }).commentOpen).to.equal(false);
  });
});
