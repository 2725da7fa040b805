/**
 * Who may see a case, who may change its watchers, which case may be followed up, and what a
 * case search matches: one
 * rule each, used by the memory adapter and the reference server alike (the server turns
 * `CaseSearch` into SQL; the memory adapter calls `matchesCaseSearch`).
 */
import type { Status } from './ticket.js';

/** The people on a case, as emails: the requester and the watchers. */
export interface CaseParticipants {
  readonly requesterEmail: string;
  readonly watcherEmails: readonly string[];
}

/** Emails compare without regard to case or surrounding spaces. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A customer sees a case when they opened it or watch it; nobody else does (the answer is "not found"). */
export function maySeeCase(participants: CaseParticipants, email: string): boolean {
  return sameEmail(participants.requesterEmail, email) || participants.watcherEmails.some((watcher) => sameEmail(watcher, email));
}

/** Only a closed case the customer may see can be followed up (the seed: "open a new case and add the closed case's number"). */
export function mayFollowUp(caseInfo: CaseParticipants & { readonly status: Status }, email: string): boolean {
  return caseInfo.status === 'closed' && maySeeCase(caseInfo, email);
}

/**
 * A case search, parsed once: the lowercased words (each must appear in the subject) and,
 * when the query is a number (a leading `#` allowed, as customers quote "#10000005"), the
 * digits, which match anywhere in the zero-padded case number.
 */
export interface CaseSearch {
  readonly words: readonly string[];
  readonly digits: string | undefined;
}

/** Lowercasing shared with the server's SQL function `ulower`, so both backends fold alike. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** `undefined` when the query is blank: no filter. */
export function parseCaseSearch(query: string | undefined): CaseSearch | undefined {
  const text = (query ?? '').trim().replace(/^#/, '').trim();
  if (!text) return undefined;
  return {
    words: foldCase(text).split(/\s+/).filter(Boolean),
    digits: /^\d+$/.test(text) ? text : undefined,
  };
}

/** Whether a case matches: its number contains the digits, or its subject contains every word. */
export function matchesCaseSearch(caseInfo: { readonly number: string; readonly subject: string }, search: CaseSearch): boolean {
  if (search.digits !== undefined && caseInfo.number.includes(search.digits)) return true;
  const subject = foldCase(caseInfo.subject);
  return search.words.every((word) => subject.includes(word));
}

/** What changing the watchers of a case is: adding someone, or removing someone. */
export type WatcherChange = { readonly type: 'add'; readonly email: string } | { readonly type: 'remove'; readonly email: string };

/**
 * Who may change the watchers of a case (everyone else gets "not found" first, from
 * `maySeeCase`): the requester may add and remove anyone; a watcher may add watchers (bring in a
 * colleague) and remove only themselves (stop watching), never another watcher, and never the
 * requester, who is not a watcher.
 */
export function mayChangeWatchers(participants: CaseParticipants, actorEmail: string, change: WatcherChange): boolean {
  if (sameEmail(participants.requesterEmail, actorEmail)) return true;
  if (!participants.watcherEmails.some((watcher) => sameEmail(watcher, actorEmail))) return false;
  return change.type === 'add' || sameEmail(change.email, actorEmail);
}
