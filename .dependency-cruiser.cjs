/** Layering rules, checked in CI: one direction of flow. */
module.exports = {
  forbidden: [
    {
      name: 'workflows-are-pure-data',
      comment:
        'Procedure definitions import only xstate types and each other: never src/, a database or Nest.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { pathNot: ['^workflows/', '^node_modules/xstate/'] },
    },
    {
      name: 'controllers-do-not-touch-repositories',
      comment: 'Controllers are thin: they call services, which own the rules and the repositories.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
