/**
 * What `<ticket-form>` tells its LifecycleController (src/controllers/lifecycle-controller.ts):
 * ready once it knows who is signed in (its first step, or its sign-in, is on screen); the step
 * is the flow's input step (`subject`, `category`, `subcategory`, `details`...), `sign_in`,
 * `not_offered`, `created` or `solved` (the customer said an article solved it: deflected).
 */
import { TaskStatus } from '@lit/task';
import type { Session } from '../../adapters/backend.js';
import type { FlowResolution } from '../../core/flows.js';
import { isSupportError, type SupportError } from '../../core/errors.js';
import type { LifecycleSnapshot } from '../../controllers/lifecycle-controller.js';
import { currentStep, inputSteps, type TicketFormPhase } from './ticket-form.machine.js';

interface SessionTaskLike {
  readonly status: TaskStatus;
  readonly error: unknown;
}

export function ticketFormSnapshot(
  phase: TicketFormPhase,
  resolution: FlowResolution | undefined,
  sessionTask: SessionTaskLike,
  session: Session | null | undefined,
  failure: SupportError | undefined,
): LifecycleSnapshot {
  const sessionError = sessionTask.status === TaskStatus.ERROR && isSupportError(sessionTask.error) ? sessionTask.error : undefined;
  const error = failure ?? sessionError;
  if (sessionTask.status !== TaskStatus.COMPLETE) return { ready: false, step: undefined, error };
  return { ready: true, step: stepOf(phase, resolution, session), error };
}

function stepOf(phase: TicketFormPhase, resolution: FlowResolution | undefined, session: Session | null | undefined): string | undefined {
  if (phase.kind === 'created' || phase.kind === 'solved') return phase.kind;
  if (!resolution) return undefined;
  if (!resolution.offered) return 'not_offered';
  if (!session || phase.kind === 'reauthenticate') return 'sign_in';
  return currentStep(phase.step, inputSteps(resolution.flow));
}
