// The pseudo-locale: English made visibly "foreign" so untranslated, clipped or concatenated
// text shows up at a glance. Every letter accented, about 40% longer (words appended, so the
// text still wraps like prose), wrapped in ⟦…⟧ (a cut-off end shows), placeholders kept.
// Must stay equal to PSEUDO_LOCALE in src/localization/pseudo-locale.ts (a node test checks).

/** @typedef {import('./xliff.mjs').Piece} Piece */

export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

const FILLER = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'.split(' ');

/** @param {string} text */
export function accent(text) {
  return text.replace(/[a-zA-Z]/g, (c) => ACCENTED[/** @type {keyof typeof ACCENTED} */ (c)]);
}

/**
 * About 40% of `length` in filler words (at least one short word), led by a space.
 * @param {number} length
 */
function padding(length) {
  const wanted = Math.max(3, Math.round(length * 0.4));
  let out = '';
  for (let i = 0; out.length < wanted; i++) out += ` ${FILLER[i % FILLER.length]}`;
  return out;
}

/**
 * The pseudo-translation of a message's pieces.
 * @param {Piece[]} pieces
 * @returns {Piece[]}
 */
export function pseudoPieces(pieces) {
  const text = pieces.filter((p) => typeof p === 'string').join('');
  /** @type {Piece[]} */
  const out = ['⟦', ...pieces.map((p) => (typeof p === 'string' ? accent(p) : p))];
  out.push(`${padding(text.length)}⟧`);
  // Merge neighbouring text pieces.
  return out.reduce(
    /** @param {Piece[]} acc @param {Piece} p */
    (acc, p) => {
      const last = acc.at(-1);
      if (typeof p === 'string' && typeof last === 'string') acc[acc.length - 1] = last + p;
      else acc.push(p);
      return acc;
    },
    [],
  );
}
