/**
 * The states of `<ticket-form>` once an area, its flow and a session are known (the area
 * chooser, "not offered", loading and the first sign-in are read from the config and the
 * session, not kept). Pure TypeScript: no DOM, no Lit, no words (`render()` makes those).
 *
 * | from              | event                                   | to                                        |
 * |-------------------|-----------------------------------------|-------------------------------------------|
 * | any               | `restore` (a draft, or a blank case)    | `editing` at the draft's step, no errors  |
 * | `editing`         | `go_to`                                 | `editing` at that step, no errors         |
 * | `editing`         | `continue` with errors                  | `editing`, same step, the errors          |
 * | `editing`         | `continue` without errors               | `editing` at the next step of the flow    |
 * | `editing`         | `submit` (the local checks' errors)     | `editing` at details, those errors        |
 * | `editing`         | `rejected` unauthorized                 | `reauthenticate`                          |
 * | `editing`         | `rejected` validation, all fields known | `editing`, the errors on their fields     |
 * | `editing`         | `rejected` any other                    | `editing`, a failure notice (+ known ones)|
 * | `editing`/`reauthenticate` | `signed_in`                    | `editing`, same step, no failure          |
 * | `editing`         | `article_opened`                        | `editing`, asks whether it solved it      |
 * | `editing`         | `solved`                                | `solved`                                  |
 * | `editing`         | `follow_up_dropped`                     | `editing`, without the follow-up's error  |
 * | `editing`         | `created`                               | `created`                                 |
 *
 * Sending is not a phase: the submit `ActionController`'s `busy` is the one truth about it
 * (it aborts on disconnect, which a phase would never hear of). Events that make no sense in a
 * phase leave it as it is.
 */
import type { ArticleQuery } from '../../adapters/backend.js';
import type { Article } from '../../core/catalog.js';
import type { FlowConfig } from '../../core/config.js';
import type { ErrorKind, FieldError } from '../../core/errors.js';
import { formSteps, type FlowResolution } from '../../core/flows.js';
import type { Ticket } from '../../core/ticket.js';
import type { FormFieldError } from '../shared/field-errors.js';

/** The steps where the customer types or chooses something (the flow's form steps). */
export const INPUT_STEPS = ['subject', 'category', 'details'] as const;
export type InputStep = (typeof INPUT_STEPS)[number];

export function isInputStep(value: unknown): value is InputStep {
  return typeof value === 'string' && (INPUT_STEPS as readonly string[]).includes(value);
}

/** Fields a backend validation error may name that this form shows. */
export const FORM_FIELDS: readonly string[] = ['subject', 'productId', 'description', 'contactMethod', 'categoryId', 'subcategoryId', 'attachments', 'followUpOf'];

export type TicketFormPhase =
  /**
   * Typing or choosing; `step` is the one asked for (undefined: the flow's first; see
   * `currentStep`), `failure` the kind of the last refused submit, `opened` the suggested
   * article the customer opened.
   */
  | {
      readonly kind: 'editing';
      readonly step: InputStep | undefined;
      readonly errors: readonly FormFieldError[];
      readonly failure: ErrorKind | undefined;
      readonly opened: Article | undefined;
    }
  /** The backend said the session expired: sign in again, then back to `step`. */
  | { readonly kind: 'reauthenticate'; readonly step: InputStep | undefined }
  | { readonly kind: 'created'; readonly ticket: Ticket; readonly confirmation: FlowConfig['confirmation'] }
  /** A suggested article solved the problem: no case. */
  | { readonly kind: 'solved' };

export type TicketFormEvent =
  | { readonly type: 'restore'; readonly step: InputStep | undefined }
  | { readonly type: 'go_to'; readonly step: InputStep }
  | { readonly type: 'continue'; readonly from: InputStep; readonly steps: readonly InputStep[]; readonly errors: readonly FormFieldError[] }
  | { readonly type: 'submit'; readonly errors: readonly FormFieldError[] }
  | { readonly type: 'rejected'; readonly kind: ErrorKind; readonly fieldErrors: readonly FieldError[] }
  | { readonly type: 'signed_in' }
  | { readonly type: 'article_opened'; readonly article: Article }
  | { readonly type: 'solved' }
  | { readonly type: 'follow_up_dropped' }
  | { readonly type: 'created'; readonly ticket: Ticket; readonly confirmation: FlowConfig['confirmation'] };

export type EditingPhase = Extract<TicketFormPhase, { kind: 'editing' }>;

