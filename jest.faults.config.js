/**
 * The fault tests (`npm run test:faults`): processes killed mid-load, the database restarted under the
 * app, fuzzed payloads and definitions, the authorisation matrix. Slower than the tiers of `npm test`,
 * bounded in time, and run by CI as a step of their own against the PostgreSQL server.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 180000,
};
