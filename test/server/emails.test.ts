/**
 * Notification emails follow the case's language (the locale stored with the ticket), with the
 * state names the UI shows: compared with the UI's own messages (the generated lit-localize
 * modules, and the msg() defaults for English as extracted into the XLIFF), never with retyped words. Their words are the
 * `email.*` units of locales/*.xlf: the French email is checked against fr.xlf itself.
 */
import assert from 'node:assert/strict';
import { str } from '@lit/localize';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { STATUSES } from '../../src/core/ticket.js';
import type { EmailTexts } from '../../src/localization/email-messages.js';
import { templates as de } from '../../src/localization/generated/locales/de.js';
import { templates as fr } from '../../src/localization/generated/locales/fr.js';
import { templates as ja } from '../../src/localization/generated/locales/ja.js';
import { templates as ptBR } from '../../src/localization/generated/locales/pt-BR.js';
import { caseLink, checkCaseUrl } from '../../server/case-url.js';
import { EMAIL_LOCALES, emailLocale, msgFrom, PSEUDO_LOCALE, textsIn, type EmailLocale } from '../../server/email-templates.js';
import { clock, DAY, newCase, sql, start, type Mail, type Started } from './helpers.js';

interface T {
  number: string;
  status: string;
}

/**
 * The English of a UI message as lit-localize extracted it from the code (the <source> of its
 * unit), so this test does not depend on which src/elements/ file holds the msg() call.
 */
function english(id: string): string {
  const file = readFileSync(new URL('../../locales/fr.xlf', import.meta.url), 'utf8');
  const unit = new RegExp(`<trans-unit id="${id.replace(/\./g, '\\.')}">\\s*<source>([^<]*)</source>`).exec(file);
  assert.ok(unit?.[1] !== undefined, `fr.xlf has ${id}`);
  return unit[1];
}

/** The UI's state names, by locale: English from the code's msg() defaults, the others generated. */
const UI: Record<EmailLocale, (id: `status.${(typeof STATUSES)[number]}`) => string> = {
  en: (id) => english(id),
  fr: (id) => fr[id],
  de: (id) => de[id],
  'pt-BR': (id) => ptBR[id],
  ja: (id) => ja[id],
};

