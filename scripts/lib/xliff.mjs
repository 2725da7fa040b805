// Small XLIFF 1.2 reader/writer for the files lit-localize writes (locales/*.xlf): enough to
// check, stamp and fill <target> elements without an XML dependency. Used by
// scripts/i18n-check.mjs, scripts/i18n-merge.mjs and scripts/pseudo-locale.mjs.
//
// A message's content is a list of text pieces and placeholders. lit-localize writes each
// placeholder (a `${expression}` of str`...`, or markup of html`...`) as
// `<x id="N" equiv-text="…"/>`; translators move them but never change them. In the JSON
// form used by i18n-merge, `{N}` stands for `<x id="N" …/>`.

/** @typedef {{ id: string, equiv: string }} Placeholder */
/** @typedef {string | Placeholder} Piece */
/**
 * @typedef {object} Unit
 * @property {string} id
 * @property {string} source inner XML of <source>
 * @property {string | undefined} target inner XML of <target>, undefined when absent
 * @property {Record<string, string>} notes text of each <note>, by its `from` attribute
 */

/** The `from` of the note that records which English a translation was made from. */
export const STAMP_NOTE = 'translated-from';

/** @param {string} text */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, entity) => {
    const e = String(entity).toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** @param {string} text */
export function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** @param {string} text */
export function escapeAttribute(text) {
  return escapeText(text).replace(/"/g, '&quot;');
}

/**
 * @param {string} tag attributes part of a start tag
 * @returns {Record<string, string>}
 */
function attributes(tag) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

/**
 * The text of the file's `target-language` attribute.
 * @param {string} xml
 */
export function targetLanguage(xml) {
  const file = /<file\b([^>]*)>/.exec(xml);
  return file ? attributes(file[1] ?? '')['target-language'] : undefined;
}

const UNIT_RE = /<trans-unit\b([^>]*)>([\s\S]*?)<\/trans-unit>/g;

/**
 * @param {string} body inner XML of a trans-unit
 * @param {string} name element name
 * @returns {string | undefined} inner XML, '' for an empty or self-closed element
 */
function child(body, name) {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(body);
  return m ? (m[1] ?? '') : undefined;
}

/**
 * Every trans-unit of an XLIFF file, in file order.
 * @param {string} xml
 * @returns {Unit[]}
 */
export function parseUnits(xml) {
  /** @type {Unit[]} */
  const units = [];
  for (const m of xml.matchAll(UNIT_RE)) {
    const id = attributes(m[1] ?? '').id;
    const body = m[2] ?? '';
    if (!id) throw new Error(`a <trans-unit> has no id: ${m[0].slice(0, 80)}`);
    /** @type {Record<string, string>} */
    const notes = {};
    for (const n of body.matchAll(/<note\b([^>]*)>([\s\S]*?)<\/note>/g)) {
      notes[attributes(n[1] ?? '').from ?? ''] = decodeEntities(n[2] ?? '');
    }
    units.push({ id, source: child(body, 'source') ?? '', target: child(body, 'target'), notes });
  }
  return units;
}

/**
 * Text pieces and placeholders of a <source> or <target>.
 * @param {string} inner
 * @returns {Piece[]}
 */
export function parseContent(inner) {
  /** @type {Piece[]} */
  const pieces = [];
  const re = /<x\b([^>]*?)\/>|<ph\b([^>]*)>([\s\S]*?)<\/ph>|<([a-zA-Z][\w:-]*)\b/g;
  let last = 0;
  for (const m of inner.matchAll(re)) {
    const index = m.index ?? 0;
    if (index > last) pieces.push(decodeEntities(inner.slice(last, index)));
    if (m[4]) throw new Error(`unexpected <${m[4]}> inside a message (only <x/> placeholders are allowed)`);
    const attrs = attributes(m[1] ?? m[2] ?? '');
    pieces.push({ id: attrs.id ?? '', equiv: m[1] !== undefined ? (attrs['equiv-text'] ?? '') : decodeEntities(m[3] ?? '') });
    last = index + m[0].length;
  }
  if (last < inner.length) pieces.push(decodeEntities(inner.slice(last)));
  return pieces;
}

/**
 * The placeholders of a message, as a sorted list of `id=equiv-text` (order-free comparison).
 * @param {Piece[]} pieces
 */
export function placeholderKeys(pieces) {
  return pieces
    .filter((p) => typeof p !== 'string')
    .map((p) => `${p.id}=${p.equiv}`)
    .sort();
}

/**
 * Plain text of a message with `{N}` for placeholder N (the JSON form of i18n-merge).
 * @param {Piece[]} pieces
 */
export function toTemplate(pieces) {
  return pieces.map((p) => (typeof p === 'string' ? p : `{${p.id}}`)).join('');
}

/**
 * The visible text of a message (placeholders left out).
 * @param {Piece[]} pieces
 */
export function textOf(pieces) {
  return pieces.filter((p) => typeof p === 'string').join('');
}

/**
 * XML of a message's pieces.
 * @param {Piece[]} pieces
 */
export function toXml(pieces) {
  return pieces
    .map((p) => (typeof p === 'string' ? escapeText(p) : `<x id="${escapeAttribute(p.id)}" equiv-text="${escapeAttribute(p.equiv)}"/>`))
    .join('');
}

/**
 * Pieces of a `{N}` template, taking each placeholder from the source's pieces.
 * @param {string} template
 * @param {Piece[]} source
 * @returns {Piece[]}
 */
export function fromTemplate(template, source) {
  /** @type {Map<string, Placeholder>} */
  const byId = new Map();
  for (const p of source) if (typeof p !== 'string') byId.set(p.id, p);
  /** @type {Piece[]} */
  const pieces = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\d+)\}/g)) {
    const index = m.index ?? 0;
    const placeholder = byId.get(m[1] ?? '');
    if (!placeholder) throw new Error(`{${m[1]}} is not a placeholder of the source`);
    if (index > last) pieces.push(template.slice(last, index));
    pieces.push(placeholder);
    last = index + m[0].length;
  }
  if (last < template.length) pieces.push(template.slice(last));
  return pieces;
}

