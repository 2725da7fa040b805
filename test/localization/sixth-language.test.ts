// A sixth language in the config (docs/TRANSLATING.md): with "it" added to `locales` only,
// every area says where it is offered instead and the can't-sign-in help falls back to the
// default language's; one more entry in a flow route gives Italian that flow. (The build
// side: test/node/sixth-language.test.mjs.)
import { expect } from '@open-wc/testing';
import { seedConfig, type SupportConfig } from '../../src/core/config.js';
import { productAvailability, resolveFlow, signInHelpFor } from '../../src/core/flows.js';
import { uiLocales } from '../../src/localization/localization.js';
import { resolveElementLocale } from '../../src/localization/resolve-locale.js';

const withItalian: SupportConfig = { ...seedConfig, locales: [...seedConfig.locales, 'it'] };

describe('a sixth language in the config', () => {
  it('has no flow until a route names it: the areas say which languages offer them', () => {
    for (const area of seedConfig.areas) {
      const resolution = resolveFlow(withItalian, 'it', area.id);
      expect(resolution.offered, area.id).to.equal(false);
      if (!resolution.offered) expect(resolution.offeredIn).to.include('en');
    }
    const esign = resolveFlow(withItalian, 'it', 'esign');
    expect(esign.offered ? [] : esign.offeredIn).to.deep.equal(['en', 'fr', 'de', 'pt-BR', 'ja']);
  });

  it('says each product is offered in the languages of its area (Insight & Analyzer: English only)', () => {
    expect(productAvailability(withItalian, 'it', 'esignature')).to.deep.equal({
      offered: false,
      offeredIn: ['en', 'fr', 'de', 'pt-BR', 'ja'],
    });
    expect(productAvailability(withItalian, 'it', 'insight')).to.deep.equal({ offered: false, offeredIn: ['en'] });
  });

  it('reaches the can’t-sign-in form the default language’s way', () => {
    expect(signInHelpFor(withItalian, 'it')).to.deep.equal(signInHelpFor(withItalian, withItalian.defaultLocale));
  });

  it('gets a flow from one more entry in a flow route', () => {
    const routed: SupportConfig = {
      ...withItalian,
      flowRoutes: withItalian.flowRoutes.map((route) =>
        route.flowId === 'flow2' ? { ...route, locales: [...route.locales, 'it'] } : route,
      ),
    };
    const esign = resolveFlow(routed, 'it', 'esign');
    expect(esign.offered).to.equal(true);
    if (esign.offered) expect(esign.flow.id).to.equal('flow2');
    expect(productAvailability(routed, 'it', 'rooms')).to.deep.equal({ offered: true });
  });

  it('is spoken by an element once its messages are built, and not before', () => {
    const el = document.createElement('div');
    document.body.append(el);
    try {
      expect(resolveElementLocale(el, 'it-IT', withItalian, uiLocales).locale).to.equal('en');
      expect(resolveElementLocale(el, 'it-IT', withItalian, [...uiLocales, 'it'])).to.deep.equal({ locale: 'it', messages: 'it' });
    } finally {
      el.remove();
    }
  });
});