/** Area A in FR, DE, PT-BR and JA asks for a category and subcategory (flow 2). */
const caseIn = (locale: EmailLocale, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  newCase(locale === 'en' ? extra : { categoryId: 'account', subcategoryId: 'billing', ...extra });

/**
 * A unit's <target> in a locale file, its placeholders <x id="N"/> replaced by `values[N]`:
 * the words as the translator wrote them, read without the server's renderer.
 */
function xlf(locale: string, id: string, ...values: readonly (string | number)[]): string {
  const file = readFileSync(new URL(`../../locales/${locale}.xlf`, import.meta.url), 'utf8');
  const unit = new RegExp(`<trans-unit id="${id.replace(/\./g, '\\.')}">[\\s\\S]*?<target>([\\s\\S]*?)</target>`).exec(file);
  assert.ok(unit?.[1] !== undefined, `${locale}.xlf translates ${id}`);
  return unit[1]
    .replace(/<x id="(\d+)"[^>]*\/>/g, (_, n: string) => String(values[Number(n)]))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

type Made = readonly [text: string, ...args: (string | number)[]];

/** Each text of `t` with the arguments it was made with, which show where they land. */
function everyText(t: EmailTexts): Record<string, Made> {
  const [name, url, number, subject, reference] = ['ARG-name', 'ARG-url', 'ARG-number', 'ARG-subject', 'ARG-reference'];
  const made = {
    greeting: [t.greeting(name), name],
    caseLink: [t.caseLink(url), url],
    replyByEmail: [t.replyByEmail()],
    noReply: [t.noReply(url), url],
    noReplyNoLink: [t.noReplyNoLink()],
    createdSubject: [t.createdSubject(number, subject), number, subject],
    createdIntro: [t.createdIntro(number, 'ARG-open'), number, 'ARG-open'],
    createdFollow: [t.createdFollow(url), url],
    commentSubject: [t.commentSubject(number, subject), number, subject],
    commentIntro: [t.commentIntro()],
    commentState: [t.commentState('ARG-state'), 'ARG-state'],
    closedSubject: [t.closedSubject(number, 'ARG-closed', subject), number, 'ARG-closed', subject],
    closedManual: [t.closedManual(number, 'ARG-closed'), number, 'ARG-closed'],
    closedAuto: [t.closedAuto(number, 'ARG-closed', 'ARG-pending', 987), number, 'ARG-closed', 'ARG-pending', 987],
    closedReadOnly: [t.closedReadOnly()],
    closedPersists: [t.closedPersists(number), number],
    closedMyTickets: [t.closedMyTickets()],
    watcherSubject: [t.watcherSubject(number, subject), number, subject],
    watcherAdded: [t.watcherAdded('ARG-by', number), 'ARG-by', number],
    watcherSignIn: [t.watcherSignIn(url), url],
    watcherSignInNoLink: [t.watcherSignInNoLink()],
    signInHelpSubject: [t.signInHelpSubject(reference), reference],
    signInHelpReceived: [t.signInHelpReceived(reference), reference],
    signInHelpContact: [t.signInHelpContact()],
  } satisfies Record<Exclude<keyof EmailTexts, 'state'>, Made>;
  return { ...made, ...Object.fromEntries(STATUSES.map((s): [string, Made] => [`state.${s}`, [t.state(s)]])) };
}

describe('email texts (the email.* messages of locales/*.xlf)', () => {
  test('every locale has every text, translated, with every value in its place', () => {
    const english = everyText(textsIn('en'));
    for (const locale of [...EMAIL_LOCALES, PSEUDO_LOCALE] as const) {
      const texts = everyText(textsIn(locale));
      assert.deepEqual(Object.keys(texts), Object.keys(english), locale);
      for (const [name, [text, ...args]] of Object.entries(texts)) {
        assert.ok(text.trim().length > 0, `${locale} ${name}`);
        for (const arg of args) assert.equal(text.split(String(arg)).length - 1, 1, `${locale} ${name}: ${String(arg)} once in "${text}"`);
        if (locale !== 'en') assert.notEqual(text, english[name]?.[0], `${locale} ${name} is translated`);
      }
    }
  });

  test('state names are the UI ones, in every locale', () => {
    for (const locale of EMAIL_LOCALES) {
      for (const s of STATUSES) assert.equal(textsIn(locale).state(s), UI[locale](`status.${s}`), `${locale} ${s}`);
    }
    assert.equal(textsIn('en').state('action_required'), english('status.action_required'));
  });

  test('locale matching and fallback to English; values put in are never read as placeholders', () => {
    assert.equal(emailLocale('fr'), 'fr');
    assert.equal(emailLocale('pt-br'), 'pt-BR');
    assert.equal(emailLocale('pt'), 'pt-BR');
    assert.equal(emailLocale('ja-JP'), 'ja');
    assert.equal(emailLocale('es'), 'en');
    assert.equal(emailLocale(''), 'en');
    assert.equal(emailLocale(undefined), 'en');
    assert.equal(emailLocale('en-XA'), PSEUDO_LOCALE);
    assert.equal(textsIn('fr').greeting('${0} {name} $1'), 'Bonjour ${0} {name} $1,');
    assert.equal(textsIn('fr').watcherAdded('A', 'B'), 'A a ajouté votre adresse e-mail aux observateurs du dossier d’assistance B.');
  });

  test('msgFrom: a translation may reorder the values; a message missing or of another shape is the English source', () => {
    const msg = msgFrom({ 'email.a': 'Salut', 'email.b': str`${1} puis ${0}`, 'email.c': 'sans valeur', 'email.d': str`${0}` });
    assert.equal(msg('Hello', { id: 'email.a', desc: '' }), 'Salut');
    assert.equal(msg(str`${'one'} then ${'two'}`, { id: 'email.b', desc: '' }), 'two puis one');
    assert.equal(msg(str`${'one'} then ${'two'}`, { id: 'email.missing', desc: '' }), 'one then two');
    assert.equal(msg(str`with ${'value'}`, { id: 'email.c', desc: '' }), 'with value');
    assert.equal(msg('plain', { id: 'email.d', desc: '' }), 'plain');
    assert.equal(msgFrom(undefined)(str`[Case ${'00000001'}] ${'x'}`, { id: 'email.created.subject', desc: '' }), '[Case 00000001] x');
  });
});

/** The page that embeds the widget, as an operator would configure it (`--case-url`). */
const CASE_URL = 'https://app.example.com/support?case={number}';
const caseUrlOf = (number: string): string => `https://app.example.com/support?case=${number}`;

describe('notification emails in the case language', () => {
  let s: Started;
  let sam: string;
  before(async () => {
    s = await start({ seedDemo: false, caseUrl: CASE_URL });
    sam = await s.api.signIn('sam@example.com');
  });
  after(() => s.close());

  const create = async (locale: EmailLocale, extra: Record<string, unknown> = {}): Promise<T> => {
    const res = await s.api.call<T>('POST', '/api/tickets', { token: sam, json: caseIn(locale, extra), lang: locale });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const agent = async (number: string, json: Record<string, unknown>): Promise<void> => {
    const res = await s.api.call('POST', `/api/_dev/tickets/${number}/agent-comment`, { json });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };
  const outbox = async (ticket: string): Promise<Mail[]> => (await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${ticket}`)).body.items;

  test('created with Accept-Language fr: a French email with the UI word for Open, link; portal → do not reply', async () => {
    const t = await create('fr', { contactMethod: 'portal' });
    const [mail] = await outbox(t.number);
    assert.equal(mail?.kind, 'ticket_created');
    assert.ok(mail?.body.includes(fr['status.open']), mail?.body);
    assert.ok(mail?.body.includes(`est ${fr['status.open']}`), 'the seed: « Votre dossier est Ouvert »');
    assert.match(mail?.subject ?? '', new RegExp(`^\\[Dossier ${t.number}\\] `));
    assert.match(mail?.body ?? '', /^Bonjour Sam Sample,/);
    assert.ok(mail?.body.includes(caseUrlOf(t.number)), mail?.body);
    // Online support center: no-reply sender, do not reply, sign in to add comments.
    assert.match(mail?.from ?? '', /^no-reply@/);
    assert.match(mail?.body ?? '', /«\u202fne pas répondre\u202f»/);
    assert.match(mail?.body ?? '', /ne répondez pas à cet e-mail/);
    assert.match(mail?.body ?? '', /identifiez-vous sur le centre d’assistance/);
    assert.doesNotMatch(mail?.body ?? '', /reply|support case|Hello/i, 'no English left');
  });

  test("a French case's email is made of fr.xlf's words, in the order of the seed's email", async () => {
    const t = await create('fr', { contactMethod: 'portal' });
    const [mail] = await outbox(t.number);
    const url = caseUrlOf(t.number);
    assert.equal(mail?.subject, xlf('fr', 'email.created.subject', t.number, 'Envelope does not send'));
    assert.equal(
      mail?.body,
      [
        xlf('fr', 'email.greeting', 'Sam Sample'),
        '',
        xlf('fr', 'email.created.intro', t.number, xlf('fr', 'email.status.open')),
        xlf('fr', 'email.created.follow', url),
        '',
        xlf('fr', 'email.no_reply', url),
      ].join('\n'),
    );
    assert.equal(xlf('fr', 'email.status.open'), 'Ouvert', 'the seed word');
    assert.ok(mail?.body.includes(`Votre dossier d’assistance ${t.number} est Ouvert`), mail?.body);
  });

  test('the sign-in help receipt follows the language of the request', async () => {
    const ok = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', {
      json: { name: 'Léa', email: 'lea@example.com', areaId: 'seal', description: 'Mon e-mail de réinitialisation n’arrive jamais.' },
      lang: 'fr',
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const reference = ok.body.reference;
    const mails = (await s.api.call<{ items: Mail[] }>('GET', '/api/_dev/outbox?to=lea%40example.com')).body.items;
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.kind, 'sign_in_help');
    assert.equal(mails[0]?.subject, xlf('fr', 'email.sign_in_help.subject', reference));
    assert.equal(
      mails[0]?.body,
      [xlf('fr', 'email.greeting', 'Léa'), '', xlf('fr', 'email.sign_in_help.received', reference), xlf('fr', 'email.sign_in_help.contact')].join('\n'),
    );
    assert.match(mails[0]?.from ?? '', /^no-reply@/);
  });

  test('the sign-in help receipt in English is worded as before', async () => {
    const ok = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', {
      json: { name: ' Lee ', email: 'lee@example.com', areaId: 'seal', description: 'My password reset mail never arrives.' },
      lang: 'en',
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const r = ok.body.reference;
    const [mail] = (await s.api.call<{ items: Mail[] }>('GET', '/api/_dev/outbox?to=lee%40example.com')).body.items;
    assert.equal(mail?.subject, `We received your sign-in help request (${r})`);
    assert.equal(mail?.body, `Hello Lee,\n\nWe received your request about signing in. Reference: ${r}.\nA support expert will contact you at this address.`);
  });

  test('created in French with the email preference: reply directly to this email', async () => {
    const t = await create('fr', { contactMethod: 'email' });
    const [mail] = await outbox(t.number);
    assert.doesNotMatch(mail?.from ?? '', /no-reply/);
    assert.match(mail?.body ?? '', /répondre directement à cet e-mail/);
    assert.doesNotMatch(mail?.body ?? '', /ne répondez pas/);
  });

  test('the ticket language is the one stored with it: a later request in another language does not change it', async () => {
    const t = await create('ja', { contactMethod: 'email' });
    const res = await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: sam, json: { email: 'kim@example.com' }, lang: 'en' });
    assert.equal(res.status, 201);
    const mails = await outbox(t.number);
    assert.equal(mails[0]?.kind, 'ticket_created');
    assert.ok(mails[0]?.body.includes(`「${ja['status.open']}」`), mails[0]?.body);
    assert.match(mails[0]?.body ?? '', /このメールに直接返信/);
    const watcher = mails.at(-1);
    assert.equal(watcher?.kind, 'watcher_added');
    assert.equal(watcher?.to, 'kim@example.com');
    assert.match(watcher?.subject ?? '', /ウォッチャーに追加されました/);
    assert.match(watcher?.body ?? '', /Sam Sample 様により/);
  });

  test('expert comment in German: German text, with the UI word of the state the comment set', async () => {
    const t = await create('de', { contactMethod: 'portal' });
    await agent(t.number, { body: 'Bitte versuchen Sie Folgendes.', status: 'pending' });
    const mail = (await outbox(t.number)).at(-1);
    assert.equal(mail?.kind, 'agent_comment');
    assert.match(mail?.subject ?? '', new RegExp(`^\\[Fall ${t.number}\\] Neue Antwort vom Support: `));
    assert.ok(mail?.body.includes(`Status Ihres Falls: ${de['status.pending']}`), mail?.body);
    assert.ok(mail?.body.includes('Bitte versuchen Sie Folgendes.'));
    assert.match(mail?.body ?? '', /Bitte antworten Sie nicht auf diese E-Mail/);
  });

  for (const locale of EMAIL_LOCALES) {
    test(`closed (${locale}): the close email uses the UI's '${locale}' word for Closed and says to open a new case`, async () => {
      const t = await create(locale);
      await agent(t.number, { body: 'Done.', status: 'closed' });
      const mails = await outbox(t.number);
      assert.deepEqual(mails.map((m) => m.kind), ['ticket_created', 'agent_comment', 'ticket_closed']);
      const closed = mails.at(-1);
      const word = UI[locale]('status.closed');
      assert.ok(closed?.subject.includes(word), closed?.subject);
      assert.ok(closed?.body.includes(word), closed?.body);
      assert.match(closed?.from ?? '', /^no-reply@/);
      // The seed: if the problem persists, open a new case and add this case's number as a comment.
      assert.ok(closed?.body.includes(textsIn(locale).closedPersists(t.number)), closed?.body);
      assert.ok(closed?.body.includes(caseUrlOf(t.number)), closed?.body);
      for (const other of EMAIL_LOCALES.filter((l) => l !== locale && UI[l]('status.closed') !== word)) {
        assert.ok(!closed?.subject.includes(UI[other]('status.closed')), `${other} word in a ${locale} email`);
      }
      // The comment email said the case's state after the change.
      assert.ok(mails[1]?.body.includes(word), mails[1]?.body);
    });
  }

  test('English is unchanged: reply / no-reply wording, "Open" and "Closed" from the UI', async () => {
    const portal = await create('en', { contactMethod: 'portal' });
    const email = await create('en', { contactMethod: 'email' });
    const [p] = await outbox(portal.number);
    const [e] = await outbox(email.number);
    assert.equal(p?.subject, `[Case ${portal.number}] Envelope does not send`);
    assert.ok(p?.body.startsWith(`Hello Sam Sample,\n\nYour support case ${portal.number} is ${english('status.open')}. A support expert will review it.`), p?.body);
    assert.match(p?.body ?? '', /do not reply to this email/);
    assert.match(p?.body ?? '', /sign in to the support center/);
    assert.match(e?.body ?? '', /You can reply to this email/);
  });

  test('a stored locale the emails do not have falls back to English', async () => {
    const t = await create('en');
    await sql(s, 'UPDATE tickets SET locale = ? WHERE number = ?', ['es', Number(t.number)]);
    await agent(t.number, { status: 'closed' });
    const mail = (await outbox(t.number)).at(-1);
    assert.equal(mail?.kind, 'ticket_closed');
    assert.match(mail?.body ?? '', new RegExp(`Your case ${t.number} is ${english('status.closed')}\\.`));
  });
});

test('auto-close in French: « En attente » for 5 days, then « Fermé », in the UI words', async () => {
  const c = clock();
  const s = await start({ now: c.now, seedDemo: false });
  try {
    const token = await s.api.signIn('sam@example.com');
    const created = await s.api.call<T>('POST', '/api/tickets', { token, json: caseIn('fr'), lang: 'fr' });
    assert.equal(created.status, 201);
    const number = created.body.number;
    await s.api.call('POST', `/api/_dev/tickets/${number}/agent-comment`, { json: { body: 'Voici la solution.', status: 'pending' } });
    c.advance(5 * DAY);
    assert.deepEqual(await s.server.runAutoClose(), [number]);
    const mails = await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${number}`);
    const last = mails.body.items.at(-1);
    assert.equal(last?.kind, 'ticket_closed');
    assert.ok(last?.body.includes(`est ${fr['status.closed']}\u202f: il a été fermé automatiquement`), last?.body);
    assert.ok(last?.body.includes(`«\u202f${fr['status.pending']}\u202f» pendant 5 jours`), last?.body);
    assert.match(last?.body ?? '', /Mes tickets/);
    assert.match(last?.body ?? '', /Contacter l’assistance/);
  } finally {
    await s.close();
  }
});

describe('the link to the case (--case-url)', () => {
  test('every email about a case links to the configured page, with the number in place of {number}', async () => {
    const s = await start({ seedDemo: false, caseUrl: 'https://app.example.com/support?case={number}&from=email' });
    try {
      const token = await s.api.signIn('sam@example.com');
      const created = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase({ contactMethod: 'portal' }), lang: 'en' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { number } = created.body;
      const link = `https://app.example.com/support?case=${number}&from=email`;
      const watched = await s.api.call('POST', `/api/tickets/${number}/watchers`, { token, json: { email: 'pat@example.com' } });
      assert.ok(watched.status < 300, JSON.stringify(watched.body));
      await s.api.call('POST', `/api/_dev/tickets/${number}/agent-comment`, { json: { body: 'Fixed.', status: 'closed' } });
      const mails = (await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${number}`)).body.items;
      assert.deepEqual(mails.map((m) => m.kind).sort(), ['agent_comment', 'ticket_closed', 'ticket_created', 'watcher_added']);
      for (const mail of mails) assert.ok(mail.body.includes(link), `${mail.kind}: ${mail.body}`);
      const createdMail = mails.find((m) => m.kind === 'ticket_created');
      assert.ok(createdMail?.body.includes(textsIn('en').createdFollow(link)), createdMail?.body);
    } finally {
      await s.close();
    }
  });

  test('the number is URL-encoded where {number} stands, the language where {locale} does', () => {
    assert.equal(caseLink('https://app.example.com/c/{number}?n={number}')('a b/&?', 'fr'), 'https://app.example.com/c/a%20b%2F%26%3F?n=a%20b%2F%26%3F');
    assert.equal(caseLink('https://app.example.com/support?case={number}&lang={locale}')('00001234', 'pt-BR'), 'https://app.example.com/support?case=00001234&lang=pt-BR');
  });

  test('{locale} is the language of the email: a case opened in Brazilian Portuguese links to the page in it', async () => {
    const s = await start({ seedDemo: false, caseUrl: 'https://app.example.com/support?case={number}&locale={locale}' });
    try {
      const token = await s.api.signIn('sam@example.com');
      const created = await s.api.call<T>('POST', '/api/tickets', { token, json: caseIn('pt-BR', { contactMethod: 'portal' }), lang: 'pt-BR' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const [mail] = (await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${created.body.number}`)).body.items;
      assert.ok(mail?.body.includes(`https://app.example.com/support?case=${created.body.number}&locale=pt-BR`), mail?.body);
      assert.ok(mail?.body.includes(textsIn('pt-BR').createdFollow(`https://app.example.com/support?case=${created.body.number}&locale=pt-BR`)), mail?.body);
    } finally {
      await s.close();
    }
  });

  test('without a case page the emails carry no link (never one to the API server)', async () => {
    const s = await start({ seedDemo: false });
    try {
      const token = await s.api.signIn('sam@example.com');
      const created = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase({ contactMethod: 'portal' }), lang: 'en' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const [mail] = (await s.api.call<{ items: Mail[] }>('GET', `/api/_dev/outbox?ticket=${created.body.number}`)).body.items;
      assert.equal(mail?.kind, 'ticket_created');
      assert.doesNotMatch(mail?.body ?? '', /https?:\/\//, mail?.body);
      assert.doesNotMatch(mail?.body ?? '', /Follow your case here/, mail?.body);
      assert.ok(mail?.body.endsWith(textsIn('en').noReplyNoLink()), mail?.body);
    } finally {
      await s.close();
    }
  });

  test('a template that is not http(s) or has no {number} is refused with the reason', () => {
    assert.equal(checkCaseUrl(' https://app.example.com/support?case={number} '), 'https://app.example.com/support?case={number}');
    assert.throws(() => checkCaseUrl('https://app.example.com/support'), /must contain \{number\}/);
    assert.throws(() => checkCaseUrl('javascript:alert({number})'), /http:\/\/ or https:\/\//);
    assert.throws(() => checkCaseUrl('/support?case={number}'), /absolute http:\/\/ or https:\/\//);
  });
});
