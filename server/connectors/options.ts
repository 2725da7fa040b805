/**
 * The connector flags of server/main.ts, checked before anything listens (like `--case-url`):
 *   --connector sqlite|freshdesk|zendesk                              (default sqlite)
 *   --freshdesk-domain acme --freshdesk-key-file key.txt [--freshdesk-url URL]
 *   --zendesk-subdomain acme --zendesk-email agent@acme.com --zendesk-token-file t.txt [--zendesk-url URL]
 * Keys and tokens are read from files (never from the command line, which `ps` shows) and only
 * ever go into the helpdesk's Authorization header. `--*-url` replaces the helpdesk's address
 * (tests point it at a mock). `checkConnectorFlags` throws an Error whose message is the reason.
 */
import { readFileSync } from 'node:fs';
import { CONNECTOR_NAMES, type ConnectorName } from './types.js';

export type ConnectorSpec =
  | { readonly name: 'sqlite' }
  | { readonly name: 'freshdesk'; readonly baseUrl: string; readonly apiKey: string }
  | { readonly name: 'zendesk'; readonly baseUrl: string; readonly email: string; readonly token: string };

export interface ConnectorFlags {
  readonly connector?: string | undefined;
  readonly 'freshdesk-domain'?: string | undefined;
  readonly 'freshdesk-key-file'?: string | undefined;
  readonly 'freshdesk-url'?: string | undefined;
  readonly 'zendesk-subdomain'?: string | undefined;
  readonly 'zendesk-email'?: string | undefined;
  readonly 'zendesk-token-file'?: string | undefined;
  readonly 'zendesk-url'?: string | undefined;
}

const FLAGS_OF: Readonly<Record<ConnectorName, readonly (keyof ConnectorFlags)[]>> = {
  sqlite: [],
  freshdesk: ['freshdesk-domain', 'freshdesk-key-file', 'freshdesk-url'],
  zendesk: ['zendesk-subdomain', 'zendesk-email', 'zendesk-token-file', 'zendesk-url'],
};

/** A helpdesk subdomain: letters, digits and inner hyphens (`acme` of acme.freshdesk.com). */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const isName = (v: string): v is ConnectorName => (CONNECTOR_NAMES as readonly string[]).includes(v);

function secretFrom(flag: string, path: string | undefined): string {
  if (path === undefined) throw new Error(`--${flag} is required: a file holding the key (its first line).`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--${flag}: cannot read ${path}.`);
  }
  const secret = text.split(/\r?\n/)[0]?.trim() ?? '';
  // Never quote the file's content: it is the secret.
  if (!secret) throw new Error(`--${flag}: ${path} is empty.`);
  return secret;
}

function baseUrlOf(urlFlag: string, url: string | undefined, subdomainFlag: string, subdomain: string | undefined, host: string): string {
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`--${urlFlag} must be an absolute http:// or https:// URL (got "${url}").`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`--${urlFlag} must be an http:// or https:// URL (got "${url}").`);
    return parsed.origin;
  }
  if (subdomain === undefined) throw new Error(`--${subdomainFlag} is required (acme for acme.${host}), or --${urlFlag}.`);
  if (!SUBDOMAIN.test(subdomain)) throw new Error(`--${subdomainFlag} must be the subdomain alone, e.g. acme for acme.${host} (got "${subdomain}").`);
  return `https://${subdomain.toLowerCase()}.${host}`;
}

export function checkConnectorFlags(flags: ConnectorFlags): ConnectorSpec {
  const name = flags.connector ?? 'sqlite';
  if (!isName(name)) throw new Error(`--connector must be one of ${CONNECTOR_NAMES.join(', ')} (got "${name}").`);
  for (const [other, owned] of Object.entries(FLAGS_OF)) {
    if (other === name) continue;
    const stray = owned.find((flag) => flags[flag] !== undefined);
    if (stray) throw new Error(`--${stray} belongs to --connector ${other} (this server runs --connector ${name}).`);
  }
  if (name === 'sqlite') return { name };
  if (name === 'freshdesk') {
    const baseUrl = baseUrlOf('freshdesk-url', flags['freshdesk-url'], 'freshdesk-domain', flags['freshdesk-domain'], 'freshdesk.com');
    return { name, baseUrl, apiKey: secretFrom('freshdesk-key-file', flags['freshdesk-key-file']) };
  }
  const baseUrl = baseUrlOf('zendesk-url', flags['zendesk-url'], 'zendesk-subdomain', flags['zendesk-subdomain'], 'zendesk.com');
  const email = flags['zendesk-email']?.trim();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error('--zendesk-email is required: the agent whose API token --zendesk-token-file holds.');
  return { name, baseUrl, email, token: secretFrom('zendesk-token-file', flags['zendesk-token-file']) };
}
