// Input checks: every function, every code it can return, and the boundaries.
import { expect } from '@open-wc/testing';
import { seedConfig, type AttachmentLimits } from '../../src/core/config.js';
import { VALIDATION_CODES } from '../../src/core/errors.js';
import type { NewTicket } from '../../src/core/ticket.js';
import {
  isAcceptedType,
  isEmail,
  isPhone,
  validateComment,
  validateEmailField,
  validateFile,
  validateNewTicket,
  validatePhone,
  validateSignInHelp,
  type FileLike,
} from '../../src/core/validation.js';

/** Data as it arrives from outside the type system (a form post, JSON). */
function untrusted<T>(value: unknown): T {
  return value as T;
}

const file = (name: string, type = '', size = 1024): FileLike => ({ name, type, size });

const validTicket: NewTicket = {
  areaId: 'esign',
  productId: 'esignature',
  subject: 'Envelope stuck in "sent"',
  description: 'It has been two days.',
  contactMethod: 'email',
};

describe('core/validation', () => {
  describe('isEmail', () => {
    const valid = ['a@b.co', 'first.last+tag@sub.example.com', '  padded@example.org  ', 'été@exemple.fr'];
    const invalid = ['', '   ', 'plain', 'a@b', '@example.com', 'a@', 'a@.com', 'a b@example.com', 'a@exa mple.com', 'a@@b.co', 'a@b@c.co'];

    for (const value of valid) it(`accepts ${JSON.stringify(value)}`, () => expect(isEmail(value)).to.equal(true));
    for (const value of invalid) it(`rejects ${JSON.stringify(value)}`, () => expect(isEmail(value)).to.equal(false));
  });

  describe('isPhone', () => {
    const valid = ['1234567', '+1 (555) 123-4567', '+33 6 12 34 56 78', '06.12.34.56.78', '123456789012345', ' +49 30 1234567 '];
    const invalid = [
      '',
      '123456', // 6 digits: too short
      '1234567890123456', // 16 digits: longer than E.164
      'call me 1234567',
      '555-CALL-NOW',
      '++1 555 123 4567',
      '1234567+',
      '+1 555 123 4567 ext 8',
      '(((((( ))))))',
    ];

    for (const value of valid) it(`accepts ${JSON.stringify(value)}`, () => expect(isPhone(value)).to.equal(true));
    for (const value of invalid) it(`rejects ${JSON.stringify(value)}`, () => expect(isPhone(value)).to.equal(false));
  });

  describe('validateNewTicket', () => {
    it('accepts a complete flow-1 ticket (subject, no category)', () => {
      expect(validateNewTicket(validTicket, seedConfig, { needsCategory: false })).to.deep.equal([]);
    });

    it('accepts a complete flow-2/3 ticket with category and subcategory', () => {
      const input = { ...validTicket, categoryId: 'signing', subcategoryId: 'sending' };
      expect(validateNewTicket(input, seedConfig, { needsCategory: true })).to.deep.equal([]);
    });

    it('reports every missing field at once, in form order', () => {
      expect(validateNewTicket({}, seedConfig, { needsCategory: true })).to.deep.equal([
        { field: 'categoryId', code: 'required' },
        { field: 'subcategoryId', code: 'required' },
        { field: 'subject', code: 'required' },
        { field: 'productId', code: 'required' },
        { field: 'description', code: 'required' },
        { field: 'contactMethod', code: 'required' },
      ]);
    });

    it('does not ask for category or subcategory in a flow that classifies by subject', () => {
      const errors = validateNewTicket({ ...validTicket, categoryId: undefined }, seedConfig, { needsCategory: false });
      expect(errors).to.deep.equal([]);
    });

    it('requires the subcategory too once a category is chosen', () => {
      const errors = validateNewTicket({ ...validTicket, categoryId: 'signing' }, seedConfig, { needsCategory: true });
      expect(errors).to.deep.equal([{ field: 'subcategoryId', code: 'required' }]);
    });

    it('treats whitespace-only subject and description as missing', () => {
      const errors = validateNewTicket({ ...validTicket, subject: '   ', description: '\n\t' }, seedConfig, {
        needsCategory: false,
      });
      expect(errors).to.deep.equal([
        { field: 'subject', code: 'required' },
        { field: 'description', code: 'required' },
      ]);
    });

    it('accepts a subject of exactly maxLengths.subject characters and rejects one more', () => {
      const max = seedConfig.maxLengths.subject;
      expect(validateNewTicket({ ...validTicket, subject: 'x'.repeat(max) }, seedConfig, { needsCategory: false })).to.deep.equal(
        [],
      );
      expect(
        validateNewTicket({ ...validTicket, subject: 'x'.repeat(max + 1) }, seedConfig, { needsCategory: false }),
      ).to.deep.equal([{ field: 'subject', code: 'too_long' }]);
    });

    it('measures length after trimming the surrounding whitespace', () => {
      const subject = `  ${'x'.repeat(seedConfig.maxLengths.subject)}  `;
      expect(validateNewTicket({ ...validTicket, subject }, seedConfig, { needsCategory: false })).to.deep.equal([]);
    });

    it('rejects a description over maxLengths.description', () => {
      const description = 'y'.repeat(seedConfig.maxLengths.description + 1);
      expect(validateNewTicket({ ...validTicket, description }, seedConfig, { needsCategory: false })).to.deep.equal([
        { field: 'description', code: 'too_long' },
      ]);
    });

    it('accepts both contact methods of the seed (email, online support center)', () => {
      for (const contactMethod of ['email', 'portal'] as const)
        expect(validateNewTicket({ ...validTicket, contactMethod }, seedConfig, { needsCategory: false })).to.deep.equal([]);
    });

    it('rejects an unknown contact method with invalid_choice', () => {
      const input = untrusted<Partial<NewTicket>>({ ...validTicket, contactMethod: 'fax' });
      expect(validateNewTicket(input, seedConfig, { needsCategory: false })).to.deep.equal([
        { field: 'contactMethod', code: 'invalid_choice' },
      ]);
    });
  });

  describe('validateComment', () => {
    it('accepts a comment', () => {
      expect(validateComment('Here is the envelope ID.', seedConfig)).to.deep.equal([]);
    });

    it('requires some text', () => {
      expect(validateComment('', seedConfig)).to.deep.equal([{ field: 'comment', code: 'required' }]);
      expect(validateComment('  \n ', seedConfig)).to.deep.equal([{ field: 'comment', code: 'required' }]);
    });

    it('accepts exactly maxLengths.comment characters and rejects one more', () => {
      const max = seedConfig.maxLengths.comment;
      expect(validateComment('c'.repeat(max), seedConfig)).to.deep.equal([]);
      expect(validateComment('c'.repeat(max + 1), seedConfig)).to.deep.equal([{ field: 'comment', code: 'too_long' }]);
    });
  });

  describe('validateEmailField', () => {
    it('returns nothing for a valid email', () => {
      expect(validateEmailField('watcher', 'ana@example.com')).to.deep.equal([]);
    });

    it('returns required for an empty or blank value, on the named field', () => {
      expect(validateEmailField('watcher', '')).to.deep.equal([{ field: 'watcher', code: 'required' }]);
      expect(validateEmailField('watcher', '  ')).to.deep.equal([{ field: 'watcher', code: 'required' }]);
    });

    it('returns invalid_email for a malformed value', () => {
      expect(validateEmailField('watcher', 'ana@')).to.deep.equal([{ field: 'watcher', code: 'invalid_email' }]);
    });
  });

  describe('validatePhone', () => {
    it('returns nothing for a valid phone number', () => {
      expect(validatePhone('phone', '+1 555 123 4567')).to.deep.equal([]);
    });

    it('returns required for an empty or blank value', () => {
      expect(validatePhone('phone', '')).to.deep.equal([{ field: 'phone', code: 'required' }]);
      expect(validatePhone('phone', ' \t')).to.deep.equal([{ field: 'phone', code: 'required' }]);
    });

    it('returns invalid_phone for too few digits or letters', () => {
      expect(validatePhone('phone', '12345')).to.deep.equal([{ field: 'phone', code: 'invalid_phone' }]);
      expect(validatePhone('phone', 'tomorrow')).to.deep.equal([{ field: 'phone', code: 'invalid_phone' }]);
    });
  });

  describe('isAcceptedType', () => {
    const limits = seedConfig.attachments;

    it('accepts by extension, whatever the case of the file name', () => {
      for (const name of ['a.pdf', 'SCAN.PDF', 'photo.JPeG', 'trace.log', 'archive.tar.zip', 'report.v2.docx'])
        expect(isAcceptedType(file(name), limits), name).to.equal(true);
    });

    it('rejects extensions outside the list, even with a familiar MIME type', () => {
      expect(isAcceptedType(file('setup.exe', 'application/pdf'), limits)).to.equal(false);
      expect(isAcceptedType(file('image.webp', 'image/webp'), limits)).to.equal(false);
    });

    it('matches the extension at the end only (no "pdf" in the middle, no bare name)', () => {
      expect(isAcceptedType(file('a.pdf.exe'), limits)).to.equal(false);
      expect(isAcceptedType(file('pdf'), limits)).to.equal(false);
    });

    describe('with a custom limits object that lists MIME types', () => {
      const custom: AttachmentLimits = { maxBytes: 100, maxFiles: 2, accept: ['.txt', 'application/pdf', 'image/*'] };

      it('accepts an exact MIME type whatever the name', () => {
        expect(isAcceptedType(file('no-extension', 'application/pdf'), custom)).to.equal(true);
      });

      it('accepts any subtype under an "image/*" rule', () => {
        for (const type of ['image/png', 'image/webp', 'image/svg+xml'])
          expect(isAcceptedType(file('pic', type), custom), type).to.equal(true);
      });

      it('the "image/*" rule does not match other top-level types or look-alikes', () => {
        expect(isAcceptedType(file('clip', 'video/mp4'), custom)).to.equal(false);
        expect(isAcceptedType(file('x', 'imagex/png'), custom)).to.equal(false);
        expect(isAcceptedType(file('x', 'image'), custom)).to.equal(false);
      });

      it('an exact MIME rule does not match a different subtype', () => {
        expect(isAcceptedType(file('doc', 'application/pdfx'), custom)).to.equal(false);
      });

      it('a file with no MIME type is judged by its extension only', () => {
        expect(isAcceptedType(file('notes.txt', ''), custom)).to.equal(true);
        expect(isAcceptedType(file('notes.md', ''), custom)).to.equal(false);
      });
    });
  });

  describe('validateFile', () => {
    const limits = seedConfig.attachments;

    it('accepts a small allowed file when there is room', () => {
      expect(validateFile(file('a.pdf', 'application/pdf', 10), limits, 0)).to.deep.equal([]);
    });

    it('accepts a file of exactly maxBytes and rejects one byte more (file_too_large)', () => {
      expect(validateFile(file('a.pdf', '', limits.maxBytes), limits, 0)).to.deep.equal([]);
      expect(validateFile(file('a.pdf', '', limits.maxBytes + 1), limits, 0)).to.deep.equal([
        { field: 'attachments', code: 'file_too_large' },
      ]);
    });

    it('accepts an empty file (size 0)', () => {
      expect(validateFile(file('empty.txt', '', 0), limits, 0)).to.deep.equal([]);
    });

    it('rejects an unlisted type with file_type', () => {
      expect(validateFile(file('virus.exe', 'application/x-msdownload'), limits, 0)).to.deep.equal([
        { field: 'attachments', code: 'file_type' },
      ]);
    });

    it('accepts the last allowed file (maxFiles - 1 already attached) and refuses the next (too_many_files)', () => {
      expect(validateFile(file('a.pdf'), limits, limits.maxFiles - 1)).to.deep.equal([]);
      expect(validateFile(file('a.pdf'), limits, limits.maxFiles)).to.deep.equal([
        { field: 'attachments', code: 'too_many_files' },
      ]);
    });

    it('reports one problem at a time: count first, then type, then size', () => {
      const hugeExe = file('x.exe', '', limits.maxBytes * 2);
      expect(validateFile(hugeExe, limits, limits.maxFiles)[0]?.code).to.equal('too_many_files');
      expect(validateFile(hugeExe, limits, 0)).to.deep.equal([{ field: 'attachments', code: 'file_type' }]);
    });

    it('honours a custom limits object', () => {
      const custom: AttachmentLimits = { maxBytes: 100, maxFiles: 1, accept: ['image/*'] };
      expect(validateFile(file('p', 'image/png', 100), custom, 0)).to.deep.equal([]);
      expect(validateFile(file('p', 'image/png', 101), custom, 0)[0]?.code).to.equal('file_too_large');
      expect(validateFile(file('p', 'image/png', 1), custom, 1)[0]?.code).to.equal('too_many_files');
      expect(validateFile(file('p.pdf', 'application/pdf', 1), custom, 0)[0]?.code).to.equal('file_type');
    });
  });

  describe('validateSignInHelp (the can\'t-sign-in form, no sign-in required)', () => {
    const valid = { name: 'Ana', email: 'ana@example.com', areaId: 'seal', description: 'Locked out.' };

    it('accepts a complete request for either area', () => {
      expect(validateSignInHelp(valid, seedConfig)).to.deep.equal([]);
      expect(validateSignInHelp({ ...valid, areaId: 'esign' }, seedConfig)).to.deep.equal([]);
    });

    it('reports every missing field, in form order', () => {
      expect(validateSignInHelp({}, seedConfig)).to.deep.equal([
        { field: 'name', code: 'required' },
        { field: 'email', code: 'required' },
        { field: 'areaId', code: 'required' },
        { field: 'description', code: 'required' },
      ]);
    });

    it('rejects a malformed email', () => {
      expect(validateSignInHelp({ ...valid, email: 'ana' }, seedConfig)).to.deep.equal([
        { field: 'email', code: 'invalid_email' },
      ]);
    });

    it('rejects an area the config does not have', () => {
      const errors = validateSignInHelp({ ...valid, areaId: 'nope' }, seedConfig);
      expect(errors.map((e) => e.field)).to.deep.equal(['areaId']);
    });

    it('limits the name to 200 characters', () => {
      expect(validateSignInHelp({ ...valid, name: 'n'.repeat(200) }, seedConfig)).to.deep.equal([]);
      expect(validateSignInHelp({ ...valid, name: 'n'.repeat(201) }, seedConfig)).to.deep.equal([
        { field: 'name', code: 'too_long' },
      ]);
    });

    it('limits the description to maxLengths.description', () => {
      const description = 'd'.repeat(seedConfig.maxLengths.description + 1);
      expect(validateSignInHelp({ ...valid, description }, seedConfig)).to.deep.equal([
        { field: 'description', code: 'too_long' },
      ]);
    });
  });

  it('every code a validator returns is a declared ValidationCode', () => {
    const limits = seedConfig.attachments;
    const produced = [
      ...validateNewTicket(untrusted<Partial<NewTicket>>({ subject: 'x'.repeat(999), contactMethod: 'fax' }), seedConfig, {
        needsCategory: true,
      }),
      ...validateComment('', seedConfig),
      ...validateEmailField('e', 'x'),
      ...validatePhone('p', 'x'),
      ...validateFile(file('a.exe'), limits, 0),
      ...validateFile(file('a.pdf', '', limits.maxBytes + 1), limits, 0),
      ...validateFile(file('a.pdf'), limits, limits.maxFiles),
      ...validateSignInHelp({}, seedConfig),
    ].map((e) => e.code);
    for (const code of produced) expect(VALIDATION_CODES).to.include(code);
    expect(new Set(produced)).to.have.all.keys(
      'required',
      'too_long',
      'invalid_choice',
      'invalid_email',
      'invalid_phone',
      'file_type',
      'file_too_large',
      'too_many_files',
    );
  });
});
