// ESLint flat-config block: Ink's Text only through src/ui/text.tsx, which sanitises every
// child whatever its type (issue 13, "Sanitizer gaps"). Spread into eslint.config.js:
//   import safeText from './eslint.safe-text.js';  export default [...others, ...safeText];
// test/unit/safe-text-only.test.tsx enforces the same rule without ESLint.
export default [
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/ui/text.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{
          name: 'ink',
          importNames: ['Text'],
          message: "Use Text from src/ui/text.tsx: it sanitises every child (numbers and objects from the engine too).",
        }],
      }],
    },
  },
];
