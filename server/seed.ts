/**
 * Demo data written at first start: three users (one with two accounts) and, for Alex, a case
 * in every state with a conversation, an attachment and a watcher.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPasswordSync } from './auth.js';
import type { Db } from './store.js';
import { countUsers, findUserByEmail, insertAttachment, insertComment, insertTicket, insertUser, insertWatcher, touchTicket } from './store.js';

export const DEMO_PASSWORD = 'correct horse battery';

interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly realm: 'product' | 'support_center';
  readonly accounts: readonly { readonly id: string; readonly name: string; readonly plan: 'free' | 'paid' }[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'alex@example.com', name: 'Alex Example', realm: 'product', accounts: [{ id: 'acc-alex', name: 'Alex Example Inc.', plan: 'paid' }] },
  {
    email: 'sam@example.com',
    name: 'Sam Sample',
    realm: 'product',
    accounts: [
      { id: 'acc-northwind', name: 'Northwind', plan: 'paid' },
      { id: 'acc-contoso', name: 'Contoso', plan: 'free' },
    ],
  },
  { email: 'pat@example.com', name: 'Pat Partner', realm: 'support_center', accounts: [{ id: 'acc-pat', name: 'Pat Partner Ltd.', plan: 'paid' }] },
];

const AGENT = { name: 'Morgan (Support)', email: 'morgan@support.example.com' };
const DAY = 24 * 60 * 60 * 1000;

export function seedIfEmpty(db: Db, dataDir: string, now: Date, withCases: boolean, scryptCost: number): void {
  if (countUsers(db) > 0) return;
  db.transaction(() => {
    for (const user of DEMO_USERS) {
      insertUser(db, { ...user, id: randomUUID(), passwordHash: hashPasswordSync(DEMO_PASSWORD, scryptCost) });
    }
    if (withCases) seedAlexCases(db, dataDir, now);
  })();
}

function seedAlexCases(db: Db, dataDir: string, now: Date): void {
  const at = (daysAgo: number): string => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const alex = { name: 'Alex Example', email: 'alex@example.com' };
  const base = { areaId: 'esign', accountId: 'acc-alex', requester: alex, locale: 'en' } as const;

  const closed = insertTicket(db, {
    ...base,
    productId: 'esignature',
    subject: 'Envelope stuck in "sending"',
    description: 'An envelope sent this morning still shows "sending".',
    status: 'open',
    contactMethod: 'email',
    at: at(20),
  });
  insertComment(db, closed, { author: AGENT, role: 'agent', body: 'The queue was delayed; it is fixed now.', via: 'web', at: at(19) });
  touchTicket(db, closed, 'pending', at(19), true);
  touchTicket(db, closed, 'closed', at(14), true);

  const open = insertTicket(db, {
    ...base,
    productId: 'esignature',
    subject: 'Signer did not receive the signing email',
    description: 'My signer says no email arrived for envelope 4711.',
    status: 'open',
    contactMethod: 'portal',
    at: at(3),
  });
  insertComment(db, open, { author: alex, role: 'user', body: 'The signer also checked the spam folder.', via: 'web', at: at(2) });
  touchTicket(db, open, 'open', at(2), true);
  const fileId = randomUUID();
  const content = Buffer.from('2024-05-01 10:00:01 send envelope 4711\n2024-05-01 10:00:02 mail queued\n', 'utf8');
  writeFileSync(join(dataDir, 'attachments', fileId), content);
  insertAttachment(db, {
    id: fileId,
    token: randomBytes(16).toString('base64url'),
    ownerUserId: findUserByEmail(db, alex.email)?.id ?? '',
    ticketNumber: open,
    name: 'send.log',
    size: content.length,
    contentType: 'text/plain; charset=utf-8',
    file: fileId,
    at: at(2),
  });
  insertWatcher(db, open, 'jamie@example.com', at(2));

  const actionRequired = insertTicket(db, {
    ...base,
    productId: 'rooms',
    subject: 'Cannot invite people to a room',
    description: 'The invite button is greyed out in my room.',
    status: 'open',
    contactMethod: 'portal',
    at: at(4),
  });
  insertComment(db, actionRequired, {
    author: AGENT,
    role: 'agent',
    body: 'Could you tell us your role in the room (owner, member)?',
    via: 'web',
    at: at(1),
  });
  touchTicket(db, actionRequired, 'action_required', at(1), true);

  const pending = insertTicket(db, {
    ...base,
    productId: 'clm',
    subject: 'CLM workflow stuck at approval',
    description: 'Workflow "Vendor NDA" has been waiting at the approval step for two days.',
    status: 'open',
    contactMethod: 'email',
    at: at(2),
  });
  insertComment(db, pending, { author: alex, role: 'user', body: 'It is the approval step of the legal team.', via: 'email', at: at(2) });
  insertComment(db, pending, {
    author: AGENT,
    role: 'agent',
    body: 'We restarted the approval step; it should move on now. Tell us if it does not.',
    via: 'web',
    at: at(1),
  });
  touchTicket(db, pending, 'pending', at(1), true);
}
