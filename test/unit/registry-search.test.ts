import { describe, expect, it } from 'vitest';
import { isUnauthorized, splitRepoTag } from '../../src/engine/api/image-transfer.js';
import { hubResults, isLoopback, parseRegistryQuery, registryBaseUrl } from '../../src/engine/registry/registry-search.js';

describe('registry search queries', () => {
  it('recognises a registry named first, with or without a repository filter', () => {
    expect(parseRegistryQuery('127.0.0.1:5000/team/app')).toEqual({ registry: '127.0.0.1:5000', filter: 'team/app' });
    expect(parseRegistryQuery('127.0.0.1:5000')).toEqual({ registry: '127.0.0.1:5000', filter: '' });
    expect(parseRegistryQuery('localhost/x')).toEqual({ registry: 'localhost', filter: 'x' });
    expect(parseRegistryQuery('Registry.Example.com/a')).toEqual({ registry: 'registry.example.com', filter: 'a' });
    expect(parseRegistryQuery('[::1]:5000')).toEqual({ registry: '[::1]:5000', filter: '' });
  });

  it('leaves plain terms to Docker Hub', () => {
    expect(parseRegistryQuery('busybox')).toBeUndefined();
    expect(parseRegistryQuery('library/busybox')).toBeUndefined();
    expect(parseRegistryQuery('some term')).toBeUndefined();
  });

  it('speaks plain HTTP only to loopback registries', () => {
    expect(isLoopback('127.0.0.1:5000')).toBe(true);
    expect(isLoopback('localhost:5000')).toBe(true);
    expect(isLoopback('[::1]:5000')).toBe(true);
    expect(isLoopback('10.0.0.1:5000')).toBe(false);
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('registry.example.com')).toBe('https://registry.example.com');
  });

  it('turns the engine search answer into sanitized results', () => {
    expect(
      hubResults([
        { name: 'busybox', description: 'Busybox \x1b[31mbase\x1b[0m image.', star_count: 3000, is_official: true },
        { name: '', description: 'nameless' },
        { name: 'x/y' },
      ]),
    ).toEqual([
      { ref: 'busybox', description: 'Busybox base image.', stars: 3000, official: true },
      { ref: 'x/y', description: '', stars: undefined, official: false },
    ]);
    expect(hubResults({ message: 'nope' })).toEqual([]);
  });
});

describe('transfer helpers', () => {
  it('splits a reference into the repository and tag push wants', () => {
    expect(splitRepoTag('127.0.0.1:5000/team/app:1.0')).toEqual({ repo: '127.0.0.1:5000/team/app', tag: '1.0' });
    expect(splitRepoTag('busybox')).toEqual({ repo: 'busybox', tag: 'latest' });
    expect(() => splitRepoTag('Bad:Ref')).toThrow(/lowercase/);
  });

  it('recognises the ways a registry says "log in"', () => {
    expect(isUnauthorized('no basic auth credentials')).toBe(true);
    expect(isUnauthorized('unauthorized: authentication required')).toBe(true);
    expect(isUnauthorized('Get "http://127.0.0.1:5000/v2/": 401 Unauthorized')).toBe(true);
    expect(isUnauthorized('manifest for x:1 not found: manifest unknown')).toBe(false);
  });
});
