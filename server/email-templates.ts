/**
 * The words of the notification emails, by the case's language (the locale stored with the
 * ticket), with a fallback to English. Data only: `notify.ts` assembles the messages.
 *
 * State names are not written here: they are the UI's own, read from the same messages the
 * widget shows, so a case is "Ouvert" in the French email because it is "Ouvert" in the French
 * list of cases.
 * - fr, de, pt-BR, ja: the lit-localize generated modules (`templates['status.open']`, ...).
 * - en: the source defaults of `statusLabel()` in src/elements/shared/messages.ts (the `msg()`
 *   defaults), read once when this module loads. The server never configures lit-localize, and
 *   even a runtime configuration starts on the source locale, so these are the English words;
 *   taking them from the source instead of a copy means an English rename cannot drift.
 *
 * Placeholders are `{name}`; `fill()` replaces them in one pass, so user text put in (a subject,
 * a comment) is never read as a placeholder. Every locale has every key with the same
 * placeholders as English (test/server/emails.test.ts checks it).
 */
import { matchLocale } from '../src/core/locale.js';
import { STATUSES, type Status } from '../src/core/ticket.js';
import { statusLabel } from '../src/elements/shared/messages.js';
import { templates as de } from '../src/localization/generated/locales/de.js';
import { templates as fr } from '../src/localization/generated/locales/fr.js';
import { templates as ja } from '../src/localization/generated/locales/ja.js';
import { templates as ptBR } from '../src/localization/generated/locales/pt-BR.js';

export const EMAIL_LOCALES = ['en', 'fr', 'de', 'pt-BR', 'ja'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];
export const FALLBACK_EMAIL_LOCALE: EmailLocale = 'en';

/** The UI's message ids of the state names. */
export type StatusMessageId = `status.${Status}`;
export type StatusNames = { readonly [K in StatusMessageId]: string };

const englishStatusNames = Object.fromEntries(STATUSES.map((s) => [`status.${s}`, statusLabel(s)])) as StatusNames;

/** State names by locale, exactly as the UI shows them (a missing id fails the type check). */
export const STATUS_NAMES: { readonly [L in EmailLocale]: StatusNames } = {
  en: englishStatusNames,
  fr,
  de,
  'pt-BR': ptBR,
  ja,
};

/** Every text of the emails. Placeholders: see each English value. */
export interface EmailTemplate {
  readonly greeting: string;
  readonly caseLink: string;
  readonly replyByEmail: string;
  readonly noReply: string;
  readonly createdSubject: string;
  readonly createdIntro: string;
  readonly createdFollow: string;
  readonly commentSubject: string;
  readonly commentIntro: string;
  readonly commentState: string;
  readonly closedSubject: string;
  readonly closedManual: string;
  readonly closedAuto: string;
  readonly closedReadOnly: string;
  readonly closedPersists: string;
  readonly closedMyTickets: string;
  readonly watcherSubject: string;
  readonly watcherAdded: string;
  readonly watcherSignIn: string;
}

