/**
 * Liveness and readiness, for a load balancer or an orchestrator (docs/DEPLOYING.md):
 * - `GET /healthz`: the process is alive and answers HTTP; nothing else is checked, so a
 *   database outage never gets a healthy process restarted.
 * - `GET /readyz`: whether this process should get traffic now. Every check must resolve within
 *   `timeoutMs`: the database answers a trivial query, and the server is not shutting down
 *   (after SIGTERM it turns 503 while in-flight requests finish). 503 says when to ask again.
 * A check throws `NotReady` with the words the answer may carry; any other error is logged and
 * answered as "the database does not answer" (a driver's message can name hosts and users).
 */

/** One readiness check: resolves when ready, rejects (or takes too long) when not. */
export type ReadinessCheck = () => Promise<void>;

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

/** How long a check may take before the process counts as not ready. */
export const READINESS_TIMEOUT_MS = 2_000;
/** The `Retry-After` of a 503 from `/readyz`, in seconds. */
export const READINESS_RETRY_AFTER_S = 5;

/** A reason meant for the answer as it is (shutting down). */
export class NotReady extends Error {
  override name = 'NotReady';
}

/** Runs every check at once; the first failure (in list order) is the reason. */
export async function readiness(
  checks: readonly ReadinessCheck[],
  options: { readonly timeoutMs?: number; readonly log?: (line: string) => void } = {},
): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const outcomes = await Promise.all(
    checks.map(async (check): Promise<string | undefined> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`A check did not answer within ${timeoutMs} ms.`), timeoutMs);
      });
      try {
        return await Promise.race([check().then(() => undefined), late]);
      } catch (error) {
        if (error instanceof NotReady) return error.message;
        options.log?.(`readiness: ${error instanceof Error ? error.message : String(error)}`);
        return 'The database does not answer.';
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const reason = outcomes.find((outcome) => outcome !== undefined);
  return reason === undefined ? { ready: true } : { ready: false, reason };
}
