/**
 * Backend content of the seed's support center: categories, subcategories and help articles,
 * with their labels in each language. This is what a backend's catalog returns (the memory
 * adapter and the reference server serve it); the widget shows it as text, untranslated by
 * the UI's own message files.
 */
import type { LocaleCode } from './config.js';
import { matchLocale } from './locale.js';

/** A label per language; `en` is always present and used when a language is missing. */
export type LocalizedText = Readonly<Record<LocaleCode, string>> & { readonly en: string };

export interface CategoryDef {
  readonly id: string;
  readonly areaId: string;
  /** When the category is about one product only: hidden where that product is not offered. */
  readonly productId?: string;
  readonly label: LocalizedText;
  readonly subcategories: readonly { readonly id: string; readonly label: LocalizedText }[];
}

export interface ArticleDef {
  readonly id: string;
  readonly areaId: string;
  readonly title: string;
  readonly url: string;
  readonly keywords: readonly string[];
}

/** A category as a backend returns it: labels already in the asked language. */
export interface Category {
  readonly id: string;
  readonly areaId: string;
  readonly label: string;
  readonly subcategories: readonly { readonly id: string; readonly label: string }[];
}

export interface Catalog {
  readonly categories: readonly Category[];
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

const t = (en: string, fr: string, de: string, ptBR: string, ja: string): LocalizedText => ({
  en,
  fr,
  de,
  'pt-BR': ptBR,
  ja,
});

export const seedCategories: readonly CategoryDef[] = [
  {
    id: 'account',
    areaId: 'esign',
    label: t('Account and billing', 'Compte et facturation', 'Konto und Abrechnung', 'Conta e cobrança', 'アカウントと請求'),
    subcategories: [
      { id: 'billing', label: t('Invoices and payments', 'Factures et paiements', 'Rechnungen und Zahlungen', 'Faturas e pagamentos', '請求書と支払い') },
      { id: 'plan', label: t('Plan changes', 'Changement de forfait', 'Tarifwechsel', 'Mudança de plano', 'プランの変更') },
      { id: 'users', label: t('Users and permissions', 'Utilisateurs et autorisations', 'Benutzer und Berechtigungen', 'Usuários e permissões', 'ユーザーと権限') },
    ],
  },
  {
    id: 'signing',
    areaId: 'esign',
    label: t('Sending and signing', 'Envoi et signature', 'Senden und Signieren', 'Envio e assinatura', '送信と署名'),
    subcategories: [
      { id: 'sending', label: t('Sending envelopes', "Envoi d'enveloppes", 'Umschläge senden', 'Envio de envelopes', 'エンベロープの送信') },
      { id: 'signing', label: t('Signing documents', 'Signature de documents', 'Dokumente signieren', 'Assinatura de documentos', '文書への署名') },
      { id: 'templates', label: t('Templates', 'Modèles', 'Vorlagen', 'Modelos', 'テンプレート') },
    ],
  },
  {
    id: 'integrations',
    areaId: 'esign',
    label: t('Integrations and API', 'Intégrations et API', 'Integrationen und API', 'Integrações e API', '連携と API'),
    subcategories: [
      { id: 'api', label: t('API errors', "Erreurs d'API", 'API-Fehler', 'Erros de API', 'API エラー') },
      { id: 'connectors', label: t('Connectors', 'Connecteurs', 'Konnektoren', 'Conectores', 'コネクター') },
    ],
  },
  {
    id: 'clm',
    areaId: 'esign',
    label: t('CLM', 'CLM', 'CLM', 'CLM', 'CLM'),
    subcategories: [
      { id: 'workflows', label: t('Workflows', 'Flux de travail', 'Workflows', 'Fluxos de trabalho', 'ワークフロー') },
      { id: 'documents', label: t('Documents', 'Documents', 'Dokumente', 'Documentos', 'ドキュメント') },
    ],
  },
  {
    id: 'protect_sign',
    areaId: 'seal',
    label: t('Protect & Sign', 'Protect & Sign', 'Protect & Sign', 'Protect & Sign', 'Protect & Sign'),
    subcategories: [
      { id: 'certificates', label: t('Certificates', 'Certificats', 'Zertifikate', 'Certificados', '証明書') },
      { id: 'signing', label: t('Signing', 'Signature', 'Signieren', 'Assinatura', '署名') },
    ],
  },
  {
    id: 'clm',
    areaId: 'seal',
    label: t('CLM', 'CLM', 'CLM', 'CLM', 'CLM'),
    subcategories: [
      { id: 'contracts', label: t('Contracts', 'Contrats', 'Verträge', 'Contratos', '契約') },
      { id: 'reporting', label: t('Reporting', 'Rapports', 'Berichte', 'Relatórios', 'レポート') },
    ],
  },
  {
    id: 'insight',
    areaId: 'seal',
    productId: 'insight',
    label: t('Insight & Analyzer', 'Insight & Analyzer', 'Insight & Analyzer', 'Insight & Analyzer', 'Insight & Analyzer'),
    subcategories: [
      { id: 'analysis', label: t('Analysis', 'Analyse', 'Analyse', 'Análise', '分析') },
      { id: 'import', label: t('Importing documents', 'Import de documents', 'Dokumentimport', 'Importação de documentos', '文書のインポート') },
    ],
  },
];

export const seedArticles: readonly ArticleDef[] = [
  { id: 'kb-reset', areaId: 'esign', title: 'Reset your password', url: 'https://support.example.com/articles/reset-password', keywords: ['password', 'reset', 'login', 'sign in', 'locked'] },
  { id: 'kb-void', areaId: 'esign', title: 'Void or correct a sent envelope', url: 'https://support.example.com/articles/void-envelope', keywords: ['envelope', 'void', 'correct', 'sent', 'cancel'] },
  { id: 'kb-resend', areaId: 'esign', title: 'Signer did not receive the email', url: 'https://support.example.com/articles/signer-email', keywords: ['email', 'signer', 'receive', 'resend', 'notification'] },
  { id: 'kb-invoice', areaId: 'esign', title: 'Download your invoices', url: 'https://support.example.com/articles/invoices', keywords: ['invoice', 'billing', 'payment', 'receipt'] },
  { id: 'kb-template', areaId: 'esign', title: 'Share a template with your team', url: 'https://support.example.com/articles/share-template', keywords: ['template', 'share', 'team'] },
  { id: 'kb-api', areaId: 'esign', title: 'Fix API authentication errors', url: 'https://support.example.com/articles/api-auth', keywords: ['api', 'token', 'oauth', 'error', 'integration'] },
  { id: 'kb-rooms', areaId: 'esign', title: 'Invite people to a room', url: 'https://support.example.com/articles/rooms-invite', keywords: ['rooms', 'invite', 'room'] },
  { id: 'kb-clm', areaId: 'esign', title: 'Troubleshoot a stuck CLM workflow', url: 'https://support.example.com/articles/clm-workflow', keywords: ['clm', 'workflow', 'stuck'] },
  { id: 'kb-cert', areaId: 'seal', title: 'Renew a signing certificate', url: 'https://support.example.com/articles/renew-certificate', keywords: ['certificate', 'renew', 'expired'] },
];

function localize(text: LocalizedText, locale: LocaleCode): string {
  const key = matchLocale([locale], Object.keys(text));
  return key ? (text[key] ?? text.en) : text.en;
}

/**
 * The catalog in one language, as a backend would return it. `isOffered` drops categories of
 * products not supported in that language (Insight & Analyzer outside English).
 */
export function catalogFor(
  categories: readonly CategoryDef[],
  locale: LocaleCode,
  isOffered: (productId: string) => boolean = () => true,
): Catalog {
  return {
    categories: categories.filter((c) => c.productId === undefined || isOffered(c.productId)).map((c) => ({
      id: c.id,
      areaId: c.areaId,
      label: localize(c.label, locale),
      subcategories: c.subcategories.map((s) => ({ id: s.id, label: localize(s.label, locale) })),
    })),
  };
}

// Flow 1 (the only one with suggestions) is English; these words match everything.
const STOP_WORDS = new Set(['the', 'and', 'for', 'you', 'your', 'with', 'how', 'can', 'cannot', 'not', 'does', 'what', 'where', 'why', 'when', 'this', 'that', 'from', 'have', 'are', 'was', 'our', 'its', 'but']);

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Articles whose title or keywords share a word with `query`, best match first, at most `limit`. */
export function suggestArticles(
  articles: readonly ArticleDef[],
  query: string,
  areaId: string,
  limit = 5,
): Article[] {
  const words = wordsOf(query).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  if (words.length === 0) return [];
  return articles
    .filter((a) => a.areaId === areaId)
    .map((a) => {
      const haystack = [...wordsOf(a.title), ...a.keywords.flatMap(wordsOf)];
      // Word starts, so "room" finds "rooms" but "the" does not find "authentication".
      return { a, score: words.filter((w) => haystack.some((h) => h.startsWith(w))).length };
    })
    .filter((entry) => entry.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map(({ a }) => ({ id: a.id, title: a.title, url: a.url }));
}
