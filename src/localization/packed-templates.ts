/**
 * The single-file bundle ships each locale as one string (scripts/lib/packed-locales.mjs,
 * vite.config.ts `shortMessageIds`): the messages in short-id order, one a line, `{}` for the
 * next expression and `{n}` for expression n out of order; an empty line is a message the
 * language lacks (English shown). Per-message quotes, `str` tags and `${n}` cost about 6% of a
 * locale chunk after brotli: de 4,330 → 4,059 B, fr 4,316 → 4,057 B with this and short ids
 * sorted by English text (scripts/lib/message-ids.mjs). localization.ts unpacks a locale here
 * into what lit-localize's runtime expects: strings, and `str` results whose values are
 * expression numbers.
 */
import type { LocaleModule, StrResult } from '@lit/localize';

export const PACKED_SEPARATOR = '\n';

/** A locale module of the single-file bundle; the sources' ones export `templates`. */
export interface PackedLocaleModule {
  packed: string;
}

export function unpackTemplates(packed: string): LocaleModule['templates'] {
  const templates: LocaleModule['templates'] = {};
  packed.split(PACKED_SEPARATOR).forEach((message, id) => {
    if (message === '') return;
    const parts = message.split(/\{(\d*)\}/);
    if (parts.length === 1) {
      templates[id] = message;
      return;
    }
    const strings: string[] = [];
    const values: number[] = [];
    parts.forEach((part, i) => {
      if (i % 2 === 0) strings.push(part);
      else values.push(part === '' ? values.length : Number(part));
    });
    const result: StrResult = { strTag: true, strings: Object.assign(strings, { raw: strings }), values };
    templates[id] = result;
  });
  return templates;
}
