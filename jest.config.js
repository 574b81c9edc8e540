/**
 * One jest configuration for the tiers: `*.spec.ts` (unit), `*.medium-spec.ts`, `*.e2e-spec.ts`, and
 * `*.browser-spec.ts` (the web console in Debian's Chromium).
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/{src,workflows,test}/**/*.{spec,medium-spec,e2e-spec,browser-spec}.ts'],
  testTimeout: 60000,
};
