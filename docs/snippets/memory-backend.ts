import 'support-elements/define/support-contact';
import { createMemoryBackend } from 'support-elements';

const el = document.querySelector('support-contact');
if (el) el.backend = createMemoryBackend({ signedInAs: 'alex@example.com', latencyMs: 300 });