/** @typedef {{ target: string, stamp: string | undefined }} TargetUpdate */

/**
 * A copy of `xml` where each unit of `updates` has `<target>` = its `target` (XML) and, when
 * its `stamp` is given, a `<note from="translated-from">` recording the English the
 * translation was made from (an existing stamp is dropped otherwise). One pass over the file.
 * @param {string} xml
 * @param {Map<string, TargetUpdate>} updates
 */
export function setTargets(xml, updates) {
  const found = new Set();
  const targetRe = /<target\b[^>]*?(?:\/>|>[\s\S]*?<\/target>)/;
  const noteRe = new RegExp(`\\n?[ \\t]*<note\\b[^>]*from="${STAMP_NOTE}"[^>]*>[\\s\\S]*?</note>`);
  const out = xml.replace(UNIT_RE, (whole, attrs, body) => {
    const id = attributes(String(attrs)).id ?? '';
    const update = updates.get(id);
    if (!update) return whole;
    found.add(id);
    let b = String(body);
    const target = `<target>${update.target}</target>`;
    if (targetRe.test(b)) b = b.replace(targetRe, () => target);
    else b = b.replace(/(<\/source>|<source\b[^>]*\/>)/, (s) => `${s}\n  ${target}`);
    b = b.replace(noteRe, '');
    const stamp = update.stamp;
    if (stamp !== undefined) {
      b = b.replace(/\s*$/, (tail) => `\n  <note from="${STAMP_NOTE}">${escapeText(stamp)}</note>${tail}`);
    }
    return `<trans-unit${attrs}>${b}</trans-unit>`;
  });
  const missing = [...updates.keys()].filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`no unit ${missing.map((id) => `"${id}"`).join(', ')}`);
  return out;
}

/**
 * `setTargets` for one unit.
 * @param {string} xml
 * @param {string} id
 * @param {string} targetXml
 * @param {string | undefined} stamp
 */
export function setTarget(xml, id, targetXml, stamp) {
  return setTargets(xml, new Map([[id, { target: targetXml, stamp }]]));
}
