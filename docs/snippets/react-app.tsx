// React 19: props whose name is a property of the element are set as properties (`backend`
// arrives as an object); `on` + the exact event name is a listener (`onsupport-ready`, not
// `onSupportReady`, which would listen to an event named "SupportReady").
import type {} from 'support-elements/react'; // the JSX typings, once in the app
import 'support-elements/define/support-contact'; // before the first render
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryBackend } from 'support-elements';

// An in-browser backend to try it out; in production: createFetchAdapter({ baseUrl: '/api' }).
const backend = createMemoryBackend();

function App() {
  const [ready, setReady] = useState('');
  return (
    <main>
      <p role="status">{ready ? `support-ready from ${ready}` : ''}</p>
      <support-contact locale="fr" backend={backend} onsupport-ready={(event) => setReady(event.source)} />
    </main>
  );
}

const root = document.getElementById('app');
if (root) createRoot(root).render(<App />);
