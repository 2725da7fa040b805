/**
 * What the case view (`<support-ticket-detail>`) shows besides the case itself: the fields
 * being typed, the one panel open at a time, and the last announcement. Pure: no Lit, no DOM,
 * no words (the element words `Announcement` in `render()`). Busy, field errors and failures
 * of the five actions live in their `ActionController`s, not here.
 *
 * | from                  | event               | to                                              |
 * |-----------------------|---------------------|-------------------------------------------------|
 * | any                   | `case-changed`      | `initialView` (another case is shown)           |
 * | any                   | `draft-restored`    | comment = draft; its disclosure open if not ''   |
 * | any                   | `input`             | that field = value                              |
 * | any                   | `comment-toggled`   | disclosure open / closed                        |
 * | any                   | `action-started`    | no announcement                                 |
 * | any                   | `remove-asked`      | panel `confirm-remove`, no announcement         |
 * | `confirm-remove`      | `remove-cancelled`  | panel `none`                                    |
 * | `confirm-remove`      | `remove-failed`     | panel `none`                                    |
 * | any                   | `comment-added`     | comment ''; announce `comment-added`            |
 * | any                   | `comment-released`  | comment '' (the outbox holds or delivered it)   |
 * | any                   | `attachments-added` | announce `attachments-added`                    |
 * | any                   | `watcher-added`     | watcher ''; announce `watcher-added`            |
 * | any                   | `watcher-removed`   | panel `none`; announce `watcher-removed`        |
 * | any                   | `callback-requested`| phone ''; announce `callback-requested`         |
 * | any                   | `closed-meanwhile`  | announce `closed-meanwhile`                     |
 * | any                   | `follow-up-opened`  | panel `follow-up`                               |
 * | any                   | `live-changed`      | announce `live` (counted: the same words again are said again) |
 */
import type { Status } from '../../core/ticket.js';
import type { LiveNotice } from './live-notice.js';

/** The text fields of a case view. */
export type DetailField = 'comment' | 'watcher' | 'phone';

/** The one panel open at a time. */
export type DetailPanel =
  | { readonly kind: 'none' }
  | { readonly kind: 'confirm-remove'; readonly email: string }
  | { readonly kind: 'follow-up' };

/** What the status region says after an action: a kind and its data, never words. */
export type Announcement =
  /** `status` is the new state when the comment changed it, else undefined. */
  | { readonly kind: 'comment-added'; readonly status: Status | undefined }
  | { readonly kind: 'attachments-added'; readonly status: Status }
  | { readonly kind: 'watcher-added'; readonly email: string }
  | { readonly kind: 'watcher-removed'; readonly email: string }
  | { readonly kind: 'callback-requested'; readonly phone: string }
  | { readonly kind: 'closed-meanwhile' }
  /** A change made elsewhere (support's reply, a new state), from `watch()`. */
  | { readonly kind: 'live'; readonly notice: LiveNotice; readonly seq: number };

export interface DetailView {
  readonly fields: { readonly [F in DetailField]: string };
  /** Whether the comment disclosure of an email-contact case is open. */
  readonly commentOpen: boolean;
  readonly panel: DetailPanel;
  readonly announcement: Announcement | undefined;
}

export type DetailEvent =
  | { readonly type: 'case-changed' }
  | { readonly type: 'draft-restored'; readonly comment: string }
  | { readonly type: 'input'; readonly field: DetailField; readonly value: string }
  | { readonly type: 'comment-toggled'; readonly open: boolean }
  | { readonly type: 'action-started' }
  | { readonly type: 'remove-asked'; readonly email: string }
  | { readonly type: 'remove-cancelled' }
  | { readonly type: 'remove-failed' }
  | { readonly type: 'comment-added'; readonly before: Status | undefined; readonly after: Status }
  /** The field's text waits in the outbox (which shows it), or the outbox delivered it. */
  | { readonly type: 'comment-released' }
  | { readonly type: 'attachments-added'; readonly status: Status }
  | { readonly type: 'watcher-added'; readonly email: string }
  | { readonly type: 'watcher-removed'; readonly email: string }
  | { readonly type: 'callback-requested'; readonly phone: string }
  | { readonly type: 'closed-meanwhile' }
  | { readonly type: 'follow-up-opened' }
  | { readonly type: 'live-changed'; readonly notice: LiveNotice };

export const initialView: DetailView = {
  fields: { comment: '', watcher: '', phone: '' },
  commentOpen: false,
  panel: { kind: 'none' },
  announcement: undefined,
};

const NO_PANEL: DetailPanel = { kind: 'none' };

function withField(view: DetailView, field: DetailField, value: string): DetailView['fields'] {
  return { ...view.fields, [field]: value };
}

export function detailTransition(view: DetailView, event: DetailEvent): DetailView {
  switch (event.type) {
    case 'case-changed':
      return initialView;
    case 'draft-restored':
      return { ...view, fields: withField(view, 'comment', event.comment), commentOpen: event.comment !== '' };
    case 'input':
      return { ...view, fields: withField(view, event.field, event.value) };
    case 'comment-toggled':
      return { ...view, commentOpen: event.open };
    case 'action-started':
      return { ...view, announcement: undefined };
    case 'remove-asked':
      return { ...view, panel: { kind: 'confirm-remove', email: event.email }, announcement: undefined };
    case 'remove-cancelled':
    case 'remove-failed':
      return view.panel.kind === 'confirm-remove' ? { ...view, panel: NO_PANEL } : view;
    case 'comment-added':
      return {
        ...view,
        fields: withField(view, 'comment', ''),
        announcement: { kind: 'comment-added', status: event.before !== event.after ? event.after : undefined },
      };
    case 'comment-released':
      return { ...view, fields: withField(view, 'comment', '') };
    case 'attachments-added':
      return { ...view, announcement: { kind: 'attachments-added', status: event.status } };
    case 'watcher-added':
      return { ...view, fields: withField(view, 'watcher', ''), announcement: { kind: 'watcher-added', email: event.email } };
    case 'watcher-removed':
      return { ...view, panel: NO_PANEL, announcement: { kind: 'watcher-removed', email: event.email } };
    case 'callback-requested':
      return { ...view, fields: withField(view, 'phone', ''), announcement: { kind: 'callback-requested', phone: event.phone } };
    case 'closed-meanwhile':
      return { ...view, announcement: { kind: 'closed-meanwhile' } };
    case 'follow-up-opened':
      return { ...view, panel: { kind: 'follow-up' } };
    case 'live-changed': {
      const seq = (view.announcement?.kind === 'live' ? view.announcement.seq : 0) + 1;
      return { ...view, announcement: { kind: 'live', notice: event.notice, seq } };
    }
  }
}

/** The email whose removal is being confirmed, if any. */
export function confirmingRemoval(view: DetailView): string | undefined {
  return view.panel.kind === 'confirm-remove' ? view.panel.email : undefined;
}
