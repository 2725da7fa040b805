/**
 * Benchmark page of `npm run bench` (scripts/bench.mjs serves it with Vite and drives it with
 * Chromium). One scenario per load, from the query string:
 * - `?scenario=tickets&cases=N`: <my-tickets> over N cases in the memory backend:
 *   `first-rows` (insert → first rows painted), `keystroke` (one search keystroke → filtered
 *   rows painted, debounce included), `keystroke-query` (the backend query of that keystroke
 *   alone), `sort` (sort change → rows painted); values `heap` (bytes) and `rows` (rows in the DOM);
 * - `?scenario=locale`: <support-contact>, <ticket-form> and <my-tickets> in one page, then
 *   `<html lang>` en → fr: `locale-switch` (time to the French words painted) and value
 *   `locale-passes` (render passes of the three, counted by `update()` calls);
 * - `?scenario=detail` / `?scenario=form`: the case view with 50 comments / <ticket-form>,
 *   rendered `REPEAT` times; then a bare LitElement rendering the same DOM (the element's
 *   shadow DOM as one static template, same styles) as many times: `element`, `bare`;
 *   `?scenario=form&session=given`: the same with a session the host gives;
 * - `?scenario=intl`: `intl-setup`, the browser's first Intl use in the page (wall ms).
 * Each timed phase records `window.benchCpu()` (the renderer's CPU time, from the DevTools
 * protocol: bench.mjs exposes it) at its start and end: `<name>` is wall ms, `<name>:cpu` CPU ms.
 * Results go to `window.benchResult`; `window.benchDone` turns true at the end.
 */
import { html, LitElement, type CSSResultGroup } from 'lit';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { buildIntlLocaleLists } from '../../src/localization/format.js';
import '../../src/define/all.js';
import '../../src/define/support-ticket-detail.js';

declare global {
  interface Window {
    benchDone?: boolean;
    benchError?: string;
    benchResult?: Record<string, number>;
    benchCpu?: () => Promise<number>;
    /** Set by scripts/bench-profile.mjs: called at the start (`true`) and end of each timed phase. */
    benchPhase?: (name: string, starting: boolean) => Promise<void>;
  }
}

const params = new URLSearchParams(location.search);
const result: Record<string, number> = {};
const stage = () => {
  const el = document.getElementById('stage');
  if (!el) throw new Error('no stage');
  return el;
};

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves once the first frame in which `check()` holds has painted. The check runs at each
 * frame's start (a requestAnimationFrame callback): what it sees is what that frame paints, and
 * a timeout queued there runs right after that paint. (Waiting for the next frame's paint
 * instead, as `until` then `nextPaint` did, ended a timed phase one frame, about 17 ms of wall
 * time, after the rows had shown.)
 */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const held = await new Promise<boolean>((resolve) =>
      requestAnimationFrame(() => {
        if (check()) setTimeout(() => resolve(true), 0);
        else resolve(false);
      }),
    );
    if (held) return;
  }
  throw new Error('timed out');
}

/**
 * Waits until `el` has rendered and `ready(el)` holds, without waiting for frames: a frame per
 * element would charge the element phase with one style, layout and paint of the whole stage
 * per element, which the bare phase (ready after its first update) never pays. Both phases of
 * `ratio` wait through this, so they differ only in what the element does.
 */
