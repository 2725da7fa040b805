import { describeDemoAxe } from './demo-axe.js';

describeDemoAxe('en');
