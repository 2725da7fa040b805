/**
 * The gallery's tiles: every element in every state, each from a real element instance on an
 * in-browser memory backend, brought into its state by properties, the memory backend's
 * controls, or user input (demo/drive.ts). Nothing is faked markup.
 */
import type { SupportBackend } from '../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../src/adapters/memory-adapter.js';
import type { LocaleCode } from '../src/core/config.js';
import type { Status } from '../src/core/ticket.js';
import { seedConfig } from '../src/core/config.js';
import { SupportError } from '../src/core/errors.js';
import { sharedStore } from '../src/controllers/file-store.js';
import { formSteps, resolveFlow } from '../src/core/flows.js';
import { PSEUDO_LOCALE } from '../src/localization/pseudo-locale.js';
import { check, choose, click, deep, dropFiles, rootOf, settle, submit, typeInto, waitFor, type Updatable } from './drive.js';
import { EMAILS, type DemoLocale, type DemoSettings, type DemoUser } from './settings.js';

export interface TileContext {
  /** Where the element goes. */
  readonly stage: HTMLElement;
  readonly locale: DemoLocale;
  /** `light` or `dark`: the element's `theme` attribute. */
  readonly theme: 'light' | 'dark';
}

export interface Tile {
  readonly id: string;
  /** Names the state (English: the gallery's own language). */
  readonly title: string;
  readonly group: 'support-contact' | 'ticket-form' | 'my-tickets';
  /** The interactive view's settings that come closest to this state (memory backend). */
  readonly link: Partial<DemoSettings>;
  /** A language this state needs whatever the gallery's language (shown in a frame). */
  readonly locale?: DemoLocale;
  /** Creates the element in `ctx.stage` and brings it into the state. */
  readonly create: (ctx: TileContext) => Promise<void>;
}

type SupportTag = 'support-contact' | 'ticket-form' | 'my-tickets';

interface Mounted extends Updatable {
  backend: SupportBackend | undefined;
  locale: string | undefined;
  theme: 'light' | 'dark' | undefined;
}

/** A memory backend with no delay, signed in as a demo user (or nobody). */
function memory(user: DemoUser, latencyMs = 0): MemoryBackend {
  return createMemoryBackend({ latencyMs, ...(user === 'none' ? {} : { signedInAs: EMAILS[user] }) });
}

/** Drafts of `<ticket-form>` are per user and area: each tile starts from a blank form. */
/** Each tile starts from nothing typed and nothing chosen: drafts and kept files are per user and area. */
async function clearDrafts(): Promise<void> {
  for (const key of Object.keys(localStorage)) {
    if (key.includes('ticket-form:')) localStorage.removeItem(key);
  }
  await sharedStore().deletePrefix('');
}

async function mount(
  ctx: TileContext,
  tag: SupportTag,
  backend: SupportBackend,
  props: Record<string, unknown> = {},
): Promise<Mounted> {
  await clearDrafts();
  const el = document.createElement(tag) as unknown as Mounted;
  el.backend = backend;
  el.locale = ctx.locale;
  el.theme = ctx.theme;
  Object.assign(el, props);
  ctx.stage.append(el);
  // A list paints its rows past the first screenful a frame later, and only where they can be
  // seen (content-visibility): show the stage as a reader would see it.
  ctx.stage.scrollIntoView({ block: 'nearest' });
  await settle(el);
  return el;
}

/** The language whose flows the element follows (the pseudo-locale speaks English flows). */
function flowLocale(locale: DemoLocale): LocaleCode {
  return locale === PSEUDO_LOCALE ? seedConfig.defaultLocale : (locale as LocaleCode);
}

/** The input steps `<ticket-form>` shows for area `esign` in this language. */
function esignSteps(locale: DemoLocale): readonly string[] {
  const resolution = resolveFlow(seedConfig, flowLocale(locale), 'esign');
  return resolution.offered ? formSteps(resolution.steps) : [];
}

function heading(el: Element): string {
  return rootOf(el).querySelector('.step-heading')?.textContent?.trim() ?? '';
}

