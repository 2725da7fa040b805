// Two production builds, selected by mode (scripts/build.mjs runs both):
//   vite build --mode lib     -> dist/lib: one ES module per source module (src/index.ts and
//                                src/define/*.ts as entries), dependencies left external.
//   vite build --mode bundle  -> dist/bundle/support-elements.js: src/bundle.ts with
//                                everything inlined and minified; lazy locale chunks beside it.
// Decorators are legacy ones (TOOLCHAIN.md pitfall 1): the TypeScript transform reads
// experimentalDecorators from tsconfig.json, and scripts/build.mjs checks no `@decorator`
// syntax is left in the output.
import { readdirSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { messageIds, numberMessageIds } from './scripts/lib/message-ids.mjs';
import { packLocaleModule } from './scripts/lib/packed-locales.mjs';
import { preWhitespaceClasses, squeezeTemplates } from './scripts/lib/squeeze-templates.mjs';

const external = /^(lit|lit-html|lit-element|@lit|@lit-labs|@floating-ui\/dom)(\/|$)/;

function libEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: 'src/index.ts', bundle: 'src/bundle.ts' };
  let defines: string[] = [];
  try {
    defines = readdirSync('src/define').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  } catch {
    // no src/define yet
  }
  for (const file of defines) entries[`define/${file.slice(0, -3)}`] = `src/define/${file}`;
  return entries;
}

// `desc` of a msg() call is for translators: lit-localize reads it from the source, the runtime
// never does. Every desc is one string literal on one line (scripts/build.mjs checks none is
// left in the output), so removing `, desc: '...'` is exact.
const MESSAGE_DESCRIPTION = /,\s*desc:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)/g;

function stripMessageDescriptions(): Plugin {
  return {
    name: 'strip-message-descriptions',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('desc:')) return null;
      return { code: code.replace(MESSAGE_DESCRIPTION, ''), map: null };
    },
  };
}

// The bundle's chunks (measured with `npm run size`, issue 15). Left to itself the bundler
// makes one chunk per set of importers (a dozen here, several under 1 KB), and each chunk is
// compressed on its own: 69.6 KB brotli in all against 57 KB for one file. These instead:
// - the first view (`$initial`: what the entry imports statically, i.e. `<support-contact>`
//   and what it shares with the rest): in the entry chunk;
// - floating-ui: its own chunk, loaded on a popup's first open where CSS anchor positioning
//   is missing (src/controllers/popup-position.ts);
// - the message id table (shortMessageIds below), loaded by registerTranslations;
// - `steps`: every other element (forms, case list and case view, sign-in), loaded together
//   by src/define/lazy.ts, and the popups' positioning code (a chunk of its own measured
//   778 B brotli and +315 B in all; `steps` loads at the first pointer or key event anyway,
//   before a click can open a popup). Locales stay one chunk each.
const notLocale = (id: string) => !/generated\/locales\//.test(id);
const BUNDLE_CHUNKS = [
  { name: 'support-elements-core', tags: ['$initial' as const], priority: 3 },
  { name: 'floating-ui', test: /@floating-ui/, priority: 2 },
  { name: 'message-index', test: /support-elements:message-index/, priority: 2 },
  { name: 'steps', test: notLocale, priority: 1 },
];

// The pseudo-locale (en-XA, src/localization/pseudo-locale.ts) is for developers and the demo
// (the dev server), not for adopters: production builds get an empty message table for it, so
// an element asked for en-XA there shows the source (English) messages, and the 6 KB chunk
// of accented messages ships nowhere.
function pseudoLocaleOutOfProduction(): Plugin {
  return {
    name: 'pseudo-locale-out-of-production',
    enforce: 'pre',
    load(id) {
      if (!/\/src\/localization\/generated\/locales\/en-XA\.ts$/.test(id)) return null;
      return 'export const templates = {};\n';
    },
  };
}

// Numbered message ids in the single-file bundle (scripts/lib/message-ids.mjs): msg() calls
// get `id: '12'` instead of `id: 'contact.heading'`, locale modules become arrays, and
// src/localization/message-index.ts loads the readable → number table for registerTranslations
// (its own chunk, fetched only when a host registers translations). Measured with `npm run
// size`: a locale chunk 6,329 → about 4,000 B brotli (ids and `email.*` gone). Each locale is
// then one packed string (scripts/lib/packed-locales.mjs): de 4,330 → 4,059 B, fr 4,316 → 4,057 B.
const MESSAGE_INDEX = '\0support-elements:message-index';
function shortMessageIds(): Plugin {
  const ids = messageIds();
  const index = new Map(ids.map((id, number) => [id, number]));
  return {
    name: 'short-message-ids',
    enforce: 'pre',
    resolveId(source) {
      return source === MESSAGE_INDEX ? MESSAGE_INDEX : null;
    },
    load(id) {
      if (id === MESSAGE_INDEX) {
        return `export default new Map(${JSON.stringify(ids)}.map((id, number) => [id, String(number)]));\n`;
      }
      if (/\/src\/localization\/message-index\.ts$/.test(id)) {
        return `export const loadMessageIndex = () => import(${JSON.stringify(MESSAGE_INDEX)}).then((module) => module.default);\n`;
      }
      return null;
    },
    transform(code, id) {
      if (/\/src\/localization\/generated\/locales\/[\w-]+\.ts$/.test(id)) {
        return code.includes('export const templates = {')
          ? { code: packLocaleModule(code, index), map: null }
          : null;
      }
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('msg(')) return null;
      return { code: numberMessageIds(code, index), map: null };
    },
  };
}

