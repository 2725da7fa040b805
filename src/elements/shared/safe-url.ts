/**
 * Whether a URL from a backend may be an `href`: http(s) only, plus `blob:` for files the
 * in-browser backend holds. Anything else (`javascript:`, `data:`) is shown as text.
 */
export function isSafeHref(url: string): boolean {
  try {
    return ['http:', 'https:', 'blob:'].includes(new URL(url, globalThis.location?.href).protocol);
  } catch {
    return false;
  }
}
