// Engine errors become one short, safe status line, whatever their shape.
import { describe, expect, it } from 'vitest';
import { engineErrorMessage, withoutRuntimeBoilerplate } from '../../src/engine/errors.js';

function modemError(statusCode: number, body: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${body} `), { statusCode, json: { message: body } });
}

describe('engineErrorMessage', () => {
  it.each([
    [400, 'invalid reference format', '400: invalid reference format'],
    [404, 'No such container: 1234abcd', '404: No such container: 1234abcd'],
    [409, 'Container 1234 is not running', '409: Container 1234 is not running'],
    [500, 'driver failed\ngoroutine 1 [running]:\nmain.main()', '500: driver failed'],
  ])('%i → %s', (code, body, expected) => {
    expect(engineErrorMessage(modemError(code, body))).toBe(expected);
  });

  it('keeps the body when the engine sent plain text', () => {
    expect(engineErrorMessage(Object.assign(new Error('x'), { statusCode: 502, json: 'Bad Gateway\n' }))).toBe('502: Bad Gateway');
  });

  it('says the engine did not answer, for timeouts of either kind', () => {
    expect(engineErrorMessage(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('the engine did not answer in time');
    expect(engineErrorMessage(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toBe('the engine did not answer in time');
    expect(engineErrorMessage(new Error('timeout'))).toBe('the engine did not answer in time');
  });

  it('names a lost connection', () => {
    expect(engineErrorMessage(Object.assign(new Error('connect ENOENT /x.sock'), { code: 'ENOENT' }))).toBe('engine unreachable (ENOENT)');
  });

  it('strips escape sequences and caps the length', () => {
    const msg = engineErrorMessage(modemError(400, `bad \x1b]0;title\x07name ${'x'.repeat(1000)}`));
    expect(msg).not.toMatch(/[\x00-\x1f]/);
    expect(msg.startsWith('400: bad name')).toBe(true);
    expect(msg.length).toBeLessThanOrEqual(300);
  });
});

describe('engine error messages', () => {
  it('puts the cause of a failed start first, without the runtime wrapping', () => {
    const raw =
      'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/no/such/binary": stat /no/such/binary: no such file or directory: unknown';
    expect(withoutRuntimeBoilerplate(raw)).toBe('exec: "/no/such/binary": stat /no/such/binary: no such file or directory');
    expect(engineErrorMessage({ statusCode: 400, json: { message: raw } })).toBe(
      '400: exec: "/no/such/binary": stat /no/such/binary: no such file or directory',
    );
  });

  it('leaves ordinary messages alone', () => {
    expect(engineErrorMessage({ statusCode: 404, json: { message: 'No such container: abc' } })).toBe('404: No such container: abc');
    expect(withoutRuntimeBoilerplate('conflict: unable to remove repository reference')).toBe('conflict: unable to remove repository reference');
  });
});

describe('engineErrorMessage with hostile bodies', () => {
  const HOSTILE = 'no\x1b]52;c;ZXZpbA==\x07 such\x1b]0;t\x1b\\ thing\x1b[2J\u009b2J\u202e\u3164\u00ad\u{e0041}';
  const bodies: unknown[] = [HOSTILE, 42, { nested: HOSTILE }, [HOSTILE], true];
  it.each(bodies.map((b) => [JSON.stringify(b).slice(0, 40), b] as const))('message %s: printable, no throw', (_, body) => {
    for (const err of [
      Object.assign(new Error('x'), { statusCode: 500, json: { message: body } }),
      Object.assign(new Error(String(body)), { statusCode: 500, json: null }),
      Object.assign(new Error('x'), { statusCode: 500, json: typeof body === 'string' ? body : null, reason: body }),
    ]) {
      const msg = engineErrorMessage(err);
      expect(msg).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e\u3164\u00ad]|\u{e0041}/u);
      expect(msg.startsWith('500: ')).toBe(true);
    }
  });
});
