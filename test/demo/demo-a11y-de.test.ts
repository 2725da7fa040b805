import { describeDemoAxe } from './demo-axe.js';

describeDemoAxe('de');