/** Walks `<ticket-form area="esign">` from its first step to the case form. */
async function toDetails(el: Mounted): Promise<void> {
  const root = rootOf(el);
  for (let guard = 0; guard < 4; guard++) {
    await settle(el);
    if (root.querySelector('#description')) return;
    const before = heading(el);
    if (root.querySelector('#categoryId') && !root.querySelector('#subject')) {
      choose(await waitFor(() => root.querySelector<HTMLSelectElement>('#categoryId option[value]:not([value=""])')?.parentElement, 'categories'));
      await settle(el);
      choose(await waitFor(() => root.querySelector<HTMLElement>('#subcategoryId'), 'subcategories'));
    } else if (root.querySelector('#subject')) {
      typeInto(root.querySelector('#subject'), 'Envelope stuck in sending');
    }
    await settle(el);
    submit(root.querySelector('form'));
    await waitFor(() => heading(el) !== before, 'the next step');
  }
  throw new Error('The case form never showed');
}

async function fillDetails(el: Mounted): Promise<void> {
  const root = rootOf(el);
  const subject = root.querySelector<HTMLInputElement>('#subject');
  if (subject && !subject.value) typeInto(subject, 'Envelope stuck in sending');
  const product = root.querySelector<HTMLSelectElement>('#productId');
  if (product && !product.value) choose(product);
  typeInto(root.querySelector('#description'), 'Since this morning every envelope stays in "sending"; the signers get no email.');
  check(root.querySelector('input[name="contactMethod"][value="portal"]') ?? root.querySelector('input[type="radio"]'));
  await settle(el);
}

/** The memory backend, except that uploads report 40 % and then wait (until cancelled). */
function slowUploads(backend: MemoryBackend): SupportBackend {
  const stalled = createMemoryBackend({ latencyMs: 3_600_000, signedInAs: EMAILS.alex });
  return {
    ...backend,
    uploadFile: (file, options) => {
      options?.onProgress?.(Math.round(file.size * 0.4), file.size);
      return stalled.uploadFile(file, options);
    },
  };
}

/** Waits for the rows of the list, scrolled into view: rows out of view are not painted. */
async function rowsOf(el: Mounted): Promise<void> {
  await waitFor(() => {
    rootOf(el).querySelector('[part~="list"]')?.scrollIntoView({ block: 'center' });
    return rootOf(el).querySelector('[part~="row"]');
  }, 'the cases');
  await settle(el);
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * Seeded cases of alex@example.com on a fresh memory backend, in the order the memory adapter
 * numbers them; each case tile checks the state, so a change of the seed shows up as an error.
 */
const CASES = { pending: '10000001', closed: '10000002', open: '10000003', actionRequired: '10000004', openEmail: '10000005' } as const;

function contactTiles(): Tile[] {
  return [
    {
      id: 'contact-home-signed-out',
      title: 'Contact Support: home, signed out',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'none' },
      create: async (ctx) => void (await mount(ctx, 'support-contact', memory('none'))),
    },
    {
      id: 'contact-home-signed-in',
      title: 'Contact Support: home, signed in (one account)',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'alex' },
      create: async (ctx) => void (await mount(ctx, 'support-contact', memory('alex'))),
    },
    {
      id: 'contact-sign-in',
      title: 'Contact Support: sign-in (after choosing a product area)',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'none' },
      create: async (ctx) => {
        const el = await mount(ctx, 'support-contact', memory('none'));
        click(rootOf(el).querySelector('[part~="start-button"]'));
        await waitFor(() => rootOf(el).querySelector('support-sign-in'), 'the sign-in form');
        await settle(el);
      },
    },
    {
      id: 'contact-account-choice',
      title: 'Contact Support: choosing an account (two accounts, after the start control)',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'sam' },
      create: async (ctx) => {
        const el = await mount(ctx, 'support-contact', memory('sam'));
        click(rootOf(el).querySelector('[part~="start-button"]'));
        await settle(el);
      },
    },
    {
      id: 'contact-profile-menu',
      title: 'Contact Support: profile menu open (two accounts)',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'sam' },
      create: async (ctx) => {
        const el = await mount(ctx, 'support-contact', memory('sam'));
        click(rootOf(el).querySelector('[part~="profile-button"]'));
        await waitFor(() => !rootOf(el).querySelector<HTMLElement>('[part~="profile-menu"]')?.hidden, 'the profile menu');
        await settle(el);
      },
    },
    {
      id: 'contact-sign-in-help',
      title: 'Fallback form: "I can\'t sign in" web form',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'none' },
      create: async (ctx) => {
        const el = await mount(ctx, 'support-contact', memory('none'));
        click(rootOf(el).querySelector('[part~="more-options"] [part~="help-link"]'));
        await waitFor(() => rootOf(el).querySelector('support-sign-in-help'), 'the sign-in help form');
        await settle(el);
      },
    },
    {
      id: 'contact-sign-in-help-errors',
      title: 'Fallback form: sent empty (error summary)',
      group: 'support-contact',
      link: { element: 'support-contact', user: 'none' },
      create: async (ctx) => {
        const el = await mount(ctx, 'support-contact', memory('none'));
        click(rootOf(el).querySelector('[part~="more-options"] [part~="help-link"]'));
        const help = await waitFor(() => rootOf(el).querySelector('support-sign-in-help'), 'the sign-in help form');
        await settle(el);
        submit(deep(help, 'form'));
        await waitFor(() => deep(help, '.error-summary'), 'the error summary');
        await settle(el);
      },
    },
    {
      id: 'contact-not-offered-de',
      title: 'Contact Support in German: a product area not offered in this language',
      group: 'support-contact',
      locale: 'de',
      link: { element: 'support-contact', user: 'none', locale: 'de' },
      create: async (ctx) => void (await mount(ctx, 'support-contact', memory('none'))),
    },
  ];
}

