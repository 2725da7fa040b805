// The prefill rules of <ticket-form> as pure functions: what a host gives, what a draft keeps.
import { expect } from '@open-wc/testing';
import { parsePrefill } from '../../../src/core/prefill.js';
import { applyPrefill, BLANK_CASE } from '../../../src/elements/ticket-form/ticket-form.case.js';

describe('ticket-form prefill', () => {
  it('fills an empty case: category and subcategory together, contact method, custom fields', () => {
    const fields = applyPrefill(BLANK_CASE, {
      category: { value: 'account' },
      subcategory: { value: 'billing' },
      contactMethod: { value: 'email' },
      customFields: { order: { value: 'ORD-1' }, urgent: { value: true } },
    });
    expect(fields).to.deep.include({ categoryId: 'account', subcategoryId: 'billing', contactMethod: 'email' });
    expect(fields.customFields).to.deep.equal({ order: 'ORD-1', urgent: true });
  });

  it('what the customer typed wins over an editable prefill; a read-only one always applies', () => {
    const typed = { ...BLANK_CASE, subject: 'Mine', categoryId: 'signing', subcategoryId: 'sending', customFields: { order: 'ORD-9' } };
    const fields = applyPrefill(typed, {
      subject: { value: 'Host' },
      category: { value: 'account', readOnly: true },
      subcategory: { value: 'billing' },
      customFields: { order: { value: 'ORD-1' }, steps: { value: 'Host steps', readOnly: true } },
    });
    expect(fields.subject).to.equal('Mine');
    // A new category drops the old subcategory for the prefilled one.
    expect([fields.categoryId, fields.subcategoryId]).to.deep.equal(['account', 'billing']);
    expect(fields.customFields).to.deep.equal({ order: 'ORD-9', steps: 'Host steps' });
  });

  it('an attribute’s JSON is kept to entries of the right shape', () => {
    expect(
      parsePrefill({
        subject: { value: 'S', readOnly: true },
        description: { value: 5 },
        contactMethod: { value: 'fax' },
        customFields: { a: { value: true }, b: { value: [] }, c: 'x' },
        other: { value: 'x' },
      }),
    ).to.deep.equal({ subject: { value: 'S', readOnly: true }, customFields: { a: { value: true } } });
    expect(parsePrefill('nonsense')).to.deep.equal({});
  });
});
