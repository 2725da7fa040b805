/**
 * The state around a host's `prefill` and the config's custom fields for `<ticket-form>`:
 * which custom fields the case asks now, which fields are read-only, and putting the prefill
 * into the form (on a new or restored case, and whenever the host gives a new prefill).
 * Logic only: the rendering is in ticket-form.custom-fields.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportConfig } from '../../core/config.js';
import { customFieldKey, customFieldsFor, type CustomFieldDef, type CustomFieldValue } from '../../core/custom-fields.js';
import { lastAnswer } from '../../core/memo.js';
import { parsePrefill, PREFILL_FIELDS, type TicketPrefill } from '../../core/prefill.js';
import { applyPrefill, type CaseFields } from './ticket-form.case.js';

export type { TicketPrefill, PrefillValue } from '../../core/prefill.js';

export interface PrefillOptions {
  readonly prefill: () => TicketPrefill | undefined;
  readonly config: () => SupportConfig;
  readonly areaId: () => string | undefined;
  readonly needsCategory: () => boolean;
  readonly fields: () => CaseFields;
  readonly edit: (fields: CaseFields) => void;
}

export class PrefillController implements ReactiveController {
  private readonly o: PrefillOptions;
  private applied: unknown;

  constructor(host: ReactiveControllerHost, options: PrefillOptions) {
    this.o = options;
    host.addController(this);
  }

  private parsed: { given: TicketPrefill | undefined; prefill: TicketPrefill } | undefined;
  private readonly asked = lastAnswer((config: SupportConfig, area: string | undefined, category: string | undefined): readonly CustomFieldDef[] => (area ? customFieldsFor(config, area, category) : []));

  /** The prefill as given, kept to what has the right shape (an attribute may hold anything). */
  get prefill(): TicketPrefill {
    // Read for every field of every render (`readOnly`): parsed once per prefill given.
    const given = this.o.prefill();
    if (!this.parsed || this.parsed.given !== given) this.parsed = { given, prefill: parsePrefill(given) };
    return this.parsed.prefill;
  }

  // After `willUpdate` (which restores drafts): a new prefill from the host goes into the form.
  hostUpdate(): void {
    const given = this.o.prefill();
    if (given === this.applied) return;
    this.applied = given;
    this.o.edit(this.apply(this.o.fields()));
  }

  /** `fields` with the prefill put in (see `applyPrefill`). */
  apply(fields: CaseFields): CaseFields {
    this.applied = this.o.prefill();
    return applyPrefill(fields, this.prefill);
  }

  /** The custom fields the case asks with these fields (the category's only when the flow has one). */
  customFields(fields: CaseFields): readonly CustomFieldDef[] {
    const area = this.o.areaId();
    const config = this.o.config();
    const category = area && this.o.needsCategory() ? fields.categoryId || undefined : undefined;
    // Asked several times per render: the same answer while the area, category and config stay.
    return this.asked(config, area, category);
  }

  /** Sets one custom field's value in the form's current fields. */
  readonly setCustom = (id: string, value: CustomFieldValue): void => {
    const fields = this.o.fields();
    this.o.edit({ ...fields, customFields: { ...fields.customFields, [id]: value } });
  };

  /** Whether the form's field `field` (`subject`, `customFields.order`...) holds a read-only prefill. */
  readonly readOnly = (field: string): boolean => {
    const prefill = this.prefill;
    for (const [key, name] of Object.entries(PREFILL_FIELDS)) {
      if (name === field) return prefill[key as keyof typeof PREFILL_FIELDS]?.readOnly === true;
    }
    return Object.entries(prefill.customFields ?? {}).some(([id, v]) => customFieldKey(id) === field && v.readOnly === true);
  };
}
