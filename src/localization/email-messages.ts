/**
 * The words of the notification emails the reference server sends (server/notify.ts), as
 * lit-localize messages: `npm run i18n:extract` puts them in locales/*.xlf beside the UI's
 * (ids `email.*`), translators translate them there, `npm run i18n:check` checks them and
 * `npm run i18n:build` writes them into the generated locale modules.
 *
 * The server renders several languages at once (each email in its case's language), so it
 * cannot use lit-localize's one global active locale. Each message therefore calls the `msg`
 * it is given: the server passes one that reads a given locale's generated `templates`
 * (server/email-templates.ts). lit-localize extracts any call whose callee has msg()'s brand,
 * which `EmailMsg` carries. Emails are plain text: no `html` messages here.
 *
 * State names have their own ids (`email.status.*`) with the UI's words, so that nothing here
 * imports from src/elements/; test/server/emails.test.ts checks that every locale names a state
 * in its emails as the UI does.
 */
import { str, type StrResult } from '@lit/localize';
import type { Status } from '../core/ticket.js';

export interface EmailMsgOptions {
  readonly id: `email.${string}`;
  readonly desc: string;
}

/** msg() for plain texts; the brand is what lit-localize's extractor looks for. */
export type EmailMsg = ((template: string | StrResult, options: EmailMsgOptions) => string) & { _LIT_LOCALIZE_MSG_?: never };

/** Every text of the emails, in the language of the `msg` they were made with. */
export interface EmailTexts {
  greeting(name: string): string;
  caseLink(url: string): string;
  replyByEmail(): string;
  noReply(url: string): string;
  noReplyNoLink(): string;
  createdSubject(number: string, subject: string): string;
  createdIntro(number: string, open: string): string;
  createdFollow(url: string): string;
  commentSubject(number: string, subject: string): string;
  commentIntro(): string;
  commentState(state: string): string;
  closedSubject(number: string, closed: string, subject: string): string;
  closedManual(number: string, closed: string): string;
  closedAuto(number: string, closed: string, pending: string, days: number): string;
  closedReadOnly(): string;
  closedPersists(number: string): string;
  closedMyTickets(): string;
  watcherSubject(number: string, subject: string): string;
  watcherAdded(by: string, number: string): string;
  watcherSignIn(url: string): string;
  watcherSignInNoLink(): string;
  signInHelpSubject(reference: string): string;
  signInHelpReceived(reference: string): string;
  signInHelpContact(): string;
  state(status: Status): string;
}


