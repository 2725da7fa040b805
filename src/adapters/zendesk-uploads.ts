/**
 * Zendesk upload tokens expire 60 minutes after the upload ("The attachment's token expires
 * after 60 minutes": https://support.zendesk.com/hc/en-us/articles/4408887057946), and Zendesk
 * deletes a file whose token was never used. A case form can stay open longer than that, so the
 * adapter remembers the file behind each token it handed out and, before a create or an
 * `addAttachments` uses a token older than the limit (less a margin for the request in
 * flight), uploads the file again and sends the fresh token instead.
 *
 * The file is kept in memory only (never in storage), and forgotten once its token is used.
 * Not part of the public API.
 */
import { throwIfAborted } from './http.js';

/** How long Zendesk keeps an upload token valid. */
export const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Tokens this close to expiry are renewed too: the create may take a while to reach Zendesk. */
export const UPLOAD_TOKEN_MARGIN_MS = 5 * 60 * 1000;

interface Held {
  readonly file: File;
  readonly at: number;
  /** The token to send for this file now (the element may still hold an older one). */
  readonly token: string;
}

export interface UploadTokens {
  /** Records a token just received for `file`. */
  remember(token: string, file: File): void;
  /**
   * The tokens to send now: each stale one replaced by a fresh upload of its file (through
   * `upload`), the others as they are. Tokens this adapter did not hand out pass unchanged.
   */
  fresh(tokens: readonly string[], upload: (file: File) => Promise<string>, signal: AbortSignal | undefined): Promise<string[]>;
  /** Forgets tokens Zendesk has now used. */
  used(tokens: readonly string[]): void;
}

export function createUploadTokens(now: () => number): UploadTokens {
  const held = new Map<string, Held>();
  return {
    remember(token, file) {
      held.set(token, { file, at: now(), token });
    },
    async fresh(tokens, upload, signal) {
      const out: string[] = [];
      for (const token of tokens) {
        throwIfAborted(signal);
        const entry = held.get(token);
        if (!entry || now() - entry.at < UPLOAD_TOKEN_TTL_MS - UPLOAD_TOKEN_MARGIN_MS) {
          out.push(entry?.token ?? token);
          continue;
        }
        const renewed = await upload(entry.file);
        // The old token keeps pointing at the file: a retry of the same intent sends the new one.
        const next = { file: entry.file, at: now(), token: renewed };
        held.set(token, next);
        held.set(renewed, next);
        out.push(renewed);
      }
      return out;
    },
    used(tokens) {
      for (const token of tokens) {
        const entry = held.get(token);
        for (const [key, value] of held) if (value === entry) held.delete(key);
      }
    },
  };
}
