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

const external = /^(lit|lit-html|lit-element|@lit|@lit-labs|@floating-ui\/dom)(\/|$)/;

function libEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: 'src/index.ts' };
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
      plugins: [stripMessageDescriptions()],
      build: {
        ...common.build,
        outDir: 'dist/bundle',
        emptyOutDir: true,
        minify: true,
        sourcemap: true,
        rolldownOptions: {
          input: { 'support-elements': 'src/bundle.ts' },
          preserveEntrySignatures: 'strict',
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
          },
        },
      },
    };
  }
  if (mode === 'lib') {
    return {
      ...common,
      plugins: [stripMessageDescriptions()],
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
