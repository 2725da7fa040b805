/**
 * What a support element hands down to the support elements nested in it (in its own shadow
 * root or in its light DOM), through `@lit/context`: the backend, the config, the session and
 * the theme. A nested element's own property, when set, wins over what it inherits.
 */
import { createContext } from '@lit/context';
import type { Session, SupportBackend } from '../../adapters/backend.js';
import type { SupportConfig } from '../../core/config.js';

export type Theme = 'light' | 'dark';

export const backendContext = createContext<SupportBackend | undefined>(Symbol('support-elements:backend'));
export const configContext = createContext<SupportConfig | undefined>(Symbol('support-elements:config'));
/** `undefined`: not known yet (ask the backend); `null`: nobody is signed in. */
export const sessionContext = createContext<Session | null | undefined>(Symbol('support-elements:session'));
export const themeContext = createContext<Theme | undefined>(Symbol('support-elements:theme'));
