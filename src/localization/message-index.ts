/**
 * How `registerTranslations` finds the ids the elements' msg() calls use. In the sources (dev
 * server, tests, dist/lib) they are the readable ids themselves (`contact.heading`), and
 * there is nothing to load. The single-file bundle numbers them (vite.config.ts
 * `shortMessageIds`, scripts/lib/message-ids.mjs) and replaces this module with one whose
 * loader fetches the readable id → number table, on a host's first `registerTranslations`.
 */
export const loadMessageIndex: (() => Promise<ReadonlyMap<string, string>>) | undefined = undefined;