async function settled(el: LitElement, ready: (el: LitElement) => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    // The memory backend answers in microtasks: waiting for them in microtasks too keeps the
    // browser from painting between elements (a task, setTimeout, lets a due frame in: the
    // case view's phase paid for about ten frames of the whole stage that the bare one did not).
    for (let spin = 0; spin < 200; spin++) {
      await el.updateComplete;
      if (ready(el)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('timed out');
}

/** The next idle moment of the page, once the idle callbacks queued before it have run. */
function idle(): Promise<unknown> {
  return new Promise((resolve) => requestIdleCallback(resolve));
}

async function cpu(): Promise<number> {
  return window.benchCpu ? window.benchCpu() : 0;
}

/** Times `body`: wall ms as `name`, renderer CPU ms as `name:cpu`. */
async function timed(name: string, body: () => Promise<void>): Promise<void> {
  await window.benchPhase?.(name, true);
  const cpuStart = await cpu();
  const start = performance.now();
  await body();
  result[name] = performance.now() - start;
  result[`${name}:cpu`] = (await cpu()) - cpuStart;
  await window.benchPhase?.(name, false);
}

async function tickets(): Promise<void> {
  const cases = Number(params.get('cases') ?? 10_000);
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
  backend.bulkCreate(cases);
  const el = document.createElement('my-tickets');
  el.backend = backend;
  el.locale = 'en';
  const rows = () => [...(el.shadowRoot?.querySelectorAll('.row__open') ?? [])];
  // A page showing the list waits for its backend, so the browser is idle at least once between
  // the elements' definition and the first rows; the memory backend answers at once, so the
  // page is given that moment here (what the elements do in it is theirs: `intl` below).
  await idle();
  await timed('first-rows', async () => {
    stage().append(el);
    await el.listComplete;
    await until(() => rows().length > 0);
  });
  result.rows = el.shadowRoot?.querySelectorAll('.row').length ?? 0;
  const search = el.shadowRoot?.querySelector<HTMLInputElement>('#search');
  if (!search) throw new Error('no search field');
  search.focus();
  const query = '42';
  await timed('keystroke', async () => {
    search.value = query;
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: query }));
    await until(() => rows().length > 0 && rows().every((r) => r.textContent?.includes(query)));
  });
  const other = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
  other.bulkCreate(cases);
  await other.listTickets({ limit: 50 }); // builds the indexes, as the list's first page did
  await timed('keystroke-query', async () => {
    await other.listTickets({ search: '4', limit: 50 });
    await other.listTickets({ search: '42', limit: 50 });
  });
  search.value = '';
  search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: '' }));
  await until(() => rows().length > 10);
  await nextPaint();
  const sort = el.shadowRoot?.querySelector<HTMLSelectElement>('#sort');
  if (!sort) throw new Error('no sort field');
  const firstBefore = rows()[0]?.textContent;
  await timed('sort', async () => {
    sort.value = 'number_asc';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => rows().length > 0 && rows()[0]?.textContent !== firstBefore);
  });
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  result.heap = memory?.usedJSHeapSize ?? 0;
}

/** Counts `update()` calls of every support element (also per tag, as `locale-passes:<tag>`). */
function countPasses(tags: readonly string[]): () => number {
  let passes = 0;
  for (const tag of tags) {
    result[`locale-passes:${tag}`] = 0;
    const ctor = customElements.get(tag);
    if (!ctor) throw new Error(`${tag} is not defined`);
    const proto = ctor.prototype as { update: (changed: unknown) => void };
    const update = proto.update;
    proto.update = function counted(this: unknown, changed: unknown) {
      passes++;
      result[`locale-passes:${tag}`] = (result[`locale-passes:${tag}`] ?? 0) + 1;
      update.call(this, changed);
    };
  }
  return () => passes;
}

async function locale(): Promise<void> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
  const tags = ['support-contact', 'ticket-form', 'my-tickets'] as const;
  const elements = tags.map((tag) => {
    const el = document.createElement(tag);
    el.backend = backend;
    stage().append(el);
    return el;
  });
  await Promise.all(elements.map((el) => el.updateComplete));
  await until(() => elements.every((el) => (el.shadowRoot?.textContent ?? '').trim().length > 0));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await nextPaint();
  const passes = countPasses(tags);
  const heading = () => elements[0]?.shadowRoot?.querySelector('h1')?.textContent ?? '';
  const english = heading();
  await timed('locale-switch', async () => {
    document.documentElement.lang = 'fr';
    await until(() => heading() !== english);
    await Promise.all(elements.map((el) => el.updateComplete));
    await nextPaint();
  });
  // Late passes (a second render after the messages load) count too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  result['locale-passes'] = passes();
}

