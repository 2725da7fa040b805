/**
 * Demo data written at first start: three users (one with two accounts) and, for Alex, a case
 * in every state with a conversation, an attachment and a watcher.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPasswordSync } from './auth.js';
import type { Status } from '../src/core/ticket.js';
import type { Db, InsertTicket } from './store.js';
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

/** One thing that happened to a demo case, `daysAgo` before the start. */
export type DemoStep =
  | { readonly type: 'comment'; readonly daysAgo: number; readonly comment: { readonly author: { readonly name: string; readonly email: string }; readonly role: 'user' | 'agent'; readonly body: string; readonly via: 'web' | 'email' } }
  | { readonly type: 'status'; readonly daysAgo: number; readonly status: Status }
  | { readonly type: 'attachment'; readonly daysAgo: number; readonly name: string; readonly contentType: string; readonly content: Buffer }
  | { readonly type: 'watcher'; readonly daysAgo: number; readonly email: string };

export interface DemoCase {
  readonly base: Omit<InsertTicket, 'status' | 'at'>;
  readonly openedDaysAgo: number;
  readonly steps: readonly DemoStep[];
}

const ALEX = { name: 'Alex Example', email: 'alex@example.com' };
const alexCase = (productId: string, subject: string, description: string, contactMethod: 'email' | 'portal'): DemoCase['base'] => ({
  areaId: 'esign', accountId: 'acc-alex', requester: ALEX, locale: 'en', productId, subject, description, contactMethod,
});

/** Alex's demo cases, one in every state (both stores write these: seedIfEmpty here, store/postgres.ts). */
export const DEMO_CASES: readonly DemoCase[] = [
  {
    base: alexCase('esignature', 'Envelope stuck in "sending"', 'An envelope sent this morning still shows "sending".', 'email'),
    openedDaysAgo: 20,
    steps: [
      { type: 'comment', daysAgo: 19, comment: { author: AGENT, role: 'agent', body: 'The queue was delayed; it is fixed now.', via: 'web' } },
      { type: 'status', daysAgo: 19, status: 'pending' },
      { type: 'status', daysAgo: 14, status: 'closed' },
    ],
  },
  {
    base: alexCase('esignature', 'Signer did not receive the signing email', 'My signer says no email arrived for envelope 4711.', 'portal'),
    openedDaysAgo: 3,
    steps: [
      { type: 'comment', daysAgo: 2, comment: { author: ALEX, role: 'user', body: 'The signer also checked the spam folder.', via: 'web' } },
      { type: 'status', daysAgo: 2, status: 'open' },
      {
        type: 'attachment', daysAgo: 2, name: 'send.log', contentType: 'text/plain; charset=utf-8',
        content: Buffer.from('2024-05-01 10:00:01 send envelope 4711\n2024-05-01 10:00:02 mail queued\n', 'utf8'),
      },
      { type: 'watcher', daysAgo: 2, email: 'jamie@example.com' },
    ],
  },
  {
    base: alexCase('rooms', 'Cannot invite people to a room', 'The invite button is greyed out in my room.', 'portal'),
    openedDaysAgo: 4,
    steps: [
      { type: 'comment', daysAgo: 1, comment: { author: AGENT, role: 'agent', body: 'Could you tell us your role in the room (owner, member)?', via: 'web' } },
      { type: 'status', daysAgo: 1, status: 'action_required' },
    ],
  },
  {
    base: alexCase('clm', 'CLM workflow stuck at approval', 'Workflow "Vendor NDA" has been waiting at the approval step for two days.', 'email'),
    openedDaysAgo: 2,
    steps: [
      { type: 'comment', daysAgo: 2, comment: { author: ALEX, role: 'user', body: 'It is the approval step of the legal team.', via: 'email' } },
      { type: 'comment', daysAgo: 1, comment: { author: AGENT, role: 'agent', body: 'We restarted the approval step; it should move on now. Tell us if it does not.', via: 'web' } },
      { type: 'status', daysAgo: 1, status: 'pending' },
    ],
  },
];

function seedAlexCases(db: Db, dataDir: string, now: Date): void {
  const at = (daysAgo: number): string => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const ownerId = findUserByEmail(db, ALEX.email)?.id ?? '';
  for (const demo of DEMO_CASES) {
    const number = insertTicket(db, { ...demo.base, status: 'open', at: at(demo.openedDaysAgo) });
    for (const step of demo.steps) {
      if (step.type === 'comment') insertComment(db, number, { ...step.comment, at: at(step.daysAgo) });
      else if (step.type === 'status') touchTicket(db, number, step.status, at(step.daysAgo), true);
      else if (step.type === 'watcher') insertWatcher(db, number, step.email, at(step.daysAgo));
      else {
        const fileId = randomUUID();
        writeFileSync(join(dataDir, 'attachments', fileId), step.content);
        insertAttachment(db, {
          id: fileId, token: randomBytes(16).toString('base64url'), ownerUserId: ownerId, ticketNumber: number, name: step.name,
          size: step.content.length, contentType: step.contentType, file: fileId, at: at(step.daysAgo),
        });
      }
    }
  }
}
