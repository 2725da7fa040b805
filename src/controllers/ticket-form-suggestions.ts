import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleQuery, SupportBackend } from '../adapters/backend.js';
import { sleep } from '../adapters/http.js';
import type { Article } from '../core/catalog.js';
import { isAbort } from '../core/errors.js';
import type { LocaleCode } from '../core/config.js';
import { runOnDemand } from './ticket-form-on-demand.js';

/** Where "Need quick answers?" stands; the element makes the words. */
export type Suggestions =
  | { readonly state: 'idle' | 'loading' | 'error' }
  | { readonly state: 'done'; readonly articles: readonly Article[] };

export interface SuggestionsOptions {
  readonly backend: () => SupportBackend;
  /** What to search for now; undefined while there is nothing to search (no subject yet). */
  readonly query: () => ArticleQuery | undefined;
  readonly locale: () => LocaleCode;
  /** How long the query must rest before it is sent (typing aborts the wait). */
  readonly delayMs?: number;
}

/** Shorter subjects find too much to help. */
const MIN_QUERY_LENGTH = 3;

/**
 * Articles that may answer the case's subject, searched as the customer types: each change
 * of the query aborts the previous search (and its wait), an answer to an older query is
 * never shown, and disconnecting aborts what is under way. A `@lit/task` underneath.
 */
export class SuggestionsController implements ReactiveController {
  private readonly options: SuggestionsOptions;
  private readonly task: Task<readonly [SupportBackend, string, string, string, LocaleCode], readonly Article[] | undefined>;
  /** A search was aborted before it answered: search again once connected. */
  private interrupted = false;

  constructor(host: ReactiveControllerHost, options: SuggestionsOptions) {
    this.options = options;
    host.addController(this);
    this.task = new Task(host, {
      task: async ([api, query, areaId, productId, locale], { signal }) => {
        try {
          await sleep(options.delayMs ?? 300, signal);
          return await api.suggestArticles({ query, areaId, productId: productId || undefined }, { signal, locale });
        } catch (error) {
          // An aborted search failed nothing: back to "not searched yet", not to an error.
          if (isAbort(error) || signal.aborted) return initialState;
          throw error;
        }
      },
      autoRun: false,
    });
    // No query, no search (and no update pass for a search of nothing); the language only
    // matters to a search, so a locale switch without one runs nothing.
    runOnDemand(host, this.task, () => this.args());
  }

  private args(): readonly [SupportBackend, string, string, string, LocaleCode] | undefined {
    const query = this.query;
    return query ? [this.options.backend(), query.query, query.areaId, query.productId ?? '', this.options.locale()] : undefined;
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    const args = this.args();
    if (args) void this.task.run(args);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Stops the search under way (the flow moved on, or the element left the page). */
  abort(): void {
    if (this.task.status === TaskStatus.PENDING) this.interrupted = true;
    this.task.abort();
  }

  private get query(): ArticleQuery | undefined {
    const query = this.options.query();
    const text = query?.query.trim() ?? '';
    return query && query.areaId && text.length >= MIN_QUERY_LENGTH ? { ...query, query: text } : undefined;
  }

  get state(): Suggestions {
    if (!this.query) return { state: 'idle' };
    switch (this.task.status) {
      case TaskStatus.INITIAL:
      case TaskStatus.PENDING:
        return { state: 'loading' };
      case TaskStatus.ERROR:
        return { state: 'error' };
      case TaskStatus.COMPLETE:
        return { state: 'done', articles: this.task.value ?? [] };
    }
  }
}
