// Custom fields: which fields a case asks, each rule and its code, the fallback of host text.
import { expect } from '@open-wc/testing';
import { seedConfig } from '../../src/core/config.js';
import {
  customFieldsFor,
  customValuesFromZendesk,
  customValuesToSend,
  freshdeskCustomFields,
  isCustomFieldValues,
  isIsoDate,
  resolveText,
  validateCustomFields,
  zendeskCustomFields,
} from '../../src/core/custom-fields.js';
import { VALIDATION_CODES } from '../../src/core/errors.js';
import { validateNewTicket, validateTicketInput } from '../../src/core/validation.js';
import { seedCategories } from '../../src/core/catalog.js';
import { BROWSER, CUSTOM_FIELDS, customConfig, ORDER, SINCE, STEPS, URGENT, VALID_VALUES } from '../fixtures/custom-fields.js';

const { pattern: _pattern, ...ORDER_ANY_FORMAT } = ORDER;

const codes = (errors: readonly { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('custom fields (core)', () => {
  it('a case asks its area’s fields, and its category’s only for that category', () => {
    expect(customFieldsFor(customConfig, 'esign', undefined).map((f) => f.id)).to.deep.equal(['order', 'steps', 'browser', 'urgent', 'since']);
    expect(customFieldsFor(customConfig, 'esign', 'account').map((f) => f.id)).to.include('invoice');
    expect(customFieldsFor(customConfig, 'esign', 'signing').map((f) => f.id)).not.to.include('invoice');
    expect(customFieldsFor(customConfig, 'seal', 'clm')).to.deep.equal([]);
    expect(customFieldsFor(seedConfig, 'esign', undefined)).to.deep.equal([]);
  });

  it('required: blank text, no choice and an unticked box are missing', () => {
    const defs = [ORDER, BROWSER, { ...URGENT, required: true }];
    expect(codes(validateCustomFields({ order: '   ', browser: '', urgent: false }, defs))).to.deep.equal([
      'customFields.order:required',
      'customFields.browser:required',
      'customFields.urgent:required',
    ]);
    expect(codes(validateCustomFields(undefined, defs))).to.have.length(3);
    // Optional fields may be left out.
    expect(validateCustomFields({}, [STEPS, URGENT, SINCE])).to.deep.equal([]);
  });

  it('length: the boundaries count characters after trimming', () => {
    expect(validateCustomFields({ order: 'ORD-12345678' }, [ORDER])).to.deep.equal([]); // 12
    expect(codes(validateCustomFields({ order: 'ORD-123456789' }, [ORDER]))).to.deep.equal(['customFields.order:too_long']);
    expect(codes(validateCustomFields({ order: ' OR ' }, [ORDER_ANY_FORMAT]))).to.deep.equal(['customFields.order:too_short']);
    expect(validateCustomFields({ order: 'ORD' }, [ORDER_ANY_FORMAT])).to.deep.equal([]);
  });

  it('pattern: the whole value must match', () => {
    expect(codes(validateCustomFields({ order: 'XORD-12' }, [ORDER]))).to.deep.equal(['customFields.order:pattern_mismatch']);
    expect(codes(validateCustomFields({ order: 'ORD-12x' }, [ORDER]))).to.deep.equal(['customFields.order:pattern_mismatch']);
    expect(validateCustomFields({ order: 'ORD-12' }, [ORDER])).to.deep.equal([]);
  });

  it('select: only its options; date: a real calendar day; checkbox: a boolean', () => {
    expect(codes(validateCustomFields({ browser: 'safari' }, [BROWSER]))).to.deep.equal(['customFields.browser:invalid_choice']);
    expect(codes(validateCustomFields({ since: '2026-02-30' }, [SINCE]))).to.deep.equal(['customFields.since:invalid_date']);
    expect(codes(validateCustomFields({ since: '30/11/2026' }, [SINCE]))).to.deep.equal(['customFields.since:invalid_date']);
    expect(codes(validateCustomFields({ urgent: 'yes' }, [URGENT]))).to.deep.equal(['customFields.urgent:invalid_choice']);
    expect(codes(validateCustomFields({ order: true }, [ORDER]))).to.deep.equal(['customFields.order:invalid_choice']);
    expect(isIsoDate('2024-02-29')).to.equal(true);
    expect(isIsoDate('2023-02-29')).to.equal(false);
  });

  it('a value of a field the case does not ask is refused', () => {
    expect(codes(validateCustomFields({ ...VALID_VALUES, nope: 'x' }, customFieldsFor(customConfig, 'esign', 'account')))).to.deep.equal([
      'customFields.nope:invalid_choice',
    ]);
  });

  it('validateNewTicket and validateTicketInput (form and backends) apply them for the area and category', () => {
    const base = { areaId: 'esign', productId: 'esignature', subject: 's', description: 'd', contactMethod: 'email' as const };
    expect(codes(validateNewTicket(base, customConfig, { needsCategory: false }))).to.deep.equal(['customFields.order:required', 'customFields.browser:required']);
    const { invoice: _invoice, ...flowOne } = VALID_VALUES;
    expect(validateTicketInput({ ...base, customFields: flowOne }, customConfig, 'en', seedCategories)).to.deep.equal([]);
    // French esign is Flow 2 (categories): the account category asks the invoice number too.
    const french = { ...base, categoryId: 'account', subcategoryId: 'billing', customFields: flowOne };
    expect(codes(validateTicketInput(french, customConfig, 'fr', seedCategories))).to.deep.equal(['customFields.invoice:required']);
  });

  it('every code the rules return is a declared ValidationCode', () => {
    const produced = validateCustomFields({ order: 'x'.repeat(40), browser: 'x', since: 'x', urgent: 'x', other: 'x' }, CUSTOM_FIELDS).map((e) => e.code);
    produced.push(...validateCustomFields({ order: 'ab' }, [ORDER_ANY_FORMAT]).map((e) => e.code));
    produced.push(...validateCustomFields({ order: 'abcd' }, [ORDER]).map((e) => e.code));
    for (const code of produced) expect(VALIDATION_CODES).to.include(code);
    expect(new Set(produced)).to.include.all.keys('too_long', 'too_short', 'pattern_mismatch', 'invalid_date', 'invalid_choice', 'required');
  });

  it('values to send: only asked fields, given, trimmed', () => {
    expect(customValuesToSend({ order: ' ORD-1 ', steps: '', urgent: false, since: '2026-01-02', gone: 'x' }, CUSTOM_FIELDS)).to.deep.equal({
      order: 'ORD-1',
      since: '2026-01-02',
    });
    expect(isCustomFieldValues({ a: 'x', b: true })).to.equal(true);
    expect(isCustomFieldValues({ a: 1 })).to.equal(false);
    expect(isCustomFieldValues(['x'])).to.equal(false);
  });

  it('host text: the language asked, its primary language, else the default language, marked as a fallback', () => {
    expect(resolveText(ORDER.label, 'fr')).to.deep.equal({ text: 'Numéro de commande', lang: 'fr', fallback: false });
    expect(resolveText(ORDER.label, 'fr-CA')).to.deep.equal({ text: 'Numéro de commande', lang: 'fr', fallback: false });
    expect(resolveText(STEPS.label, 'fr')).to.deep.equal({ text: 'Steps to reproduce', lang: 'en', fallback: true });
    expect(resolveText({ en: 'Order', de: 'Bestellung' }, 'ja', 'de')).to.deep.equal({ text: 'Bestellung', lang: 'de', fallback: true });
  });

  it('helpdesk mapping: Zendesk [{id, value}] both ways, Freshdesk {cf_…: value}; typed values kept', () => {
    const values = { order: 'ORD-1', urgent: true, since: '2026-01-02', browser: 'chrome' };
    const zendesk = zendeskCustomFields(values, CUSTOM_FIELDS);
    expect(zendesk).to.deep.equal([
      { id: 360001, value: 'ORD-1' },
      { id: 360003, value: 'chrome' },
      { id: 360004, value: true },
      { id: 360005, value: '2026-01-02' },
    ]);
    expect(customValuesFromZendesk([...zendesk, { id: 360002, value: null }, { id: 1, value: 'x' }], CUSTOM_FIELDS)).to.deep.equal(values);
    expect(customValuesFromZendesk([{ id: 360004, value: false }], CUSTOM_FIELDS)).to.deep.equal({});
    expect(freshdeskCustomFields(values, CUSTOM_FIELDS)).to.deep.equal({ cf_order: 'ORD-1', cf_browser: 'chrome', cf_urgent: true, cf_since: '2026-01-02' });
  });
});
