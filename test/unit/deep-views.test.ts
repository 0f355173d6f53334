import { describe, expect, it } from 'vitest';
import { entrySegments } from '../../src/engine/api/archive-extract.js';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { splitRepoTag } from '../../src/app/actions/container-form-actions.js';
import { inspectLines } from '../../src/state/inspect-loader.js';

describe('copy: placing entries under the archive top entry', () => {
  // renameTop() passed names outside the top through unchanged (the issue 13 overwrite);
  // entrySegments() maps the same names below the top and refuses the outside one.
  it('maps the entry and everything under it, refuses anything else', () => {
    expect(entrySegments('hostname', 'hostname')).toEqual([]);
    expect(entrySegments('dir/', 'dir')).toEqual([]);
    expect(entrySegments('dir/a/b', 'dir')).toEqual(['a', 'b']);
    expect(entrySegments('./dir/a', 'dir')).toEqual(['a']);
    expect(() => entrySegments('dirty/a', 'dir')).toThrow(/outside the requested folder/);
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
