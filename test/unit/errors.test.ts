import { describe, expect, it } from 'vitest';
import { engineErrorMessage, withoutRuntimeBoilerplate } from '../../src/docker/errors.js';

describe('engine error messages', () => {
  it('puts the cause of a failed start first, without the runtime wrapping', () => {
    const raw = 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/no/such/binary": stat /no/such/binary: no such file or directory: unknown';
    expect(withoutRuntimeBoilerplate(raw)).toBe('exec: "/no/such/binary": stat /no/such/binary: no such file or directory');
    expect(engineErrorMessage({ statusCode: 400, json: { message: raw } })).toBe('400: exec: "/no/such/binary": stat /no/such/binary: no such file or directory');
  });

  it('leaves ordinary messages alone', () => {
    expect(engineErrorMessage({ statusCode: 404, json: { message: 'No such container: abc' } })).toBe('404: No such container: abc');
    expect(withoutRuntimeBoilerplate('conflict: unable to remove repository reference')).toBe('conflict: unable to remove repository reference');
  });
});
