// The dependency patches (patches/*.patch, scripts/patched-deps.mjs) apply to exactly the
// versions installed, and are applied: tests and the bundle run the same patched code.
// Fails when an upgrade changes a patched package, so the patch gets remade on purpose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { PATCHED, unpatchedProblems } from '../../scripts/patched-deps.mjs';

const ROOT = join(import.meta.dirname, '../..');
const patchFiles = readdirSync(join(ROOT, 'patches')).filter((f) => f.endsWith('.patch'));
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
/** `ink+6.8.0.patch` → ['ink', '6.8.0']; `wrap-ansi++string-width+7.2.0.patch` → ['wrap-ansi++string-width', '7.2.0']. */
const nameAndVersion = (file: string) => {
  const m = /^(.+)\+(\d+\.\d+\.\d+[^+]*)\.patch$/.exec(file);
  if (!m) throw new Error(`patches/${file}: not named <package>+<version>.patch`);
  return [m[1]!, m[2]!] as const;
};

describe('dependency patches', () => {
  it('every patch file is listed in scripts/patched-deps.mjs, and every entry has one patch file', () => {
    expect(patchFiles.map((f) => nameAndVersion(f)[0]).sort()).toEqual(PATCHED.map((p) => p.patch).sort());
  });

  for (const file of patchFiles) {
    const [patch, version] = nameAndVersion(file);
    const entry = PATCHED.find((p) => p.patch === patch);
    it(`${file}: the installed ${patch.replaceAll('++', ' → ')} is ${version}, in node_modules and package-lock.json`, () => {
      expect(entry).toBeDefined();
      expect(json(`${entry!.dir}/package.json`).version).toBe(version);
      const locked = (json('package-lock.json').packages as Record<string, { version?: string }>)[entry!.dir];
      expect(locked?.version).toBe(version);
    });

    it(`${file}: touches exactly the files whose patched text is checked`, () => {
      const text = readFileSync(join(ROOT, 'patches', file), 'utf8');
      const touched = [...text.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!).sort();
      expect(touched).toEqual(
        Object.keys(entry!.files)
          .map((f) => `${entry!.dir}/${f}`)
          .sort(),
      );
    });
  }

  it('every patched file in node_modules has its patched text (npm install applied the patches)', () => {
    expect(unpatchedProblems(ROOT)).toEqual([]);
  });

  it('every patch is checked for at least one text it adds or removes', () => {
    for (const { patch, files } of PATCHED) {
      for (const [file, { present, absent }] of Object.entries(files)) {
        expect(present.length + absent.length, `${patch} ${file}`).toBeGreaterThan(0);
      }
    }
  });

  it('each checked text is what its patch adds (present) or removes (absent)', () => {
    for (const { patch, files } of PATCHED) {
      const file = patchFiles.find((f) => nameAndVersion(f)[0] === patch)!;
      const lines = readFileSync(join(ROOT, 'patches', file), 'utf8').split('\n');
      const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).join('\n');
      const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).join('\n');
      for (const { present, absent } of Object.values(files)) {
        for (const text of present) expect(added, `${patch}: "${text}"`).toContain(text);
        for (const text of absent) expect(removed, `${patch}: "${text}"`).toContain(text);
      }
    }
  });

  it('npm install applies them and fails when one no longer applies or its version differs', () => {
    const pkg = json('package.json') as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('patch-package --error-on-fail --error-on-warn');
    expect(pkg.devDependencies['patch-package']).toBeDefined();
    expect(existsSync(join(ROOT, 'node_modules/.bin/patch-package'))).toBe(true);
  });

  it('the build checks the same list before bundling', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    expect(build).toMatch(/unpatchedProblems\(/);
    expect(build).not.toMatch(/onLoad/);
  });
});
