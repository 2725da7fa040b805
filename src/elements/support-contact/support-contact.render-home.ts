/**
 * The home view of `<support-contact>`: "Open a support case", the product area boxes with
 * their start control, and what is not offered in the page's language (with buttons to
 * continue in a language that offers it). Render helpers only.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { AreaConfig, FlowConfig, LocaleCode } from '../../core/config.js';
import { productAvailability, resolveFlow } from '../../core/flows.js';
import { formatList, languageName } from '../../localization/format.js';
import { continueInLabel } from '../shared/language-choice.js';
import { areasStartingWith, type ContactContext } from './support-contact.machine.js';

export interface HomeContext extends ContactContext {
  readonly startArea: (areaId: string) => void;
  /** "Continue in <language>"; focus then goes to the area's name. */
  readonly continueIn: (locale: LocaleCode, focusAreaId: string) => void;
  /** "Open a support case": focus goes to the list of areas. */
  readonly focusAreas: () => void;
  readonly moreOptions: TemplateResult;
}

function renderLocaleButtons(context: HomeContext, locales: readonly LocaleCode[], focusAreaId: string): TemplateResult {
  return html`<div class="locale-buttons">
    ${locales.map(
      (code) => html`<button type="button" class="secondary" part="button locale-button" data-locale=${code} @click=${() => context.continueIn(code, focusAreaId)}>
        ${continueInLabel(code, context.locale)}
      </button>`,
    )}
  </div>`;
}

function renderStart(context: HomeContext, area: AreaConfig, flow: FlowConfig): TemplateResult {
  const describedBy = `area-${area.id}`;
  const start = () => context.startArea(area.id);
  if (flow.start === 'create_ticket_in_area') {
    return html`<div class="actions">
      <button type="button" part="button start-button" data-start="create_ticket" aria-describedby=${describedBy} @click=${start}>
        ${msg('Create ticket', { id: 'contact.create_ticket', desc: 'Button in a product area\'s box that starts opening a case. French seed word: "Créer un ticket".' })}
      </button>
    </div>`;
  }
  return html`<div class="actions">
    <button type="button" part="button start-button" data-start="continue" aria-describedby=${describedBy} @click=${start}>
      ${msg('Continue', { id: 'contact.continue', desc: 'Button under a product area that continues opening a case for it. French seed word: "Continuer".' })}
    </button>
  </div>`;
}

function renderProductNote(context: HomeContext, area: AreaConfig, productId: string): TemplateResult | typeof nothing {
  const availability = productAvailability(context.config, context.locale, productId);
  if (availability.offered) return nothing;
  const languages = formatList(
    availability.offeredIn.map((code) => languageName(code, context.locale)),
    context.locale,
    'disjunction',
  );
  return html`<span class="product-note" data-not-offered>
    ${msg(str`Support offered in ${languages} only.`, {
      id: 'contact.product.offered_only_in',
      desc: 'Next to a product whose support is not offered in the page\'s language. ${languages} names the languages that offer it, in the page\'s language (for example "English").',
    })}
    ${renderLocaleButtons(context, availability.offeredIn, area.id)}
  </span>`;
}

function renderProduct(context: HomeContext, area: AreaConfig, productId: string, name: string, areaOffered: boolean): TemplateResult {
  const note = areaOffered ? renderProductNote(context, area, productId) : nothing;
  return html`<li data-product=${productId}><span translate="no">${name}</span> ${note}</li>`;
}

function renderArea(context: HomeContext, area: AreaConfig): TemplateResult {
  const resolution = resolveFlow(context.config, context.locale, area.id);
  return html`<li class="area" part="area" data-area=${area.id} data-offered=${resolution.offered ? 'true' : 'false'}>
    <h3 part="area-name" id="area-${area.id}" tabindex="-1" translate="no">${area.name}</h3>
    <ul class="products" aria-label=${msg(str`Products of ${area.name}`, { id: 'contact.area.products', desc: 'Accessible name of the list of products in a product area\'s box. ${area.name} is the area\'s brand names.' })}>
      ${area.products.map((p) => renderProduct(context, area, p.id, p.name, resolution.offered))}
    </ul>
    ${resolution.offered
      ? renderStart(context, area, resolution.flow)
      : html`<div class="not-offered" data-not-offered>
          <p class="muted">
            ${msg('Support for these products is not offered in this language.', {
              id: 'contact.area.not_offered',
              desc: 'In a product area\'s box when the area has no support in the page\'s language; followed by buttons to continue in a language that has it.',
            })}
          </p>
          ${renderLocaleButtons(context, resolution.offeredIn, area.id)}
        </div>`}
  </li>`;
}

export function renderHome(context: HomeContext): TemplateResult {
  const openCaseTop = areasStartingWith(context, 'open_case_top').length > 0;
  return html`
    ${openCaseTop
      ? html`<div class="top-actions">
          <button type="button" part="button open-case-button" data-start="open_case_top" @click=${context.focusAreas}>
            ${msg('Open a support case', { id: 'contact.open_case', desc: 'Button at the top of Contact Support that starts opening a case (then the user picks a product area). French seed words: "Ouvrir un dossier d\'assistance".' })}
          </button>
        </div>`
      : nothing}
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading" tabindex="-1">
        ${msg('Choose a product', { id: 'contact.areas.heading', desc: 'Heading above the product area boxes of Contact Support.' })}
      </h2>
      <ul class="areas" part="areas">
        ${context.config.areas.map((area) => renderArea(context, area))}
      </ul>
    </section>
    ${context.moreOptions}
  `;
}
