/**
 * The capabilities a server declares (`capabilities` of the reference server's session
 * envelopes, docs/openapi.yaml), adopted field by field: a field that is missing, of the wrong
 * type or a value this version does not know keeps what the adapter had, so that a bad answer
 * can only leave the widget offering what it offered before, never break it.
 *
 * Not part of the public API: the fetch adapter builds on it.
 */
import type { BackendCapabilities } from './backend.js';
import { isBoolean, isOneOf, isRecord } from './guards.js';

/** One object for the adapter's life: elements that hold the backend read the current values. */
export type MutableCapabilities = { -readonly [K in keyof BackendCapabilities]: BackendCapabilities[K] };

const isCallMe = isOneOf<BackendCapabilities['callMe']>(['request', 'comment']);
const isLive = isOneOf<BackendCapabilities['live']>(['push', 'poll', 'none']);

/** Copies the valid fields of `declared` into `target`; anything else is ignored. */
export function adoptCapabilities(target: MutableCapabilities, declared: unknown): void {
  if (!isRecord(declared)) return;
  const { addWatcher, removeWatcher, callMe, live } = declared;
  if (isBoolean(addWatcher)) target.addWatcher = addWatcher;
  if (isBoolean(removeWatcher)) target.removeWatcher = removeWatcher;
  if (isCallMe(callMe)) target.callMe = callMe;
  if (isLive(live)) target.live = live;
}
