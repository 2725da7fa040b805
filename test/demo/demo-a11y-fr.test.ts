import { describeDemoAxe } from './demo-axe.js';

describeDemoAxe('fr');
