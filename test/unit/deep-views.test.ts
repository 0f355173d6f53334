import { describe, expect, it } from 'vitest';
import { renameTop } from '../../src/engine/api/archive.js';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { splitRepoTag } from '../../src/views/app/container-forms.js';
import { inspectLines } from '../../src/state/inspect-loader.js';

describe('copy: renaming the archive top entry', () => {
  it('renames the entry and everything under it, nothing else', () => {
    expect(renameTop('hostname', 'hostname', 'copy')).toBe('copy');
    expect(renameTop('dir/', 'dir', 'new')).toBe('new/');
    expect(renameTop('dir/a/b', 'dir', 'new')).toBe('new/a/b');
    expect(renameTop('./dir/a', 'dir', 'new')).toBe('new/a');
    expect(renameTop('dirty/a', 'dir', 'new')).toBe('dirty/a');
  });
});

describe('commit target', () => {
  it('splits repository and tag, keeping a registry host', () => {
    expect(splitRepoTag('app:1.0')).toEqual({ repo: 'app', tag: '1.0' });
    expect(splitRepoTag('127.0.0.1:5000/team/app')).toEqual({ repo: '127.0.0.1:5000/team/app', tag: undefined });
    expect(() => splitRepoTag('Bad Repo')).toThrow();
  });
});

describe('--log-lines', () => {
  it('takes a positive number of lines', () => {
    expect(parseArgs(['--log-lines', '500']).logLines).toBe(500);
    expect(parseArgs(['--log-lines=20']).logLines).toBe(20);
    expect(parseArgs([]).logLines).toBeUndefined();
    expect(() => parseArgs(['--log-lines', '0'])).toThrow(UsageError);
    expect(() => parseArgs(['--log-lines', 'many'])).toThrow(UsageError);
    expect(() => parseArgs(['--log-lines'])).toThrow(UsageError);
  });
});

describe('inspect lines', () => {
  it('pretty-prints and sanitizes container-controlled strings', () => {
    const lines = inspectLines({ Id: 'abc', Config: { Labels: { evil: '\x1b]0;pwned\x07x' } } });
    expect(lines[1]).toBe('  "Id": "abc",');
    expect(lines.join('\n')).not.toContain('\x1b');
  });
});