export function editing(step: InputStep | undefined, errors: readonly FormFieldError[] = []): EditingPhase {
  return { kind: 'editing', step, errors, failure: undefined, opened: undefined };
}

/** The phase before anything happened: a blank case at the flow's first step. */
export const INITIAL_PHASE: TicketFormPhase = editing(undefined);

/** The flow's steps where the customer types or chooses, in order. */
export function inputSteps(flow: FlowConfig): InputStep[] {
  return formSteps(flow.steps).filter(isInputStep);
}

/** The step shown: the one asked for if the flow has it, else the flow's first. */
export function currentStep(step: InputStep | undefined, steps: readonly InputStep[]): InputStep {
  return step && steps.includes(step) ? step : (steps[0] ?? 'details');
}

/** The step before `step` in the flow, if any ("Back"). */
export function previousStep(step: InputStep, steps: readonly InputStep[]): InputStep | undefined {
  return steps[steps.indexOf(step) - 1];
}

export function transition(phase: TicketFormPhase, event: TicketFormEvent): TicketFormPhase {
  switch (event.type) {
    case 'restore':
      return editing(event.step);
    case 'signed_in':
      if (phase.kind === 'reauthenticate') return editing(phase.step);
      return phase.kind === 'editing' ? { ...phase, failure: undefined } : phase;
    default:
      return phase.kind === 'editing' ? whileEditing(phase, event) : phase;
  }
}

function whileEditing(phase: EditingPhase, event: Exclude<TicketFormEvent, { type: 'restore' | 'signed_in' }>): TicketFormPhase {
  switch (event.type) {
    case 'go_to':
      return { ...phase, step: event.step, errors: [], failure: undefined };
    case 'continue': {
      if (event.errors.length > 0) return { ...phase, errors: event.errors };
      const next = event.steps[event.steps.indexOf(event.from) + 1];
      return next ? { ...phase, step: next, errors: [], failure: undefined } : phase;
    }
    case 'submit':
      return { ...phase, step: 'details', errors: event.errors, failure: undefined };
    case 'rejected':
      return rejected(phase, event.kind, event.fieldErrors);
    case 'article_opened':
      return { ...phase, opened: event.article };
    case 'solved':
      return { kind: 'solved' };
    case 'follow_up_dropped':
      return { ...phase, errors: phase.errors.filter((e) => e.field !== 'followUpOf') };
    case 'created':
      return { kind: 'created', ticket: event.ticket, confirmation: event.confirmation };
  }
}

/**
 * A refused submit. Field errors the form shows go on their fields; when the backend named a
 * field the form does not have, a notice says the case was refused as well, so nothing is
 * refused silently.
 */
function rejected(phase: EditingPhase, kind: ErrorKind, fieldErrors: readonly FieldError[]): TicketFormPhase {
  if (kind === 'unauthorized') return { kind: 'reauthenticate', step: phase.step };
  if (kind !== 'validation') return { ...phase, failure: kind };
  const known = fieldErrors.filter((e) => FORM_FIELDS.includes(e.field));
  if (known.length > 0 && known.length === fieldErrors.length) return { ...phase, errors: known, failure: undefined };
  return { ...phase, errors: known, failure: 'validation' };
}

/** Whether the error summary, the failure notice or the sign-in form takes focus after `phase` is shown. */
export function focusAfterRefusal(phase: TicketFormPhase): 'summary' | 'failure' | 'sign-in' {
  if (phase.kind === 'reauthenticate') return 'sign-in';
  return phase.kind === 'editing' && !phase.failure && phase.errors.length > 0 ? 'summary' : 'failure';
}

/** Whether the flow asks for a category (and so needs the catalog). */
export function needsCategoryStep(resolution: FlowResolution | undefined): boolean {
  return Boolean(resolution?.offered && resolution.steps.includes('category'));
}

/** What to find articles for: only on a subject step that offers quick answers. */
export function suggestionQueryFor(
  resolution: FlowResolution | undefined,
  phase: TicketFormPhase,
  fields: { readonly subject: string; readonly productId: string },
): ArticleQuery | undefined {
  if (!resolution?.offered || phase.kind !== 'editing' || !resolution.steps.includes('quick_answers')) return undefined;
  if (currentStep(phase.step, inputSteps(resolution.flow)) !== 'subject') return undefined;
  return { query: fields.subject, areaId: resolution.area.id, productId: fields.productId };
}
