import { createFetchAdapter, type SupportBackend } from 'support-elements';
declare const myKnowledgeBase: { search: SupportBackend['suggestArticles'] }; // yours

const base = createFetchAdapter({ baseUrl: '/api' });
export const backend: SupportBackend = { ...base, suggestArticles: (q, o) => myKnowledgeBase.search(q, o) };
