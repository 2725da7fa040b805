/**
 * The gallery (demo/gallery.html): every element in every state side by side, each tile a real
 * element on the in-browser backend, named by a heading and linked to the interactive view.
 *
 * URL: `?locale=ja&theme=dark` (the gallery's language and theme; lit-localize has one UI
 * language per document, so a tile pinned to another language is shown in a frame),
 * `&tile=id,id` (only these tiles), `&eager=1` (render every tile now instead of when it
 * scrolls into view; sets `<html data-gallery-ready>` when all are done), `&bare=1` (only
 * the tiles' elements: what the frames show).
 */
import '../src/define/support-contact.js';
import '../src/define/ticket-form.js';
import '../src/define/my-tickets.js';
import { html, render } from 'lit';
import { LOCALES, settingsQuery, type DemoLocale } from './settings.js';
import { tilesFor, type Tile } from './tiles.js';

const params = new URLSearchParams(location.search);
const locale: DemoLocale = LOCALES.find((l) => l.value === params.get('locale'))?.value ?? 'en';
const theme: 'light' | 'dark' = params.get('theme') === 'dark' ? 'dark' : 'light';
const only = params.get('tile')?.split(',').filter(Boolean);
const eager = params.has('eager') || params.has('bare') || Boolean(only);
const bare = params.has('bare');

const groups: { readonly id: Tile['group']; readonly title: string }[] = [
  { id: 'support-contact', title: '<support-contact>' },
  { id: 'ticket-form', title: '<ticket-form>' },
  { id: 'my-tickets', title: '<my-tickets>' },
];

const tiles = tilesFor(locale).filter((t) => !only || only.includes(t.id));
const root = document.documentElement;
root.lang = 'en';
root.dataset.theme = theme;
if (bare) root.dataset.bare = 'true';

let queue: Promise<void> = Promise.resolve();
let errors = 0;

function interactiveLink(tile: Tile): string {
  const settings = { locale, theme, backend: 'memory', ...tile.link } as const;
  return `./?${settingsQuery(settings)}`;
}

function frameFor(tile: Tile, stage: HTMLElement): Promise<void> {
  const frame = document.createElement('iframe');
  frame.title = tile.title;
  frame.src = `./gallery.html?${new URLSearchParams({ tile: tile.id, locale: tile.locale ?? locale, theme, bare: '1' })}`;
  stage.append(frame);
  return new Promise((resolve, reject) => {
    let polls = 0;
    const poll = () => {
      const doc = frame.contentDocument;
      const state = doc?.documentElement?.dataset.galleryReady;
      if (doc && state) {
        frame.style.blockSize = `${doc.documentElement.scrollHeight}px`;
        if (state === 'true') resolve();
        else reject(new Error(doc.querySelector('.tile-error')?.textContent ?? 'the framed tile failed'));
        return;
      }
      if (++polls > 300) reject(new Error('the framed tile never got ready'));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** Renders one tile (one at a time: `<ticket-form>` drafts are per user and area). */
function renderTile(tile: Tile, stage: HTMLElement): Promise<void> {
  queue = queue.then(async () => {
    stage.dataset.state = 'rendering';
    const started = performance.now();
    try {
      if (tile.locale && tile.locale !== locale) await frameFor(tile, stage);
      else await tile.create({ stage, locale: tile.locale ?? locale, theme });
      stage.dataset.state = 'ready';
      stage.dataset.ms = String(Math.round(performance.now() - started));
    } catch (error) {
      errors += 1;
      stage.dataset.state = 'error';
      const message = document.createElement('p');
      message.className = 'tile-error';
      message.setAttribute('role', 'alert');
      message.textContent = `This state could not be reached: ${error instanceof Error ? error.message : String(error)}`;
      stage.append(message);
    }
  });
  return queue;
}

function stageFor(tile: Tile): HTMLElement {
  const stage = document.createElement('div');
  stage.className = 'tile-stage';
  stage.dataset.tile = tile.id;
  stage.dataset.state = 'waiting';
  return stage;
}

function buildPage(): HTMLElement[] {
  const main = document.createElement('main');
  const stages: HTMLElement[] = [];
  if (bare) {
    for (const tile of tiles) {
      const stage = stageFor(tile);
      stages.push(stage);
      main.append(stage);
    }
    document.body.append(main);
    return stages;
  }
  const header = document.createElement('header');
  render(
    html`<h1>support-elements: every state</h1>
      <form class="settings" aria-label="Gallery settings">
        <div class="control"><label for="g-locale">Language</label><select id="g-locale" name="locale"></select></div>
        <div class="control">
          <label for="g-theme">Theme</label>
          <select id="g-theme" name="theme">
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <p><a href="./?${settingsQuery({ locale, theme })}">Back to the interactive view</a></p>
      </form>
      <p>
        Real elements on the in-browser backend. Each tile names its state and links to the
        interactive view showing the same element, user and case.
      </p>`,
    header,
  );
  const localeSelect = header.querySelector<HTMLSelectElement>('#g-locale');
  const themeSelect = header.querySelector<HTMLSelectElement>('#g-theme');
  for (const choice of LOCALES) localeSelect?.add(new Option(choice.label, choice.value, false, choice.value === locale));
  if (themeSelect) themeSelect.value = theme;
  const reload = () => {
    const next = new URLSearchParams({ locale: localeSelect?.value ?? locale, theme: themeSelect?.value ?? theme });
    location.search = next.toString();
  };
  localeSelect?.addEventListener('change', reload);
  themeSelect?.addEventListener('change', reload);
  document.body.append(header, main);

  for (const group of groups) {
    const inGroup = tiles.filter((t) => t.group === group.id);
    if (inGroup.length === 0) continue;
    const section = document.createElement('section');
    section.setAttribute('aria-labelledby', `group-${group.id}`);
    const title = document.createElement('h2');
    title.id = `group-${group.id}`;
    title.textContent = group.title;
    const list = document.createElement('ul');
    list.className = 'tiles';
    section.append(title, list);
    for (const tile of inGroup) {
      const item = document.createElement('li');
      item.className = 'tile';
      item.id = `tile-${tile.id}`;
      const name = document.createElement('h3');
      name.id = `tile-${tile.id}-title`;
      name.textContent = tile.title;
      const link = document.createElement('a');
      link.href = interactiveLink(tile);
      link.textContent = 'Open in the interactive view';
      link.setAttribute('aria-describedby', name.id);
      const stage = stageFor(tile);
      stages.push(stage);
      item.append(name, link, stage);
      list.append(item);
    }
    main.append(section);
  }
  return stages;
}

const stages = buildPage();
const byId = new Map(tiles.map((t) => [t.id, t]));
const tileOf = (stage: HTMLElement) => byId.get(stage.dataset.tile ?? '');

if (eager) {
  const all = stages.map((stage) => {
    const tile = tileOf(stage);
    return tile ? renderTile(tile, stage) : Promise.resolve();
  });
  void Promise.all(all).then(() => {
    root.dataset.galleryErrors = String(errors);
    root.dataset.galleryReady = errors === 0 ? 'true' : 'error';
  });
} else {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const stage = entry.target as HTMLElement;
        observer.unobserve(stage);
        const tile = tileOf(stage);
        if (tile) void renderTile(tile, stage);
      }
    },
    { rootMargin: '600px 0px' },
  );
  for (const stage of stages) observer.observe(stage);
}
