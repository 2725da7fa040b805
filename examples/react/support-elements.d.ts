/**
 * JSX typings for the support elements in React 19 (copy this file into your app).
 *
 * React 19 sets a prop as a property when the element has a property of that name (so
 * `backend`, `session` and `config` objects arrive as objects), otherwise as an attribute,
 * and turns a function prop named `on` + event name into an event listener:
 * `onticket-created={(event) => ...}` listens to `ticket-created`. The element must be
 * defined before React renders it (import the define modules first).
 */
import type { CSSProperties, Key, ReactNode, Ref } from 'react';
import type { MyTickets, SupportContact, SupportElement, TicketForm } from 'support-elements';

/** `on<event-name>` props for the events in `Events` (names from GlobalEventHandlersEventMap). */
type EventProps<Events extends keyof GlobalEventHandlersEventMap> = {
  [K in Events as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => void;
};

/** Properties every support element takes (src/elements/shared/support-element.ts). */
type CommonProps = Partial<Pick<SupportElement, 'locale' | 'backend' | 'config' | 'session' | 'theme' | 'apiBase'>>;

type ElementProps<E extends HTMLElement, Props extends keyof E, Events extends keyof GlobalEventHandlersEventMap> =
  CommonProps &
    Partial<Pick<E, Props>> &
    EventProps<Events> & {
      key?: Key;
      ref?: Ref<E>;
      id?: string;
      class?: string;
      className?: string;
      slot?: string;
      hidden?: boolean;
      lang?: string;
      style?: CSSProperties;
      children?: ReactNode;
    };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'support-contact': ElementProps<
        SupportContact,
        never,
        'session-changed' | 'locale-change-request' | 'manage-tickets-request' | 'follow-up-requested' | 'ticket-created' | 'sign-in-help-submitted'
      >;
      'ticket-form': ElementProps<
        TicketForm,
        'area' | 'product' | 'followUpOf',
        'ticket-created' | 'article-opened' | 'session-changed' | 'locale-change-request' | 'manage-tickets-request'
      >;
      'my-tickets': ElementProps<
        MyTickets,
        'ticket' | 'pageSize',
        | 'ticket-opened'
        | 'comment-added'
        | 'attachments-added'
        | 'watchers-changed'
        | 'callback-requested'
        | 'follow-up-requested'
        | 'ticket-created'
        | 'manage-tickets-request'
        | 'session-changed'
      >;
    }
  }
}
