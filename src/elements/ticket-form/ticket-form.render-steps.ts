/**
 * The steps of `<ticket-form>` before the case form: the area chooser, "not offered", the
 * subject with "Need quick answers?" (Flow 1) and the category (Flows 2 and 3).
 */
import { msg, str } from '@lit/localize';
import { TaskStatus, type Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Article, Catalog } from '../../core/catalog.js';
import type { AreaConfig, LocaleCode, SupportConfig } from '../../core/config.js';
import { isSupportError, type ErrorKind } from '../../core/errors.js';
import { areaLocales } from '../../core/flows.js';
import type { Suggestions } from '../../controllers/ticket-form-suggestions.js';
import { plural } from '../../localization/format.js';
import { errorSummary, selectField, textField } from '../shared/forms.js';
import { isSafeHref } from '../shared/safe-url.js';
import { backActions, backButton, failureNotice, languageButtons, loadingStatus, stepHeading, type TicketFormView } from './ticket-form.render-parts.js';

export function renderAreaChooser(config: SupportConfig, locale: LocaleCode, unknownArea: boolean, choose: (areaId: string) => void): TemplateResult {
  const offered = config.areas.filter((a) => areaLocales(config, a.id).includes(locale));
  return html`${stepHeading(msg('Which products is your case about?', { id: 'ticket-form.area.heading', desc: 'Heading of the step where the customer picks a product area before opening a case.' }))}
    ${unknownArea
      ? html`<p class="notice notice--error" part="notice">
          ${msg('This product area is not known. Choose one of the list.', { id: 'ticket-form.area.unknown', desc: 'Shown when the page asked for a product area that the configuration does not have.' })}
        </p>`
      : nothing}
    <ul class="area-list">
      ${offered.map(
        (a) => html`<li><button type="button" part="area-button" class="secondary" data-area=${a.id} @click=${() => choose(a.id)}>${a.name}</button></li>`,
      )}
    </ul>`;
}

export function renderNotOffered(area: AreaConfig, offeredIn: readonly LocaleCode[], locale: LocaleCode, requestLocale: (locale: LocaleCode) => void, back: (() => void) | undefined): TemplateResult {
  const name = area.name;
  return html`${stepHeading(msg('Not offered in this language', { id: 'ticket-form.not_offered.heading', desc: 'Heading shown when the product area has no support flow in the current language.' }))}
    <p class="notice not-offered" part="notice">
      ${msg(str`Support for ${name} is not offered in this language. You can continue in one of these languages:`, { id: 'ticket-form.not_offered.area', desc: 'Explains that the product area is not supported in the current language; buttons to switch language follow. ${name} is the area\'s brand name.' })}
    </p>
    ${languageButtons(offeredIn, locale, requestLocale)} ${backActions(back)}`;
}

export interface QuickAnswers {
  readonly suggestions: Suggestions;
  /** The suggested article the customer opened, if any. */
  readonly opened: Article | undefined;
  open(article: Article): void;
  solved(): void;
}

export function renderSubject(view: TicketFormView, quickAnswers: QuickAnswers | undefined, next: (event: Event) => void, back: (() => void) | undefined): TemplateResult {
  return html`${stepHeading(msg('What is your case about?', { id: 'ticket-form.subject.heading', desc: 'Heading of the step where the customer chooses the case subject (title), Flow 1.' }))}
    ${errorSummary(view.summary, view.root)}
    <form part="form" novalidate @submit=${next}>
      ${textField({
        id: 'subject',
        label: msg('Subject', { id: 'ticket-form.subject.label', desc: 'Label of the case subject (title) field.' }),
        hint: msg('A short title for your problem, for example “Envelope stuck in sending”.', { id: 'ticket-form.subject.hint', desc: 'Hint under the subject field. The example may be adapted.' }),
        value: view.fields.subject,
        required: true,
        readonly: view.readOnly('subject'),
        maxlength: view.config.maxLengths.subject,
        error: view.errorFor('subject'),
        onInput: (value) => view.edit({ subject: value }),
      })}
      ${quickAnswers ? renderQuickAnswers(quickAnswers, view.locale) : nothing}
      <div class="actions">
        <button type="submit" class=${quickAnswers ? '' : 'secondary'}>
          ${quickAnswers
            ? msg('Add case details', { id: 'ticket-form.add_details', desc: 'Button leading from the subject and suggested articles to the case form. French seed words: "Ajouter les détails du dossier".' })
            : msg('Continue', { id: 'ticket-form.continue', desc: 'Button leading to the next step. French seed word: "Continuer".' })}
        </button>
        ${backButton(back)}
      </div>
    </form>`;
}

