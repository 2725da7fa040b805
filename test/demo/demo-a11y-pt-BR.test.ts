import { describeDemoAxe } from './demo-axe.js';

describeDemoAxe('pt-BR');
