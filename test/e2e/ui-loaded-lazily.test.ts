// Start-up order (docs/PERFORMANCE.md "UI evaluated while the engine answers"): loading the
// bundle must not evaluate its UI half (Ink, React, yoga, the views). run-app.ts imports
// src/cli/mount-ui.tsx once the first list requests have left, so that evaluation overlaps
// the engine's answer. A static import of Ink or a view from anything main.tsx reaches
// would evaluate it at load again; yoga's wasm, compiled when Ink is evaluated and by
// nothing else, tells.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bundle = fileURLToPath(new URL('../../dist/dtui.cjs', import.meta.url));

/** How many wasm modules `load` (a script for node -e) compiled. */
function wasmModulesCompiledBy(load: string): number {
  const probe = `
    let compiled = 0;
    WebAssembly.Module = new Proxy(WebAssembly.Module, { construct: (t, a) => (compiled++, Reflect.construct(t, a)) });
    (async () => { ${load}; console.log(compiled); })();`;
  return Number(
    execFileSync(process.execPath, ['-e', probe], { cwd: fileURLToPath(new URL('../..', import.meta.url)) })
      .toString()
      .trim(),
  );
}

describe('the UI half of the bundle', () => {
  it('is not evaluated when the bundle loads', () => {
    expect(wasmModulesCompiledBy(`require(${JSON.stringify(bundle)})`)).toBe(0);
  });

  it('is what compiles yoga (the probe sees Ink being evaluated)', () => {
    expect(wasmModulesCompiledBy(`await import('ink')`)).toBe(1);
  });
});
