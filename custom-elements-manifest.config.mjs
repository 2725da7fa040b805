// custom-elements.json for editors, Storybook-like tools and docs (`npm run build` runs it).
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/localization/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
