// The demo's settings from its query string, as the reference server's email links open it.
import { expect } from '@open-wc/testing';
import { DEFAULTS, parseSettings } from '../../demo/settings.js';

describe('demo/settings', () => {
  it('opens an email link (?case=N&locale=L) on that case, in the email’s language', () => {
    const settings = parseSettings('?case=10000005&locale=pt-BR');
    expect(settings.element).to.equal('my-tickets');
    expect(settings.ticket).to.equal('10000005');
    expect(settings.locale).to.equal('pt-BR');
  });

  it('keeps the defaults for what a link does not say or says wrong', () => {
    const settings = parseSettings('?case=10000005&locale=xx');
    expect(settings.locale).to.equal(DEFAULTS.locale);
    expect(settings.user).to.equal(DEFAULTS.user);
    expect(parseSettings('?ticket=<script>').ticket).to.equal(DEFAULTS.ticket);
  });
});