function formTiles(locale: DemoLocale): Tile[] {
  const steps = esignSteps(locale);
  const link = { element: 'ticket-form', user: 'alex', area: 'esign' } as const;
  const tiles: Tile[] = [
    {
      id: 'form-area-chooser',
      title: 'Open a case: choosing the product area (no `area`)',
      group: 'ticket-form',
      link: { element: 'ticket-form', user: 'alex' },
      create: async (ctx) => void (await mount(ctx, 'ticket-form', memory('alex'))),
    },
    {
      id: 'form-sign-in',
      title: 'Open a case: signed out, sign-in first',
      group: 'ticket-form',
      link: { ...link, user: 'none' },
      create: async (ctx) => void (await mount(ctx, 'ticket-form', memory('none'), { area: 'esign' })),
    },
  ];
  if (steps.includes('subject')) {
    tiles.push(
      {
        id: 'form-subject',
        title: 'Open a case: subject step',
        group: 'ticket-form',
        link,
        create: async (ctx) => void (await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' })),
      },
      {
        id: 'form-subject-error',
        title: 'Open a case: subject step sent empty (error summary)',
        group: 'ticket-form',
        link,
        create: async (ctx) => {
          const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
          submit(rootOf(el).querySelector('form'));
          await waitFor(() => rootOf(el).querySelector('.error-summary'), 'the error summary');
          await settle(el);
        },
      },
    );
  }
  if (steps.includes('quick_answers')) {
    tiles.push({
      id: 'form-quick-answers',
      title: 'Open a case: "Need quick answers?" with matching articles',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
        typeInto(rootOf(el).querySelector('#subject'), 'envelope');
        await waitFor(() => rootOf(el).querySelector('.suggestions li'), 'suggested articles');
        await settle(el);
      },
    });
  }
  if (steps.includes('category')) {
    tiles.push(
      {
        id: 'form-category',
        title: 'Open a case: category and subcategory step',
        group: 'ticket-form',
        link,
        create: async (ctx) => {
          const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
          choose(await waitFor(() => rootOf(el).querySelector<HTMLSelectElement>('#categoryId option[value]:not([value=""])')?.parentElement, 'categories'));
          await settle(el);
        },
      },
      {
        id: 'form-category-error',
        title: 'Open a case: category step sent empty (error summary)',
        group: 'ticket-form',
        link,
        create: async (ctx) => {
          const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
          await waitFor(() => rootOf(el).querySelector('#categoryId option[value]:not([value=""])'), 'categories');
          submit(rootOf(el).querySelector('form'));
          await waitFor(() => rootOf(el).querySelector('.error-summary'), 'the error summary');
          await settle(el);
        },
      },
    );
  }
  tiles.push(
    {
      id: 'form-details',
      title: 'Open a case: the case form (details)',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
        await toDetails(el);
      },
    },
    {
      id: 'form-details-errors',
      title: 'Open a case: case form sent empty (error summary, inline errors)',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
        await toDetails(el);
        const root = rootOf(el);
        typeInto(root.querySelector('#subject'), '');
        await settle(el);
        submit(root.querySelector('form'));
        await waitFor(() => root.querySelector('.error-summary'), 'the error summary');
        await settle(el);
      },
    },
  );
  const esign = resolveFlow(seedConfig, flowLocale(locale), 'esign');
  if (esign.offered && esign.flow.attachmentsInForm) {
    tiles.push({
      id: 'form-uploads',
      title: 'Open a case: attachments uploading (40 %)',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', slowUploads(memory('alex')), { area: 'esign' });
        await toDetails(el);
        const files = [
          new File(['x'.repeat(120_000)], 'envelope-log.txt', { type: 'text/plain' }),
          new File([new Uint8Array(2_400_000)], 'screenshot.png', { type: 'image/png' }),
        ];
        dropFiles(rootOf(el).querySelector('[part~="dropzone"]'), files);
        await waitFor(() => rootOf(el).querySelector('[part~="upload-list"] li'), 'the upload list');
        await settle(el);
      },
    });
  }
  tiles.push(
    {
      id: 'form-submit-failed',
      title: 'Open a case: the backend failed (error notice, nothing lost)',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const backend: SupportBackend = {
          ...memory('alex'),
          createTicket: () => Promise.reject(new SupportError('server', 'Simulated server error')),
        };
        const el = await mount(ctx, 'ticket-form', backend, { area: 'esign' });
        await toDetails(el);
        await fillDetails(el);
        submit(rootOf(el).querySelector('form'));
        await waitFor(() => rootOf(el).querySelector('.failure'), 'the error notice');
        await settle(el);
      },
    },
    {
      id: 'form-confirmation',
      title: 'Open a case: confirmation (case is Open)',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign' });
        await toDetails(el);
        await fillDetails(el);
        submit(rootOf(el).querySelector('form'));
        await waitFor(() => rootOf(el).querySelector('[part~="confirmation"]'), 'the confirmation');
        await settle(el);
      },
    },
    {
      id: 'form-follow-up',
      title: 'Open a case: follow-up of a closed case',
      group: 'ticket-form',
      link,
      create: async (ctx) => {
        const el = await mount(ctx, 'ticket-form', memory('alex'), { area: 'esign', followUpOf: CASES.closed });
        await settle(el);
      },
    },
    {
      id: 'form-not-offered-de',
      title: 'Open a case in German: product area not offered in this language',
      group: 'ticket-form',
      locale: 'de',
      link: { element: 'ticket-form', user: 'alex', area: 'seal', locale: 'de' },
      create: async (ctx) => void (await mount(ctx, 'ticket-form', memory('alex'), { area: 'seal' })),
    },
  );
  return tiles;
}

