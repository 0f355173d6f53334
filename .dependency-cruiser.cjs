// Layering rules of issue 9, checked by `npm run lint:deps` (part of `npm test`).
// See docs/ARCHITECTURE.md for the layers. Every rule names folders by regex, so a rule whose
// folder does not exist yet (src/engine, src/state, src/resources, src/app) passes vacuously.
//
// Type-only imports count: tsPreCompilationDeps is true, so `import type` edges are part of the
// graph (a cycle held apart at runtime only by a type-only import is still a cycle).

/** npm packages that render: React, Ink and Ink add-ons (their typings included). */
const RENDERING_PACKAGES = '(^|/)node_modules/(react|react-dom|react-reconciler|ink|ink-[^/]+|@inkjs/[^/]+|@types/react)/';
/** The engine client and its transport: only src/engine/api may hold them. */
const ENGINE_CLIENT_PACKAGES = '(^|/)node_modules/(dockerode|docker-modem|@types/dockerode|@types/docker-modem)/';
/** Domain code: everything below the views. src/docker is today's home of engine+state. */
const DOMAIN = '^src/(engine|state|resources|app|docker)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dockerode-only-in-engine-api',
      severity: 'error',
      comment:
        'Only src/engine/api talks to the engine client (dockerode, docker-modem). Tests, bench and ' +
        'scripts are outside src and may use dockerode to check the engine from outside.',
      from: { path: '^src/', pathNot: '^src/engine/api/' },
      to: { path: ENGINE_CLIENT_PACKAGES },
    },
    {
      name: 'rendering-only-in-ui-views',
      severity: 'error',
      comment:
        'React/Ink only in src/ui and src/views; in src/cli only mount-ui.tsx, the one file that ' +
        'mounts the Ink app. Everything else (keys, app, state, engine, text) must be testable without Ink.',
      from: { path: '^src/', pathNot: ['^src/(ui|views)/', '^src/cli/mount-ui\\.tsx$'] },
      to: { path: RENDERING_PACKAGES },
    },
    {
      name: 'ui-is-domain-free',
      severity: 'error',
      comment: 'src/ui holds generic widgets: it must not know the engine, state, resources or app layer.',
      from: { path: '^src/ui/' },
      to: { path: DOMAIN },
    },
    {
      name: 'engine-is-the-bottom-layer',
      severity: 'error',
      comment: 'src/engine may not import the layers above it.',
      from: { path: '^src/engine/' },
      to: { path: '^src/(state|resources|app|views|ui|cli)/' },
    },
    {
      name: 'state-below-app-and-views',
      severity: 'error',
      comment: 'src/state may not import the application layer or rendering.',
      from: { path: '^src/state/' },
      to: { path: '^src/(app|views|ui|cli)/' },
    },
    {
      name: 'app-and-resources-below-views',
      severity: 'error',
      comment: 'Views render what src/app and src/resources decide; the application layer never reaches back into views.',
      from: { path: '^src/(app|resources)/' },
      to: { path: '^src/views/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