// A locale chunk is one string (scripts/lib/packed-locales.mjs): its source map maps that line
// to the generated module as lit-localize wrote it, before packing, so it tells a debugger
// nothing; its `sourceMappingURL` comment was about 35 B brotli of each 4 KB locale chunk.
function noLocaleSourceMaps(): Plugin {
  return {
    name: 'no-locale-source-maps',
    generateBundle(_options, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk' || !output.facadeModuleId || notLocale(output.facadeModuleId)) continue;
        output.code = output.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
        output.map = null;
        delete bundle[`${file}.map`];
      }
    },
  };
}

// A locale chunk's packed string with real line breaks, as a template literal: terser writes it
// as a quoted string with a `\n` per message (oxc did not), de 4,059 → 4,103 B brotli, over the
// locale budget. packed-locales.mjs allows no backtick, backslash or brace-dollar in a message,
// so the literal means the same string.
function localeLineBreaks(): Plugin {
  return {
    name: 'locale-line-breaks',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.facadeModuleId || notLocale(output.facadeModuleId)) continue;
        output.code = output.code.replace(/^var (\w+)="((?:[^"\\\n]|\\.)*)";/, (whole, name: string, body: string) => {
          let text: unknown;
          try {
            text = JSON.parse(`"${body}"`);
          } catch {
            return whole; // an escape JSON does not know: left as terser wrote it
          }
          return typeof text === 'string' && !/[`\\]|\$\{/.test(text) ? `var ${name}=\`${text}\`;` : whole;
        });
      }
    },
  };
}

// html`` and css`` templates without their indentation (scripts/lib/squeeze-templates.mjs says
// what is kept); the minifier leaves template literals as written. Measured with `npm run size`:
// first view 30,555 → 29,964, everything 74,367 → 72,967 B brotli.
function squeezeHtmlAndCss(): Plugin {
  const preClasses = preWhitespaceClasses('src');
  return {
    name: 'squeeze-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || /\/generated\//.test(id)) return null;
      return squeezeTemplates(code, id, preClasses);
    },
  };
}

// Vite wraps each dynamic import of a non-library build in its preload helper, which adds
// <link rel=modulepreload> for the chunk's dependencies and CSS: with `modulePreload: false` and
// no CSS files, every dependency list here is empty, yet the helper (1.5 KB minified) ships in
// the first view. A plain call of the loader instead: first view and everything −543 B brotli
// (29,964 → 29,421 and 72,967 → 72,424). Its `vite:preloadError` event goes with it; a failed
// import still rejects as before.
const PRELOAD_HELPER = '\0vite/preload-helper.js';
function noPreloadHelper(): Plugin {
  return {
    name: 'no-preload-helper',
    enforce: 'pre',
    load(id) {
      return id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();\n' : null;
    },
  };
}

// lit-localize looks a message up by its `id` option, or by a hash of its text when it has
// none (the FNV-1a code, 0.6 KB minified, in the first view). Every msg() call here passes an
// id, and every translation is keyed by one (scripts/lib/message-ids.mjs numbers them all), so
// a message without one could only ever show its English text: the bundle's lookup skips the
// hash (test/node/message-ids-explicit.test.ts keeps every call with an id). First view
// 29,421 → 29,206, everything 72,424 → 72,209 B brotli.
const ID_GENERATION = /\/node_modules\/@lit\/localize\/internal\/id-generation\.js$/;
function noMessageHashes(): Plugin {
  return {
    name: 'no-message-hashes',
    enforce: 'pre',
    load(id) {
      return ID_GENERATION.test(id) ? "export const HASH_DELIMITER = '\\x1e';\nexport const generateMsgId = () => '';\n" : null;
    },
  };
}

const common: UserConfig = {
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    modulePreload: false,
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      ...common,
      plugins: [
        pseudoLocaleOutOfProduction(),
        squeezeHtmlAndCss(),
        shortMessageIds(),
        stripMessageDescriptions(),
        noLocaleSourceMaps(),
        localeLineBreaks(),
        noPreloadHelper(),
        noMessageHashes(),
      ],
      build: {
        ...common.build,
        outDir: 'dist/bundle',
        emptyOutDir: true,
        // Terser, three passes, safe options only: everything 64,323 → 63,930 B brotli against
        // Vite's default (oxc); with unsafe_arrows and unsafe_methods 63,885 B, not worth a
        // changed `this` or `.prototype` (npm run size).
        minify: 'terser',
        terserOptions: { ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: false } },
        sourcemap: true,
        rolldownOptions: {
          input: { 'support-elements': 'src/bundle.ts' },
          preserveEntrySignatures: 'allow-extension',
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: { groups: BUNDLE_CHUNKS },
          },
        },
      },
    };
  }
  if (mode === 'lib') {
    return {
      ...common,
      plugins: [pseudoLocaleOutOfProduction(), squeezeHtmlAndCss(), stripMessageDescriptions()],
      build: {
        ...common.build,
        outDir: 'dist/lib',
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        lib: { entry: libEntries(), formats: ['es'] },
        rolldownOptions: {
          external: (id: string) => external.test(id),
          output: {
            preserveModules: true,
            preserveModulesRoot: 'src',
            entryFileNames: '[name].js',
          },
        },
      },
    };
  }
  // Dev server / demo (scripts/start.mjs, written later) uses the defaults.
  return { ...common };
});
