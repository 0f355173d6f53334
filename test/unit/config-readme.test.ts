import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithConfig } from '../../scripts/config-readme.js';

describe("README's Configuration table", () => {
  it('is what the schema generates (npm run config-docs)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithConfig(readme));
  });
});
