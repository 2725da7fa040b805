// The case being written in <ticket-form>: draft in and out, what is sent, what each step checks.
import { expect } from '@open-wc/testing';
import { seedConfig } from '../../../src/core/config.js';
import {
  BLANK_CASE,
  draftOf,
  newTicketOf,
  restoreCase,
  stepErrors,
  withFollowUpLine,
  type CaseContext,
  type CaseFields,
} from '../../../src/elements/ticket-form/ticket-form.case.js';

const filled: CaseFields = {
  subject: 'Envelope will not void',
  categoryId: 'signing',
  subcategoryId: 'sending',
  productId: 'esignature',
  description: 'The void button does nothing.',
  contactMethod: 'email',
  customFields: {},
};
const flow1: CaseContext = { areaId: 'esign', needsCategory: false, attachmentTokens: [], followUpOf: undefined, customFields: [] };
const flow2: CaseContext = { ...flow1, needsCategory: true };
const idle = { busy: false, hasProblems: false };

describe('ticket-form case', () => {
  it('a draft goes out and comes back the same, with its idempotency key and intent', () => {
    const key = { intent: 'ticket:0badf00d', key: 'k-1' };
    const draft = draftOf('details', filled, key);
    expect(draft).to.deep.equal({ step: 'details', ...filled, idempotencyKey: 'k-1', idempotencyIntent: 'ticket:0badf00d' });
    expect(restoreCase(JSON.parse(JSON.stringify(draft)), '')).to.deep.equal({ step: 'details', fields: filled, key });
    expect(draftOf(undefined, BLANK_CASE, undefined)).to.deep.equal({ step: '', ...BLANK_CASE });
  });

  it('a draft of another shape is read safely; no draft is a blank case with the preselected product', () => {
    expect(restoreCase(undefined, 'rooms')).to.deep.equal({ step: undefined, fields: { ...BLANK_CASE, productId: 'rooms' }, key: undefined });
    const odd = restoreCase({ step: 'confirmation', subject: 'x', contactMethod: 'fax', idempotencyKey: 'k-2' }, '');
    expect(odd.step).to.equal(undefined);
    expect(odd.fields.contactMethod).to.equal('');
    // A key without its intent cannot be matched to an attempt.
    expect(odd.key).to.equal(undefined);
  });

  it('the follow-up line goes first in the description, once', () => {
    expect(withFollowUpLine('', '10000004', 'Follow-up of case 10000004')).to.equal('Follow-up of case 10000004\n\n');
    expect(withFollowUpLine('Still broken', '10000004', 'Follow-up of case 10000004')).to.equal('Follow-up of case 10000004\nStill broken');
    expect(withFollowUpLine('About 10000004 again', '10000004', 'line')).to.equal('About 10000004 again');
    expect(withFollowUpLine('Text', undefined, 'line')).to.equal('Text');
  });

  it('what is sent: the category only where the flow asks for it, attachments and follow-up when there are some', () => {
    expect(newTicketOf(filled, flow1)).to.deep.equal({
      areaId: 'esign',
      productId: 'esignature',
      subject: filled.subject,
      description: filled.description,
      contactMethod: 'email',
    });
    expect(newTicketOf(filled, { ...flow2, attachmentTokens: ['u-1'], followUpOf: '10000004' })).to.deep.include({
      categoryId: 'signing',
      subcategoryId: 'sending',
      attachmentTokens: ['u-1'],
      followUpOf: '10000004',
    });
    expect(newTicketOf({ ...filled, contactMethod: '' }, flow1)).to.equal(undefined);
  });

  it('each step checks its own fields', () => {
    expect(stepErrors('subject', BLANK_CASE, flow1, seedConfig, idle)).to.deep.equal([{ field: 'subject', code: 'required' }]);
    // No subcategory error before a category is chosen: there is no list to choose from yet.
    expect(stepErrors('category', BLANK_CASE, flow2, seedConfig, idle).map((e) => e.field)).to.deep.equal(['categoryId']);
    expect(stepErrors('category', { ...BLANK_CASE, categoryId: 'signing' }, flow2, seedConfig, idle).map((e) => e.field)).to.deep.equal(['subcategoryId']);
    expect(stepErrors('details', BLANK_CASE, flow1, seedConfig, idle).map((e) => e.field)).to.deep.equal(['subject', 'productId', 'description', 'contactMethod']);
    expect(stepErrors('details', filled, flow1, seedConfig, idle)).to.deep.equal([]);
  });

  it('details waits for the uploads', () => {
    expect(stepErrors('details', filled, flow1, seedConfig, { busy: true, hasProblems: true })).to.deep.equal([{ field: 'attachments', code: 'uploads_busy' }]);
    expect(stepErrors('details', filled, flow1, seedConfig, { busy: false, hasProblems: true })).to.deep.equal([{ field: 'attachments', code: 'uploads_failed' }]);
  });
});
