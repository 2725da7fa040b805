/**
 * Per-user limits of the reference server (docs/openapi.yaml and server/README.md give the
 * numbers): how fast a user may open cases, and how many uploads they may leave unattached.
 */
import { HttpError } from './http.js';
import type { SupportStore } from './store/port.js';

export interface ServerLimits {
  /** Cases a user may open per minute, on average (default 10: one every 6 s). */
  readonly casesPerMinute: number;
  /** Cases a user may open at once before the average applies (default 20). */
  readonly caseBurst: number;
  /** Uploads a user may have that are attached to no case yet (default 20). */
  readonly pendingUploads: number;
  /** Bytes of those uploads together (default 50 MiB). */
  readonly pendingUploadBytes: number;
  /** How long an unattached upload is kept before the periodic job sweeps it (default 24 h). */
  readonly orphanTtlMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  casesPerMinute: 10,
  caseBurst: 20,
  pendingUploads: 20,
  pendingUploadBytes: 50 * 1024 * 1024,
  orphanTtlMs: 24 * 60 * 60 * 1000,
};

const retryAfter = (ms: number): Record<string, string> => ({ 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) });

/**
 * The case-creation rate as a generic cell rate (GCRA, a token bucket in one number): each case
 * moves the user's mark one interval (60 s / casesPerMinute) later; a case is refused while the
 * mark is more than `caseBurst - 1` intervals ahead of now. Returns the new mark to store with
 * the case, or throws 429 with the seconds until the next case is allowed.
 */
export async function admitCase(store: SupportStore, limits: ServerLimits, userId: string, nowMs: number): Promise<number> {
  const interval = 60_000 / limits.casesPerMinute;
  const tolerance = (limits.caseBurst - 1) * interval;
  const mark = Math.max((await store.caseRateMark(userId)) ?? nowMs, nowMs);
  if (mark - nowMs > tolerance) {
    throw new HttpError(429, 'rate_limited', `At most ${limits.casesPerMinute} new cases a minute (${limits.caseBurst} at once); try again shortly.`, {
      headers: retryAfter(mark - nowMs - tolerance),
      limits: { limitCount: limits.casesPerMinute },
    });
  }
  return mark + interval;
}


/**
 * Refuses an upload of `size` bytes (429) when the user's unattached uploads are already at
 * the count or would pass the byte quota; Retry-After is when the oldest of them is swept.
 */
export async function admitUpload(store: SupportStore, limits: ServerLimits, userId: string, size: number, nowMs: number): Promise<void> {
  const pending = await store.pendingUploadsOf(userId, new Date(nowMs - limits.orphanTtlMs).toISOString());
  const wait = pending.oldestAt === null ? limits.orphanTtlMs : Date.parse(pending.oldestAt) + limits.orphanTtlMs - nowMs;
  const hours = Math.round(limits.orphanTtlMs / 3_600_000);
  if (pending.count >= limits.pendingUploads) {
    throw new HttpError(429, 'rate_limited', `At most ${limits.pendingUploads} uploaded files may wait to be attached; attach them to a case, or wait: unattached files are removed after ${hours} h.`, {
      headers: retryAfter(wait),
      limits: { limitCount: limits.pendingUploads },
    });
  }
  if (pending.bytes + size > limits.pendingUploadBytes) {
    throw new HttpError(429, 'rate_limited', `At most ${Math.round(limits.pendingUploadBytes / 1048576)} MB of uploaded files may wait to be attached; attach them to a case, or wait: unattached files are removed after ${hours} h.`, {
      headers: retryAfter(wait),
      limits: { limitBytes: limits.pendingUploadBytes },
    });
  }
}