export function emailTexts(msg: EmailMsg): EmailTexts {
  return {
    greeting: (name) =>
      msg(str`Hello ${name},`, { id: 'email.greeting', desc: "First line of every email to the customer. ${name} is the customer's name." }),
    caseLink: (url) => msg(str`Your case: ${url}`, { id: 'email.case_link', desc: 'Line near the end of an email. ${url} is the link to the case in the support center.' }),
    replyByEmail: () =>
      msg('You can reply to this email to add a comment to your case; your reply goes to the support expert.', {
        id: 'email.reply_by_email',
        desc: 'Last paragraph of an email about a case whose customer chose to be answered by email: replying adds a comment.',
      }),
    noReply: (url) =>
      msg(
        str`This message comes from a no-reply address: do not reply to this email. To add a comment, sign in to the support center and open your case: ${url}`,
        {
          id: 'email.no_reply',
          desc: 'Last paragraph of an email about a case followed in the online support center: the sender is a no-reply address. ${url} is the link to the case in the support center.',
        },
      ),
    noReplyNoLink: () =>
      msg('This message comes from a no-reply address: do not reply to this email. To add a comment, sign in to the support center and open your case.', {
        id: 'email.no_reply_no_link',
        desc: 'Last paragraph of an email about a case followed in the online support center, when the server has no link to the case: the sender is a no-reply address.',
      }),
    createdSubject: (number, subject) =>
      msg(str`[Case ${number}] ${subject}`, {
        id: 'email.created.subject',
        desc: "Subject of the email sent when a case was opened. ${number} is the case number (8 digits, like 00001234). ${subject} is the case's subject, as the customer wrote it.",
      }),
    createdIntro: (number, open) =>
      msg(str`Your support case ${number} is ${open}. A support expert will review it.`, {
        id: 'email.created.intro',
        desc: "First sentence of the email sent when a case was opened. ${number} is the case number (8 digits, like 00001234). ${open} is the name of the Open state (email.status.open). The seed's French: « Votre dossier … est Ouvert ».",
      }),
    createdFollow: (url) =>
      msg(str`Follow your case here: ${url}`, { id: 'email.created.follow', desc: 'In the email sent when a case was opened. ${url} is the link to the case in the support center.' }),
    commentSubject: (number, subject) =>
      msg(str`[Case ${number}] New reply from support: ${subject}`, {
        id: 'email.comment.subject',
        desc: "Subject of the email sent when a support expert commented on the case. ${number} is the case number (8 digits, like 00001234). ${subject} is the case's subject, as the customer wrote it.",
      }),
    commentIntro: () =>
      msg('A support expert replied to your case:', {
        id: 'email.comment.intro',
        desc: "In the email about an expert's comment, just before the comment's text.",
      }),
    commentState: (state) =>
      msg(str`State of your case: ${state}`, {
        id: 'email.comment.state',
        desc: "In the email about an expert's comment, after the comment. ${state} is the name of the case's state (email.status.*).",
      }),
    closedSubject: (number, closed, subject) =>
      msg(str`[Case ${number}] Your case is ${closed}: ${subject}`, {
        id: 'email.closed.subject',
        desc: "Subject of the email sent when a case was closed. ${number} is the case number (8 digits, like 00001234). ${closed} is the name of the Closed state (email.status.closed). ${subject} is the case's subject, as the customer wrote it.",
      }),
    closedManual: (number, closed) =>
      msg(str`Your case ${number} is ${closed}.`, {
        id: 'email.closed.manual',
        desc: 'First sentence of the email sent when a support expert closed the case. ${number} is the case number (8 digits, like 00001234). ${closed} is the name of the Closed state.',
      }),
    closedAuto: (number, closed, pending, days) =>
      msg(
        str`Your case ${number} is ${closed}: it was closed automatically because it stayed ${pending} for ${days} days with no update.`,
        {
          id: 'email.closed.auto',
          desc: 'First sentence of the email sent when a case closed by itself. ${number} is the case number (8 digits, like 00001234). ${closed} and ${pending} are the names of the Closed and Pending states; ${days} is a number of days (5 or more).',
        },
      ),
    closedReadOnly: () =>
      msg('A closed case can no longer be updated.', {
        id: 'email.closed.read_only',
        desc: 'In the email sent when a case was closed: nobody (neither the customer nor the expert) can change it any more.',
      }),
    closedPersists: (number) =>
      msg(str`If the problem persists, open a new case from Contact Support and add this case's number (${number}) as a comment.`, {
        id: 'email.closed.persists',
        desc: "In the email sent when a case was closed (the seed's advice). \"Contact Support\" is the name of the page (contact.heading). ${number} is the case number (8 digits, like 00001234).",
      }),
    closedMyTickets: () =>
      msg('You can see all your cases and their numbers on the My tickets page.', {
        id: 'email.closed.my_tickets',
        desc: 'In the email sent when a case was closed. "My tickets" is the name of the page (my-tickets.title).',
      }),
    watcherSubject: (number, subject) =>
      msg(str`[Case ${number}] You were added as a watcher: ${subject}`, {
        id: 'email.watcher.subject',
        desc: "Subject of the email to a person the customer added as a watcher of a case. ${number} is the case number (8 digits, like 00001234). ${subject} is the case's subject, as the customer wrote it.",
      }),
    watcherAdded: (by, number) =>
      msg(str`${by} added you as a watcher of support case ${number}.`, {
        id: 'email.watcher.added',
        desc: 'First line of the email to a new watcher. ${by} is the name of the customer who added them. ${number} is the case number (8 digits, like 00001234).',
      }),
    watcherSignIn: (url) =>
      msg(str`Sign in to the support center with this email address to follow it: ${url}`, {
        id: 'email.watcher.sign_in',
        desc: 'Second line of the email to a new watcher: how to follow the case. ${url} is the link to the case in the support center.',
      }),
    watcherSignInNoLink: () =>
      msg('Sign in to the support center with this email address to follow it.', {
        id: 'email.watcher.sign_in_no_link',
        desc: 'Second line of the email to a new watcher, when the server has no link to the case: how to follow the case.',
      }),
    signInHelpSubject: (reference) =>
      msg(str`We received your sign-in help request (${reference})`, {
        id: 'email.sign_in_help.subject',
        desc: "Subject of the email sent after the can't-sign-in form was sent. ${reference} is the request's reference, like SH-1A2B3C4D.",
      }),
    signInHelpReceived: (reference) =>
      msg(str`We received your request about signing in. Reference: ${reference}.`, {
        id: 'email.sign_in_help.received',
        desc: "In the email sent after the can't-sign-in form was sent. ${reference} is the request's reference, like SH-1A2B3C4D.",
      }),
    signInHelpContact: () =>
      msg('A support expert will contact you at this address.', {
        id: 'email.sign_in_help.contact',
        desc: "Last line of the email sent after the can't-sign-in form was sent: the expert answers at the email address of the form.",
      }),
    state: (status) => {
      switch (status) {
        case 'open':
          return msg('Open', { id: 'email.status.open', desc: 'Case state in emails: the same word as status.open in the UI ("Ouvert" in French).' });
        case 'action_required':
          return msg('Action required', {
            id: 'email.status.action_required',
            desc: 'Case state in emails: the same word as status.action_required in the UI ("Mon action requise" in French).',
          });
        case 'pending':
          return msg('Pending', { id: 'email.status.pending', desc: 'Case state in emails: the same word as status.pending in the UI ("En attente" in French).' });
        case 'closed':
          return msg('Closed', { id: 'email.status.closed', desc: 'Case state in emails: the same word as status.closed in the UI ("Fermé" in French).' });
      }
    },
  };
}