const REPEAT = Number(params.get('repeat') ?? 20);

/** A bare LitElement with `styles`, rendering `markup` (one static template, no bindings). */
function bareElement(tag: string, markup: string, styles: CSSResultGroup | undefined): void {
  const strings = Object.assign([markup], { raw: [markup] });
  class Bare extends LitElement {
    static override styles = styles ?? [];
    override render() {
      return html(strings);
    }
  }
  customElements.define(tag, Bare);
}

async function ratio(make: () => Promise<LitElement>, ready: (el: LitElement) => boolean): Promise<void> {
  // Once untimed: the markup to copy, and warm code.
  const sample = await make();
  stage().append(sample);
  await until(() => ready(sample));
  await sample.updateComplete;
  const markup = (sample.shadowRoot?.innerHTML ?? '').replace(/<!--[^>]*-->/g, '');
  const styles = (sample.constructor as typeof LitElement).styles;
  sample.remove();
  bareElement('bench-bare', markup, styles);
  // The page's idle work (the elements' Intl warm-up) is done before the user acts, not in a render.
  await idle();
  const elements = await Promise.all(Array.from({ length: REPEAT }, make));
  await timed('element', async () => {
    for (const el of elements) {
      stage().append(el);
      await settled(el, ready);
    }
    await nextPaint();
  });
  for (const el of elements) el.remove();
  await timed('bare', async () => {
    for (let i = 0; i < REPEAT; i++) {
      const el = document.createElement('bench-bare') as LitElement;
      stage().append(el);
      await settled(el, () => true);
    }
    await nextPaint();
  });
}

async function detail(): Promise<void> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
  const first = (await backend.listTickets({ status: 'open', limit: 1 })).items[0];
  if (!first) throw new Error('no open case');
  for (let i = 0; i < 50; i++) backend.agentReply(first.number, `Reply ${i + 1}: we are looking into it, with a few words more.`);
  await ratio(
    () => {
      const el = document.createElement('support-ticket-detail');
      el.backend = backend;
      el.number = first.number;
      el.locale = 'en';
      return Promise.resolve(el);
    },
    (el) => (el.shadowRoot?.querySelectorAll('li, article').length ?? 0) >= 50,
  );
}

async function form(): Promise<void> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
  // `&session=given`: the host hands the session over, as a signed-in page does (no getSession).
  const session = params.get('session') === 'given' ? await backend.getSession() : undefined;
  await ratio(
    () => {
      const el = document.createElement('ticket-form');
      el.backend = backend;
      if (session) el.session = session;
      el.area = 'esign';
      el.product = 'esignature';
      el.locale = 'en';
      return Promise.resolve(el);
    },
    (el) => el.shadowRoot?.querySelector('.step-heading') !== null,
  );
  const heading = document.querySelector('ticket-form')?.shadowRoot?.querySelector('.step-heading')?.textContent;
  if (heading) document.title = heading;
}

/**
 * What the browser's first Intl use in a page costs (V8 builds its lists of available locales),
 * measured before anything idles, so before the elements' own idle warm-up has run.
 */
function intl(): Promise<void> {
  const start = performance.now();
  buildIntlLocaleLists();
  result['intl-setup'] = performance.now() - start;
  return Promise.resolve();
}

const scenarios: Record<string, () => Promise<void>> = { tickets, locale, detail, form, intl };
const scenario = scenarios[params.get('scenario') ?? 'tickets'];
(scenario ? scenario() : Promise.reject(new Error('unknown scenario'))).then(
  () => {
    window.benchResult = result;
    window.benchDone = true;
  },
  (error: unknown) => {
    window.benchError = String(error);
    window.benchDone = true;
  },
);
