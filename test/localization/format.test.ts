// src/localization/format.ts (issue 15): Intl formatters are built once per (locale, options),
// and no formatter throws on a bad value (issue 11: an invalid date renders '', never RangeError).
import { expect } from '@open-wc/testing';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatIn,
  formatList,
  formatNumber,
  formatNumberWith,
  formatRelative,
  languageName,
  pluralCategory,
} from '../../src/localization/format.js';

/** Counts `new Intl.<name>(...)` calls while `body` runs. */
function countConstructions(name: 'DateTimeFormat' | 'NumberFormat' | 'RelativeTimeFormat' | 'ListFormat', body: () => void): number {
  const original = Intl[name];
  let count = 0;
  const counting = new Proxy(original, {
    construct(target, args: unknown[]) {
      count++;
      return Reflect.construct(target, args) as object;
    },
  });
  Object.defineProperty(Intl, name, { value: counting, configurable: true, writable: true });
  try {
    body();
  } finally {
    Object.defineProperty(Intl, name, { value: original, configurable: true, writable: true });
  }
  return count;
}

describe('format: cached formatters', () => {
  it('builds one DateTimeFormat per (locale, options), whatever the number of calls', () => {
    // A locale no other test formats in, so the cache starts empty for it.
    const built = countConstructions('DateTimeFormat', () => {
      for (let i = 0; i < 50; i++) formatDateTime(`2026-01-0${(i % 9) + 1}T10:00:00Z`, 'en-GB');
      for (let i = 0; i < 50; i++) formatDate('2026-01-01T10:00:00Z', 'en-GB');
    });
    expect(built).to.equal(2);
  });

  it('builds one NumberFormat per (locale, options) and one RelativeTimeFormat per locale', () => {
    const numbers = countConstructions('NumberFormat', () => {
      for (let i = 0; i < 20; i++) formatNumber(i, 'en-AU');
      for (let i = 0; i < 20; i++) formatBytes(2048 + i, 'en-AU');
    });
    expect(numbers).to.equal(2);
    const relative = countConstructions('RelativeTimeFormat', () => {
      for (let i = 0; i < 20; i++) formatRelative(new Date(Date.now() - i * 86_400_000), new Date(), 'en-AU');
    });
    expect(relative).to.equal(1);
  });

  it('builds one ListFormat per (locale, type), one "in N minutes" format and one per constant options', () => {
    const lists = countConstructions('ListFormat', () => {
      for (let i = 0; i < 20; i++) formatList(['eSignature', 'Rooms', 'CLM'], 'en-NZ', 'conjunction');
      for (let i = 0; i < 20; i++) formatList(['français', 'Deutsch'], 'en-NZ', 'disjunction');
    });
    expect(lists).to.equal(2);
    const waits = countConstructions('RelativeTimeFormat', () => {
      for (let i = 1; i < 20; i++) formatIn(i, 'minute', 'en-NZ');
    });
    expect(waits).to.equal(1);
    const megabytes: Intl.NumberFormatOptions = { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 };
    const sizes = countConstructions('NumberFormat', () => {
      for (let i = 0; i < 20; i++) formatNumberWith(20, 'en-NZ', megabytes);
      // Equal options in another object share the formatter too.
      formatNumberWith(20, 'en-NZ', { ...megabytes });
    });
    expect(sizes).to.equal(1);
  });

  it('words lists, waits and sizes as Intl does, per locale', () => {
    expect(formatList(['eSignature', 'Rooms', 'CLM'], 'en', 'conjunction')).to.equal('eSignature, Rooms, and CLM');
    expect(formatList(['anglais', 'allemand'], 'fr', 'disjunction')).to.equal('anglais ou allemand');
    expect(formatIn(1, 'minute', 'en')).to.equal('in 1 minute');
    expect(formatIn(3, 'hour', 'de')).to.equal(new Intl.RelativeTimeFormat('de', { numeric: 'always' }).format(3, 'hour'));
    expect(formatNumberWith(20, 'fr', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' })).to.equal(
      new Intl.NumberFormat('fr', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(20),
    );
    expect(formatNumberWith(Number.NaN, 'en', {})).to.equal('');
  });

  it('gives the same words as a fresh formatter, per locale', () => {
    const at = '2026-03-04T05:06:00Z';
    expect(formatDateTime(at, 'fr')).to.equal(
      new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    );
    expect(formatDateTime(at, 'ja')).to.equal(
      new Intl.DateTimeFormat('ja', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    );
    expect(formatDate(at, 'de')).to.equal(new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date(at)));
    expect(formatNumber(12345, 'de')).to.equal('12.345');
    expect(formatBytes(1536, 'en')).to.equal(
      new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(1.5),
    );
  });
});

describe('format: bad values never throw', () => {
  const bad = ['not a date', '', '2026-13-45T99:99:99Z'];

  it('formatDateTime / formatDate / formatRelative give "" for an invalid date', () => {
    for (const value of [...bad, new Date(Number.NaN)]) {
      expect(formatDateTime(value, 'en')).to.equal('');
      expect(formatDate(value, 'fr')).to.equal('');
      expect(formatRelative(value, new Date(), 'ja')).to.equal('');
    }
    expect(formatRelative(new Date(), new Date(Number.NaN), 'en')).to.equal('');
  });

  it('the date formatters accept a missing value (a case without a close date)', () => {
    expect(formatDateTime(undefined, 'en')).to.equal('');
    expect(formatDate(null, 'en')).to.equal('');
    expect(formatRelative(undefined, new Date(), 'en')).to.equal('');
  });

  it('formatBytes / formatNumber / pluralCategory give a neutral answer for a bad number', () => {
    expect(formatBytes(Number.NaN, 'en')).to.equal('');
    expect(formatBytes(-1, 'en')).to.equal('');
    expect(formatBytes(Number.POSITIVE_INFINITY, 'en')).to.equal('');
    expect(formatNumber(Number.NaN, 'en')).to.equal('');
    expect(pluralCategory(Number.NaN, 'en')).to.equal('other');
  });

  it('a malformed locale tag falls back to English instead of throwing', () => {
    expect(formatDate('2026-03-04T05:06:00Z', 'not_a_locale!')).to.equal(formatDate('2026-03-04T05:06:00Z', 'en'));
    expect(formatNumber(1000, 'not_a_locale!')).to.equal('1,000');
    expect(languageName('fr', 'not_a_locale!')).to.equal('French');
  });
});
