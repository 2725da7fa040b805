// custom-elements.json for editors, Storybook-like tools and docs (`npm run build` runs it).
//
// The element classes (src/elements) give members, attributes and the JSDoc (@fires, @slot,
// @csspart, @cssprop); the define modules (src/define) give the tag names, through their
// `customElements.define` calls. package.json already points at the file ("customElements"),
// so the analyzer does not rewrite package.json.
import { readFileSync } from 'node:fs';

/**
 * Event class → event name, read from src/events/events.ts
 * (`class XEvent extends Event { static readonly eventName = 'x'; ...`).
 * @returns {Map<string, string>}
 */
function eventNames() {
  const source = readFileSync(new URL('./src/events/events.ts', import.meta.url), 'utf8');
  const names = new Map();
  for (const match of source.matchAll(/class (\w+) extends Event \{\s*static readonly eventName = '([^']+)'/g)) {
    names.set(match[1], match[2]);
  }
  return names;
}

/**
 * @typedef {{ name?: string, description?: string, type?: { text: string } }} ManifestEvent
 * @typedef {{ kind: string, events?: ManifestEvent[] }} ManifestDeclaration
 */

/**
 * The analyzer also records each `this.dispatchEvent(new XEvent(arg))` it sees, naming the
 * event after the constructor's first argument (`article`, `ticket`) or not at all. This keeps
 * the events of the @fires tags only, each typed with its event class.
 */
function typedEventsPlugin() {
  return {
    name: 'support-elements:typed-events',
    /** @param {{ customElementsManifest: { modules: { declarations?: ManifestDeclaration[] }[] } }} options */
    packageLinkPhase({ customElementsManifest }) {
      const names = eventNames();
      const classOf = new Map([...names].map(([cls, name]) => [name, cls]));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.events) continue;
          /** @type {Map<string, ManifestEvent>} */
          const documented = new Map();
          for (const event of declaration.events) {
            if (!event.description || !event.name) continue;
            const cls = classOf.get(event.name);
            documented.set(event.name, { ...event, ...(cls ? { type: { text: cls } } : {}) });
          }
          declaration.events = [...documented.values()];
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/localization/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [typedEventsPlugin()],
};
