// Vue 3 renders the custom elements as they are: objects go in as DOM properties
// (`:backend.prop`), events come out with `@event-name`. No SFC plugin here: the template is
// a string compiled in the browser by Vue's full build (scripts/examples.mjs aliases `vue` to
// vue/dist/vue.esm-bundler.js). In an SFC project, set `isCustomElement` in
// @vitejs/plugin-vue's `template.compilerOptions` instead (docs/FRAMEWORKS.md).
import { createApp, defineComponent, markRaw, ref, shallowRef } from 'vue';
import 'support-elements/define/ticket-form';
import 'support-elements/define/my-tickets';
import { createFetchAdapter, type Session, type SessionChangedEvent, type TicketCreatedEvent } from 'support-elements';

// markRaw: the adapter is handed to the elements as is, never wrapped in a reactive proxy.
const backend = markRaw(createFetchAdapter({ baseUrl: '/api' }));

const App = defineComponent({
  setup() {
    const session = shallowRef<Session | null>(null);
    const lastCase = ref<string>();

    const controller = new AbortController();
    backend.getSession({ signal: controller.signal }).then(
      (found) => (session.value = found),
      () => undefined,
    );

    return {
      backend,
      session,
      lastCase,
      onSession: (event: SessionChangedEvent) => (session.value = event.session),
      onCreated: (event: TicketCreatedEvent) => (lastCase.value = event.ticket.number),
    };
  },
  template: `
    <main>
      <h1>Support</h1>
      <p>Vue 3 renders &lt;ticket-form&gt; and &lt;my-tickets&gt; with the fetch adapter on /api.</p>
      <p id="created" role="status">{{ lastCase ? 'Created case ' + lastCase : '' }}</p>
      <ticket-form
        area="esign"
        locale="en"
        :backend.prop="backend"
        @session-changed="onSession"
        @ticket-created="onCreated"
      ></ticket-form>
      <section v-if="session" aria-labelledby="cases-heading">
        <h2 id="cases-heading">Your cases</h2>
        <!-- A new key after each case: a fresh element loads the list again. -->
        <my-tickets
          :key="lastCase ?? 'none'"
          locale="en"
          :backend.prop="backend"
          :session.prop="session"
        ></my-tickets>
      </section>
    </main>
  `,
});

const app = createApp(App);
// Tell Vue's template compiler these tags are custom elements, not Vue components.
const tags = new Set(['support-contact', 'ticket-form', 'my-tickets']);
app.config.compilerOptions.isCustomElement = (tag) => tags.has(tag);
app.mount('#app');
