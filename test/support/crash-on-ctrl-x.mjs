// Preloaded into bin/dtui by test/e2e/terminal-restore.test.ts (NODE_OPTIONS=--import …):
// the first read of Ctrl+X from the terminal throws, inside Ink's input path, so the test
// can check that an uncaught exception still gives the terminal back. Lives here, not in
// dtui: production code has no test hook.
const stdin = process.stdin;
const read = stdin.read.bind(stdin);
stdin.read = (...args) => {
  const chunk = read(...args);
  if (chunk !== null && String(chunk).includes('\x18')) throw new Error('DTUI_TEST_CRASH: a deliberate error inside the input path');
  return chunk;
};
