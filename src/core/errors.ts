/**
 * Typed failures. Adapters translate whatever went wrong (HTTP status, problem+json, a dropped
 * connection, a rule of `status.ts`) into one of these kinds; elements turn a kind into a
 * localized message. Nothing here is a UI string.
 */

export const ERROR_KINDS = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'validation',
  'rate_limited',
  'server',
  'bad_response',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A field that failed validation, with a message id (see `validation.ts`). */
export interface FieldError {
  readonly field: string;
  readonly code: ValidationCode;
}

export const VALIDATION_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_phone',
  'file_too_large',
  'file_type',
  'too_many_files',
  'invalid_choice',
  'not_offered',
  // Custom fields (custom-fields.ts): shorter than its minimum, not in its format, not a date.
  'too_short',
  'pattern_mismatch',
  'invalid_date',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** Why a `conflict` happened, when the backend says. */
export type ConflictReason = 'closed' | 'idempotency_in_progress' | 'idempotency_mismatch' | 'other';

export interface SupportErrorInit {
  readonly fieldErrors?: readonly FieldError[];
  readonly retryAfterSeconds?: number;
  readonly status?: number;
  readonly conflict?: ConflictReason;
  /**
   * The server's own words on what is wrong (problem+json `detail`), shown as plain text on a
   * `validation` failure that names no field. Never HTML.
   */
  readonly detail?: string;
  /** The size limit a `too_large` failure broke, in bytes, when the server says. */
  readonly limitBytes?: number;
  /** The most results a search can page through, when a `too_large` failure is a search past it. */
  readonly resultLimit?: number;
  readonly cause?: unknown;
}

export class SupportError extends Error {
  override readonly name = 'SupportError';
  readonly kind: ErrorKind;
  readonly fieldErrors: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly status: number | undefined;
  readonly conflict: ConflictReason | undefined;
  readonly detail: string | undefined;
  readonly limitBytes: number | undefined;
  readonly resultLimit: number | undefined;

  constructor(kind: ErrorKind, message: string, init: SupportErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.status = init.status;
    this.conflict = init.conflict;
    this.detail = init.detail;
    this.limitBytes = init.limitBytes;
    this.resultLimit = init.resultLimit;
  }
}

/** How a backend refuses invalid input: a `validation` error (HTTP 422) carrying `errors`, when there are any. */
export function assertValid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new SupportError('validation', 'Invalid input', { status: 422, fieldErrors: errors });
}

export function isSupportError(value: unknown): value is SupportError {
  return value instanceof SupportError;
}

/** Whether `value` is the rejection of an aborted operation (not a failure to report). */
export function isAbort(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && value.name === 'AbortError';
}