function suggestionStatus(suggestions: Suggestions, locale: LocaleCode): string {
  switch (suggestions.state) {
    case 'idle':
      return msg('Type a subject to see articles that may answer your question.', { id: 'ticket-form.quick_answers.idle', desc: 'In "Need quick answers?" before the customer typed a subject.' });
    case 'loading':
      return msg('Looking for articles…', { id: 'ticket-form.quick_answers.loading', desc: 'In "Need quick answers?" while articles are being searched.' });
    case 'error':
      return msg('Articles could not be loaded. You can still add the case details.', { id: 'ticket-form.quick_answers.error', desc: 'In "Need quick answers?" when the article search failed.' });
    case 'done': {
      const count = suggestions.articles.length;
      if (count === 0) {
        return msg('No article matches your subject. Add the case details to open a case.', { id: 'ticket-form.quick_answers.none', desc: 'In "Need quick answers?" when no article matches the subject.' });
      }
      return plural(count, locale, {
        one: () => msg(str`${count} article may answer your question.`, { id: 'ticket-form.quick_answers.count_one', desc: 'Announced when suggestions appear (singular form). ${count} is the number of articles.' }),
        other: () => msg(str`${count} articles may answer your question.`, { id: 'ticket-form.quick_answers.count_other', desc: 'Announced when suggestions appear (plural form). ${count} is the number of articles.' }),
      });
    }
  }
}

function renderQuickAnswers(quick: QuickAnswers, locale: LocaleCode): TemplateResult {
  const articles = quick.suggestions.state === 'done' ? quick.suggestions.articles : [];
  const opened = quick.opened;
  const openedTitle = opened?.title ?? '';
  return html`<section class="quick-answers" part="suggestions" aria-labelledby="quick-answers-title">
    <h3 id="quick-answers-title">
      ${msg('Need quick answers?', { id: 'ticket-form.quick_answers.heading', desc: 'Heading of the suggested articles box. French seed words: "Avez-vous besoin de réponses rapides ?".' })}
    </h3>
    <p class="hint" role="status">${suggestionStatus(quick.suggestions, locale)}</p>
    ${articles.length > 0
      ? html`<ul class="suggestions">
          ${articles.map(
            (article) => html`<li>
              ${isSafeHref(article.url)
                ? html`<a href=${article.url} target="_blank" rel="noopener noreferrer" @click=${() => quick.open(article)}>${article.title}</a>`
                : html`<span>${article.title}</span>`}
            </li>`,
          )}
        </ul>`
      : nothing}
    ${opened
      ? html`<div class="notice">
          <p>
            ${msg(str`Did “${openedTitle}” solve your problem?`, { id: 'ticket-form.quick_answers.solved_question', desc: 'Asked after the customer opened a suggested article. ${openedTitle} is the article title.' })}
          </p>
          <button type="button" class="secondary" @click=${quick.solved}>
            ${msg('This solved my problem', { id: 'ticket-form.quick_answers.solved', desc: 'Button ending the flow without opening a case, after a suggested article helped.' })}
          </button>
        </div>`
      : nothing}
  </section>`;
}