export const EMAIL_TEMPLATES: { readonly [L in EmailLocale]: EmailTemplate } = {
  en: {
    greeting: 'Hello {name},',
    caseLink: 'Your case: {url}',
    replyByEmail: 'You can reply to this email to add a comment to your case; your reply goes to the support expert.',
    noReply:
      'This message comes from a no-reply address: do not reply to this email. To add a comment, sign in to the support center and open your case: {url}',
    createdSubject: '[Case {number}] {subject}',
    createdIntro: 'Your support case {number} is {open}. A support expert will review it.',
    createdFollow: 'Follow your case here: {url}',
    commentSubject: '[Case {number}] New reply from support: {subject}',
    commentIntro: 'A support expert replied to your case:',
    commentState: 'State of your case: {state}',
    closedSubject: '[Case {number}] Your case is {closed}: {subject}',
    closedManual: 'Your case {number} is {closed}.',
    closedAuto: 'Your case {number} is {closed}: it was closed automatically because it stayed {pending} for {days} days with no update.',
    closedReadOnly: 'A closed case can no longer be updated.',
    closedPersists: "If the problem persists, open a new case from Contact Support and add this case's number ({number}) as a comment.",
    closedMyTickets: 'You can see all your cases and their numbers on the My tickets page.',
    watcherSubject: '[Case {number}] You were added as a watcher: {subject}',
    watcherAdded: '{by} added you as a watcher of support case {number}.',
    watcherSignIn: 'Sign in to the support center with this email address to follow it: {url}',
  },
  fr: {
    greeting: 'Bonjour {name},',
    caseLink: 'Votre dossier : {url}',
    replyByEmail:
      "Vous pouvez répondre directement à cet e-mail pour ajouter un commentaire à votre dossier ; votre réponse sera transmise à l'expert de l'assistance.",
    noReply:
      "Ce message provient d'une adresse « ne pas répondre » : ne répondez pas à cet e-mail. Pour ajouter un commentaire, identifiez-vous sur le centre d'assistance et ouvrez votre dossier : {url}",
    createdSubject: '[Dossier {number}] {subject}',
    createdIntro: "Votre dossier d'assistance {number} est {open} et sera examiné par un expert de l'assistance.",
    createdFollow: 'Suivez votre dossier ici : {url}',
    commentSubject: "[Dossier {number}] Nouvelle réponse de l'assistance : {subject}",
    commentIntro: "Un expert de l'assistance a répondu à votre dossier :",
    commentState: 'État de votre dossier : {state}',
    closedSubject: '[Dossier {number}] Votre dossier est {closed} : {subject}',
    closedManual: 'Votre dossier {number} est {closed}.',
    closedAuto:
      'Votre dossier {number} est {closed} : il a été fermé automatiquement, car il est resté à l\'état « {pending} » pendant {days} jours sans être mis à jour.',
    closedReadOnly: "Un dossier fermé ne peut plus être modifié, ni par vous ni par l'expert de l'assistance.",
    closedPersists:
      "Si le problème persiste, ouvrez un nouveau dossier depuis la page Contacter l'assistance et ajoutez le numéro de ce dossier ({number}) comme commentaire.",
    closedMyTickets: 'Vous pouvez afficher tous vos dossiers et leurs numéros sur la page Mes tickets.',
    watcherSubject: '[Dossier {number}] Vous suivez désormais ce dossier : {subject}',
    watcherAdded: "{by} a ajouté votre adresse e-mail aux observateurs du dossier d'assistance {number}.",
    watcherSignIn: "Identifiez-vous sur le centre d'assistance avec cette adresse e-mail pour suivre la progression du dossier : {url}",
  },
  de: {
    greeting: 'Guten Tag {name},',
    caseLink: 'Ihr Fall: {url}',
    replyByEmail:
      'Sie können direkt auf diese E-Mail antworten, um Ihrem Fall einen Kommentar hinzuzufügen; Ihre Antwort wird an den Support-Experten weitergeleitet.',
    noReply:
      'Diese Nachricht wurde von einer „No-Reply“-Adresse gesendet: Bitte antworten Sie nicht auf diese E-Mail. Um einen Kommentar hinzuzufügen, melden Sie sich im Support-Center an und öffnen Sie Ihren Fall: {url}',
    createdSubject: '[Fall {number}] {subject}',
    createdIntro: 'Ihr Supportfall {number} hat den Status „{open}“ und wird von einem Support-Experten geprüft.',
    createdFollow: 'Hier können Sie Ihren Fall verfolgen: {url}',
    commentSubject: '[Fall {number}] Neue Antwort vom Support: {subject}',
    commentIntro: 'Ein Support-Experte hat auf Ihren Fall geantwortet:',
    commentState: 'Status Ihres Falls: {state}',
    closedSubject: '[Fall {number}] Ihr Fall hat den Status „{closed}“: {subject}',
    closedManual: 'Ihr Fall {number} hat jetzt den Status „{closed}“.',
    closedAuto:
      'Ihr Fall {number} hat jetzt den Status „{closed}“: Er wurde automatisch geschlossen, weil er {days} Tage lang ohne Aktualisierung den Status „{pending}“ hatte.',
    closedReadOnly: 'Ein geschlossener Fall kann weder von Ihnen noch vom Support-Experten geändert werden.',
    closedPersists:
      'Falls das Problem weiterhin besteht, eröffnen Sie über „Support kontaktieren“ einen neuen Fall und fügen Sie die Nummer dieses Falls ({number}) als Kommentar hinzu.',
    closedMyTickets: 'Alle Ihre Fälle und deren Nummern finden Sie auf der Seite „Meine Tickets“.',
    watcherSubject: '[Fall {number}] Sie wurden als Beobachter hinzugefügt: {subject}',
    watcherAdded: '{by} hat Sie als Beobachter des Supportfalls {number} hinzugefügt.',
    watcherSignIn: 'Melden Sie sich mit dieser E-Mail-Adresse im Support-Center an, um den Fortschritt des Falls zu verfolgen: {url}',
  },
  'pt-BR': {
    greeting: 'Olá, {name},',
    caseLink: 'Seu chamado: {url}',
    replyByEmail:
      'Você pode responder diretamente a este e-mail para adicionar um comentário ao seu chamado; sua resposta será encaminhada ao especialista de suporte.',
    noReply:
      'Esta mensagem foi enviada de um endereço “não responda”: não responda a este e-mail. Para adicionar um comentário, entre na central de suporte e abra o seu chamado: {url}',
    createdSubject: '[Chamado {number}] {subject}',
    createdIntro: 'O status do seu chamado de suporte {number} é “{open}”: ele será analisado por um especialista de suporte.',
    createdFollow: 'Acompanhe o seu chamado aqui: {url}',
    commentSubject: '[Chamado {number}] Nova resposta do suporte: {subject}',
    commentIntro: 'Um especialista de suporte respondeu ao seu chamado:',
    commentState: 'Status do seu chamado: {state}',
    closedSubject: '[Chamado {number}] Status do seu chamado: {closed} – {subject}',
    closedManual: 'O status do seu chamado {number} agora é “{closed}”.',
    closedAuto:
      'O status do seu chamado {number} agora é “{closed}”: ele foi fechado automaticamente porque ficou com o status “{pending}” por {days} dias sem atualização.',
    closedReadOnly: 'Um chamado fechado não pode mais ser alterado, nem por você nem pelo especialista de suporte.',
    closedPersists:
      'Se o problema continuar, abra um novo chamado em Fale com o suporte e adicione o número deste chamado ({number}) como comentário.',
    closedMyTickets: 'Você pode ver todos os seus chamados e os respectivos números na página Meus chamados.',
    watcherSubject: '[Chamado {number}] Você agora acompanha este chamado: {subject}',
    watcherAdded: '{by} adicionou o seu endereço de e-mail aos observadores do chamado de suporte {number}.',
    watcherSignIn: 'Entre na central de suporte com este endereço de e-mail para acompanhar o andamento do chamado: {url}',
  },
  ja: {
    greeting: '{name} 様',
    caseLink: 'ケースの詳細：{url}',
    replyByEmail: 'このメールに直接返信して、ケースにコメントを追加していただけます。ご返信の内容はサポート担当者に届きます。',
    noReply:
      'このメールは「返信不可」のアドレスから送信されています。このメールには返信しないでください。コメントを追加するには、サポートセンターにサインインしてケースを開いてください：{url}',
    createdSubject: '[ケース {number}] {subject}',
    createdIntro: 'サポートケース {number} の状態は「{open}」です。サポート担当者が内容を確認いたします。',
    createdFollow: 'ケースの状況はこちらからご確認いただけます：{url}',
    commentSubject: '[ケース {number}] サポートから新しい回答が届きました：{subject}',
    commentIntro: 'サポート担当者からケースへの回答がありました。',
    commentState: 'ケースの状態：{state}',
    closedSubject: '[ケース {number}] ケースの状態が「{closed}」になりました：{subject}',
    closedManual: 'ケース {number} の状態が「{closed}」になりました。',
    closedAuto: 'ケース {number} は「{pending}」の状態のまま {days} 日間更新がなかったため、自動的にクローズされ、状態が「{closed}」になりました。',
    closedReadOnly: 'クローズされたケースは、お客様もサポート担当者も更新できません。',
    closedPersists:
      '問題が解決しない場合は、「サポートへのお問い合わせ」から新しいケースを作成し、このケースの番号（{number}）をコメントとして追加してください。',
    closedMyTickets: 'すべてのケースとその番号は「マイチケット」ページでご確認いただけます。',
    watcherSubject: '[ケース {number}] ウォッチャーに追加されました：{subject}',
    watcherAdded: '{by} 様により、サポートケース {number} のウォッチャーに追加されました。',
    watcherSignIn: 'このメールアドレスでサポートセンターにサインインすると、ケースの進捗状況をご確認いただけます：{url}',
  },
};

/** The email language for a stored locale: the same matching as Accept-Language, else English. */
export function emailLocale(locale: string | null | undefined): EmailLocale {
  return (matchLocale(locale ? [locale] : [], EMAIL_LOCALES) as EmailLocale | undefined) ?? FALLBACK_EMAIL_LOCALE;
}

/** Replaces `{key}` with `vars[key]` in one pass; unknown placeholders stay as they are. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(vars, key) ? String(vars[key]) : whole));
}

/** The texts and state names of one locale. */
export function emailTextsFor(locale: string | null | undefined): {
  readonly locale: EmailLocale;
  readonly text: EmailTemplate;
  state(status: Status): string;
} {
  const l = emailLocale(locale);
  const names = STATUS_NAMES[l];
  return {
    locale: l,
    text: EMAIL_TEMPLATES[l],
    state: (status) => names[`status.${status}`] ?? STATUS_NAMES[FALLBACK_EMAIL_LOCALE][`status.${status}`],
  };
}
