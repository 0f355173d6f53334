import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/args.js';

describe('--exec-via-cli', () => {
  it('is off by default and on when given', () => {
    expect(parseArgs([]).execViaCli).toBe(false);
    expect(parseArgs(['--exec-via-cli', '--read-only'])).toMatchObject({ execViaCli: true, readOnly: true });
  });
  it('is documented in --help', () => {
    expect(USAGE).toMatch(/--exec-via-cli\s+e\/E run `docker exec -it`/);
  });
});