/** Where the catalog (the categories) stands. */
type CatalogFailure = { readonly state: 'failed'; readonly kind: ErrorKind; retry(): void };
/** `unusable`: what to show when a ready catalog offers nothing for the area (a retry that loads it again). */
export type CatalogState = { readonly state: 'loading' } | { readonly state: 'ready'; readonly unusable: CatalogFailure } | CatalogFailure;

export function catalogState(task: Task<readonly unknown[], Catalog | undefined>): CatalogState {
  const retry = () => void task.run();
  if (task.status === TaskStatus.ERROR) {
    const error = task.error;
    return { state: 'failed', kind: isSupportError(error) ? error.kind : 'network', retry };
  }
  return task.value ? { state: 'ready', unusable: { state: 'failed', kind: 'bad_response', retry } } : { state: 'loading' };
}

export function renderCategory(view: TicketFormView, catalog: CatalogState, next: (event: Event) => void, back: (() => void) | undefined): TemplateResult {
  // One template for every state of the step, so the focused heading stays in place.
  return html`${stepHeading(msg('What is your problem about?', { id: 'ticket-form.category.heading', desc: 'Heading of the step where the customer chooses a category then a subcategory (Flows 2 and 3).' }))}
  ${renderCategoryBody(view, catalog, next, back)}`;
}

function renderCategoryBody(view: TicketFormView, catalog: CatalogState, next: (event: Event) => void, back: (() => void) | undefined): TemplateResult {
  // A catalog with nothing to choose for this area is a bad answer, not an empty choice with no way out.
  const failed = catalog.state === 'failed' ? catalog : catalog.state === 'ready' && view.categories.length === 0 ? catalog.unusable : undefined;
  if (failed) {
    return html`${failureNotice(failed.kind, { locale: view.locale })}
      <div class="actions">
        <button type="button" @click=${failed.retry}>
          ${msg('Try again', { id: 'ticket-form.retry', desc: 'Button that repeats a request that failed.' })}
        </button>
        ${backButton(back)}
      </div>`;
  }
  if (catalog.state === 'loading') return loadingStatus();
  const { fields } = view;
  const category = view.categories.find((c) => c.id === fields.categoryId);
  return html`${errorSummary(view.summary, view.root)}
    <form part="form" novalidate @submit=${next}>
      ${selectField({
        id: 'categoryId',
        label: msg('Category', { id: 'ticket-form.category.label', desc: 'Label of the category select. French seed word: "Catégorie".' }),
        value: fields.categoryId,
        required: true,
        readonly: view.readOnly('categoryId'),
        placeholder: msg('Choose a category', { id: 'ticket-form.category.placeholder', desc: 'Empty first option of the category select.' }),
        choices: view.categories.map((c) => ({ value: c.id, label: c.label })),
        error: view.errorFor('categoryId'),
        onChange: (value) => view.edit(value === view.fields.categoryId ? { categoryId: value } : { categoryId: value, subcategoryId: '' }),
      })}
      ${category
        ? // A new select per category: the browser must not keep the previous list's choice.
          keyed(
            category.id,
            selectField({
              id: 'subcategoryId',
              label: msg('Subcategory', { id: 'ticket-form.subcategory.label', desc: 'Label of the subcategory select. French seed word: "Sous-catégorie".' }),
              value: fields.subcategoryId,
              required: true,
              readonly: view.readOnly('subcategoryId'),
              placeholder: msg('Choose a subcategory', { id: 'ticket-form.subcategory.placeholder', desc: 'Empty first option of the subcategory select.' }),
              choices: category.subcategories.map((sub) => ({ value: sub.id, label: sub.label })),
              error: view.errorFor('subcategoryId'),
              onChange: (value) => view.edit({ subcategoryId: value }),
            }),
          )
        : nothing}
      <div class="actions">
        <button type="submit">${msg('Continue', { id: 'ticket-form.continue', desc: 'Button leading to the next step. French seed word: "Continuer".' })}</button>
        ${backButton(back)}
      </div>
    </form>`;
}
