// Whitespace squeezing of the elements' html`` and css`` templates at build time (issue 15,
// vite.config.ts `squeezeTemplates`). The minifier leaves template literals as written, so the
// bundle shipped every line's indentation of every template: about 900 B brotli in all.
//
// Meaning is kept: in html, a run of whitespace becomes one space (never nothing: a space
// between two inline elements is visible), except inside <pre> and <textarea> and in the text
// directly inside an element whose class some css`` of src/ sets to `white-space: pre*`; author
// comments go. In css, comments go, runs become one space, and the spaces around `{`, `}`, `;`
// and after `:` and `,` go (a space before `:` stays: `a :hover` is a descendant selector);
// quoted strings are kept. Expressions (`${...}`) are left alone, and templates inside them are
// squeezed on their own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MagicString from 'magic-string';
import ts from 'typescript';

/** Marks an expression's place while a template's pieces are squeezed as one text. */
const HOLE = '\u0000';

/**
 * @param {string} text
 * @param {ReadonlySet<string>} preClasses
 */
function squeezeHtmlText(text, preClasses) {
  const verbatim = /<(pre|textarea)\b[\s\S]*?<\/\1\s*>/y;
  const openTag = /<[a-zA-Z][^>]*>/y;
  // Whitespace and author comments as one run: one space if it holds whitespace, else nothing.
  const space = /(?:\s|<!--[^\0]*?-->)+/y;
  let out = '';
  let i = 0;
  while (i < text.length) {
    /** @type {RegExpExecArray | null} */
    let match;
    for (const re of [verbatim, openTag, space]) re.lastIndex = i;
    if ((match = verbatim.exec(text))) {
      out += match[0];
    } else if ((match = openTag.exec(text))) {
      const tag = match[0];
      out += unquoteAttributes(tag.replace(/\s+/g, ' '));
      const classes = /\bclass="([^"]*)"/.exec(tag)?.[1]?.split(/\s+/) ?? [];
      if (classes.some((name) => preClasses.has(name))) {
        // The element's own text, up to its first child tag or its end, stays as written.
        const end = text.indexOf('<', i + tag.length);
        const to = end < 0 ? text.length : end;
        out += text.slice(i + tag.length, to);
        i = to;
        continue;
      }
    } else if ((match = space.exec(text))) {
      out += /\s/.test(match[0]) ? ' ' : '';
    } else {
      out += text[i];
      i += 1;
      continue;
    }
    i += match[0].length;
  }
  return out;
}

// An attribute value of letters, digits, `-` and `_` needs no quotes (HTML's unquoted attribute
// value syntax; lit-html's template scanner reads it too): `type="button"` → `type=button`.
// Not before `/` or `>` after a `/`, which would join the value.
const QUOTED_WORD = /(\s[a-zA-Z][\w:.-]*)="([\w-]+)"(?=[\s>])/g;

/** @param {string} tag */
function unquoteAttributes(tag) {
  return tag.replace(QUOTED_WORD, '$1=$2');
}

/** @param {string} text */
function squeezeCssText(text) {
  // Leading and trailing whitespace of a style sheet means nothing.
  return text
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|(?:\s|\/\*[^\0]*?\*\/)+/g, (token) =>
      token.startsWith('"') || token.startsWith("'") ? token : ' ',
    )
    .replace(/^ | $/g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'| ?([{};]) ?|([:,]) /g, (token, around, after) =>
      around ? around : after ? after : token,
    )
    .replace(/;}/g, '}');
}

/**
 * A template's static pieces (raw text between expressions), squeezed; as many as given.
 * @param {'html' | 'css'} kind
 * @param {string[]} pieces
 * @param {ReadonlySet<string>} [preClasses]
 */
export function squeezePieces(kind, pieces, preClasses = new Set()) {
  const joined = pieces.join(HOLE);
  if (pieces.some((piece) => piece.includes(HOLE))) return pieces;
  const squeezed = kind === 'html' ? squeezeHtmlText(joined, preClasses) : squeezeCssText(joined);
  const out = squeezed.split(HOLE);
  return out.length === pieces.length ? out : pieces;
}

/**
 * Class names some css`` in these files sets to `white-space: pre`, `pre-wrap` or `pre-line`.
 * @param {string} dir
 * @returns {Set<string>}
 */
export function preWhitespaceClasses(dir) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const file of tsFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/([^{}]*)\{[^{}]*white-space:\s*pre/g)) {
      for (const name of (match[1] ?? '').matchAll(/\.([\w-]+)/g)) names.add(name[1] ?? '');
    }
  }
  return names;
}

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
    });
}

/**
 * The raw pieces of a tagged template: [start, end) offsets of the text between the backticks
 * and the expressions.
 * @param {ts.TemplateLiteral} template
 * @param {ts.SourceFile} file
 * @returns {Array<[number, number]>}
 */
function pieceRanges(template, file) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(file) + 1, template.end - 1]];
  /** @type {Array<[number, number]>} */
  const ranges = [[template.head.getStart(file) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    ranges.push([literal.getStart(file) + 1, literal.end - (ts.isTemplateMiddle(literal) ? 2 : 1)]);
  }
  return ranges;
}

/**
 * Source code with its html`` and css`` templates squeezed, and the source map of the change;
 * null when nothing changes.
 * @param {string} code
 * @param {string} id
 * @param {ReadonlySet<string>} [preClasses]
 * @returns {{ code: string, map: import('magic-string').SourceMap } | null}
 */
export function squeezeTemplates(code, id, preClasses = new Set()) {
  if (!code.includes('html`') && !code.includes('css`')) return null;
  const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new MagicString(code);
  let changed = false;
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const ranges = pieceRanges(node.template, file);
      const pieces = ranges.map(([start, end]) => code.slice(start, end));
      const squeezed = squeezePieces(node.tag.text, pieces, preClasses);
      ranges.forEach(([start, end], i) => {
        const text = squeezed[i] ?? '';
        if (text === pieces[i]) return;
        changed = true;
        if (start === end) out.appendLeft(start, text);
        else if (text === '') out.remove(start, end);
        else out.overwrite(start, end, text);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return changed ? { code: out.toString(), map: out.generateMap({ source: id, hires: true, includeContent: true }) } : null;
}
