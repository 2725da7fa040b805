// The SupportBackend contract against the in-browser memory backend (fresh per test).
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { runContractSuite } from './contract.js';

runContractSuite('memory backend', () => createMemoryBackend());
