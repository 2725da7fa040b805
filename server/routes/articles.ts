/**
 * The catalog (categories in the caller's language) and article suggestions: both from
 * src/core/catalog.ts, public.
 */
import { catalogFor, seedArticles, seedCategories, suggestArticles } from '../../src/core/catalog.js';
import { productAvailability } from '../../src/core/flows.js';
import type { ApiRoute, Ctx } from '../context.js';
import { invalid, type Reply } from '../http.js';

function getCatalog(ctx: Ctx): Reply {
  const { config } = ctx.server;
  return {
    status: 200,
    body: catalogFor(seedCategories, ctx.locale, (productId) => productAvailability(config, ctx.locale, productId).offered),
    headers: { 'Content-Language': ctx.locale, Vary: 'Accept-Language' },
  };
}

function getArticles(ctx: Ctx): Reply {
  const areaId = ctx.url.searchParams.get('areaId') ?? '';
  if (!areaId) throw invalid([{ field: 'areaId', code: 'required' }], 400);
  const query = ctx.url.searchParams.get('query') ?? '';
  return { status: 200, body: { items: suggestArticles(seedArticles, query, areaId) } };
}

export const articleRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/catalog', handler: getCatalog, public: true },
  { method: 'GET', path: '/api/articles', handler: getArticles, public: true },
];
