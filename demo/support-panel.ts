/**
 * `<demo-support-panel>`: the demo's "Act as support" panel (issue 12). Pick a case, reply as a
 * support expert and/or set its state; the element on the stage shows it by itself, through its
 * backend's `watch()`. With the memory backend this calls `agentReply()`; with the reference
 * server, `POST /api/_dev/tickets/{n}/agent-comment` (the server runs with `--dev` under
 * `npm start`). A demo tool: English only, like the rest of the toolbar.
 */
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SupportBackend } from '../src/adapters/backend.js';
import type { MemoryBackend } from '../src/adapters/memory-adapter.js';
import { STATUSES, type Status, type TicketSummary } from '../src/core/ticket.js';

const STATE_NAMES: Readonly<Record<Status, string>> = {
  open: 'Open',
  action_required: 'Action required',
  pending: 'Pending',
  closed: 'Closed',
};

/** What support does: a reply and/or a state, through the dev endpoint of the reference server. */
async function postAgentComment(apiBase: string, number: string, body: string, status: Status | undefined): Promise<void> {
  const response = await fetch(`${apiBase}/_dev/tickets/${encodeURIComponent(number)}/agent-comment`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ body, ...(status ? { status } : {}) }),
  });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
}

export class DemoSupportPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block-start: 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid #8a8a90;
      background: #ffffff;
      font-size: 0.875rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-weight: 600;
    }
    .reply {
      flex: 1 1 18rem;
    }
    select,
    textarea,
    button {
      font: inherit;
      font-weight: 400;
      min-block-size: 2.25rem;
      border: 1px solid #545459;
      border-radius: 4px;
      background: #ffffff;
      color: #1d1d1f;
    }
    textarea {
      min-block-size: 3.5rem;
      padding: 0.3rem 0.4rem;
    }
    button {
      padding-inline: 0.9rem;
      background: #1a56c4;
      border-color: #1a56c4;
      color: #ffffff;
      font-weight: 600;
      cursor: pointer;
    }
    :focus-visible {
      outline: 3px solid #1a56c4;
      outline-offset: 2px;
    }
    p {
      margin: 0.5rem 0 0;
    }
    .error {
      color: #b3261e;
      font-weight: 600;
    }
  `;

  /** The backend of the element on the stage (its cases are the ones offered). */
  @property({ attribute: false }) api: SupportBackend | undefined;
  /** The memory backend's controls, when the stage uses it; else the reference server is asked. */
  @property({ attribute: false }) memory: MemoryBackend | undefined;
  /** Base URL of the reference server's API. */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  @state() private cases: readonly TicketSummary[] = [];
  @state() private number = '';
  @state() private body = '';
  @state() private status: Status | '' = '';
  @state() private outcome: { readonly text: string; readonly error: boolean } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadCases();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('api') && changed.get('api') !== undefined) void this.loadCases();
  }

  /** The signed-in customer's cases, newest first (a support expert would see them in their queue). */
  private async loadCases(): Promise<void> {
    if (!this.api) return;
    try {
      const page = await this.api.listTickets({ sort: 'number_desc', limit: 50 });
      this.cases = page.items;
      if (!this.cases.some((c) => c.number === this.number)) this.number = this.cases[0]?.number ?? '';
    } catch {
      this.cases = [];
    }
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const { number, status } = this;
    const body = this.body.trim();
    if (!number || (!body && !status)) {
      this.outcome = { text: 'Write a reply or choose a state first.', error: true };
      return;
    }
    try {
      if (this.memory) this.memory.agentReply(number, body, status || undefined);
      else await postAgentComment(this.apiBase, number, body, status || undefined);
      const did = [body ? 'replied' : '', status ? `set it to ${STATE_NAMES[status]}` : ''].filter(Boolean).join(' and ');
      this.outcome = { text: `Support ${did} on case ${number}.`, error: false };
      this.body = '';
      this.status = '';
      await this.loadCases();
    } catch (error) {
      this.outcome = { text: `Could not act on case ${number}: ${error instanceof Error ? error.message : String(error)}.`, error: true };
    }
  }

  override render() {
    return html`<section aria-labelledby="support-title">
      <h2 id="support-title">Act as support</h2>
      <form @submit=${this.send}>
        <label
          >Case
          <select
            @focus=${() => void this.loadCases()}
            @change=${(e: Event) => (this.number = (e.target as HTMLSelectElement).value)}
          >
            ${this.cases.map(
              (c) => html`<option value=${c.number} ?selected=${c.number === this.number}>${c.number} — ${c.subject} (${STATE_NAMES[c.status]})</option>`,
            )}
          </select>
        </label>
        <label class="reply"
          >Reply as support
          <textarea .value=${this.body} @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        <label
          >Set the state
          <select @change=${(e: Event) => (this.status = STATUSES.find((s) => s === (e.target as HTMLSelectElement).value) ?? '')}>
            <option value="" ?selected=${this.status === ''}>Leave as it is</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${STATE_NAMES[s]}</option>`)}
          </select>
        </label>
        <button type="submit">Send as support</button>
      </form>
      <p role="status" class=${this.outcome?.error ? 'error' : ''}>${this.outcome ? this.outcome.text : nothing}</p>
    </section>`;
  }
}
