import { shallowArrayEquals, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/**
 * Runs `task` (made with `autoRun: false`) when `args()` changes, as `autoRun` would, except
 * while `args()` is undefined: then there is nothing to fetch, and a run that only answers
 * "nothing" would still cost the host an update pass when it settles (issue 15). Going back to
 * nothing aborts a run under way, as a new run would have; coming back runs again.
 */
export function runOnDemand<A extends readonly unknown[], R>(host: ReactiveControllerHost, task: Task<A, R>, args: () => A | undefined): void {
  let last: A | undefined;
  host.addController({
    hostUpdate: () => {
      const next = args();
      if (!next) {
        if (last && task.status === TaskStatus.PENDING) task.abort();
        last = undefined;
        return;
      }
      // The same comparison as `autoRun`'s (a task's default `argsEqual`).
      if (last && shallowArrayEquals(last, next)) return;
      last = next;
      void task.run(next);
    },
  });
}