function ticketTiles(): Tile[] {
  const caseTile = (id: string, title: string, ticket: string, status: Status): Tile => ({
    id,
    title,
    group: 'my-tickets',
    link: { element: 'my-tickets', user: 'alex', ticket },
    create: async (ctx) => {
      const backend = memory('alex');
      const shown = await backend.getTicket(ticket);
      if (shown.status !== status) throw new Error(`Case ${ticket} is ${shown.status}, not ${status}: the memory backend's seed changed`);
      const el = await mount(ctx, 'my-tickets', backend, { ticket });
      await waitFor(() => deep(el, 'support-ticket-detail', '[part~="heading"]'), 'the case');
      await settle(el);
    },
  });
  return [
    {
      id: 'tickets-list',
      title: 'My tickets: the list (a case in every state)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex' },
      create: async (ctx) => {
        const el = await mount(ctx, 'my-tickets', memory('alex'));
        await rowsOf(el);
      },
    },
    {
      id: 'tickets-empty',
      title: 'My tickets: no case yet (empty)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'sam' },
      create: async (ctx) => void (await mount(ctx, 'my-tickets', memory('sam'))),
    },
    {
      id: 'tickets-loading',
      title: 'My tickets: loading',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex' },
      create: async (ctx) => {
        const backend = memory('alex');
        await mount(ctx, 'my-tickets', { ...backend, listTickets: () => never() });
      },
    },
    {
      id: 'tickets-error',
      title: 'My tickets: the list could not load (network error)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex' },
      create: async (ctx) => {
        const backend = memory('alex');
        await mount(ctx, 'my-tickets', {
          ...backend,
          listTickets: () => Promise.reject(new SupportError('network', 'Simulated network error')),
        });
      },
    },
    {
      id: 'tickets-signed-out',
      title: 'My tickets: signed out',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'none' },
      create: async (ctx) => void (await mount(ctx, 'my-tickets', memory('none'))),
    },
    caseTile('case-open', 'Case: Open', CASES.open, 'open'),
    caseTile('case-action-required', 'Case: Action required', CASES.actionRequired, 'action_required'),
    caseTile('case-pending', 'Case: Pending, with the date it closes by itself', CASES.pending, 'pending'),
    caseTile('case-closed', 'Case: Closed (read-only, follow-up action)', CASES.closed, 'closed'),
    caseTile('case-email', 'Case: Open, email contact method (reply by email)', CASES.openEmail, 'open'),
    {
      id: 'case-expert-reply',
      title: 'Case: a support expert replied and proposed a solution (Pending)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex', ticket: CASES.open },
      create: async (ctx) => {
        const backend = memory('alex');
        backend.agentReply(CASES.open, 'Please clear the browser cache and open the document again.', 'pending');
        const el = await mount(ctx, 'my-tickets', backend, { ticket: CASES.open });
        await waitFor(() => deep(el, 'support-ticket-detail', '[part~="heading"]'), 'the case');
        await settle(el);
      },
    },
    {
      id: 'case-connection-lost',
      title: 'Case: the live connection is lost (reconnecting for a while)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex', ticket: CASES.open },
      create: async (ctx) => {
        // A backend that never gets its live connection back: the notice shows after 2.5 s of reconnecting.
        const backend: SupportBackend = { ...memory('alex'), watch: (_scope, _onChange, options) => options.onState?.('reconnecting') };
        const el = await mount(ctx, 'my-tickets', backend, { ticket: CASES.open });
        await waitFor(() => deep(el, 'support-ticket-detail', '.live-lost'), 'the connection-lost notice');
        await settle(el);
      },
    },
    {
      id: 'case-comment-error',
      title: 'Case: comment sent empty (error summary)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex', ticket: CASES.open },
      create: async (ctx) => {
        const el = await mount(ctx, 'my-tickets', memory('alex'), { ticket: CASES.open });
        const form = await waitFor(() => deep(el, 'support-ticket-detail', 'form.comment-form'), 'the comment form');
        submit(form);
        await waitFor(() => deep(el, 'support-ticket-detail', '.error-summary'), 'the error summary');
        await settle(el);
      },
    },
    {
      id: 'case-session-expired',
      title: 'Case: the session expired (sign in again)',
      group: 'my-tickets',
      link: { element: 'my-tickets', user: 'alex', ticket: CASES.open },
      create: async (ctx) => {
        const backend = memory('alex');
        const el = await mount(ctx, 'my-tickets', backend);
        await rowsOf(el);
        backend.expireSession();
        (el as unknown as { ticket: string }).ticket = CASES.open;
        await settle(el);
        await settle(el);
      },
    },
  ];
}

/** Every tile for a gallery in `locale`. */
export function tilesFor(locale: DemoLocale): Tile[] {
  return [...contactTiles(), ...formTiles(locale), ...ticketTiles()];
}
