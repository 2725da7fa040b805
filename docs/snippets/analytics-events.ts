import 'support-elements/define/support-contact';
declare const analytics: { track(event: string, data: Record<string, unknown>): void }; // yours

document.addEventListener('step-change', (e) => analytics.track('support_step', { from: e.from, to: e.to, in: e.source }));
document.addEventListener('case-deflected', (e) => analytics.track('support_deflected', { article: e.article.id, how: e.reason }));
