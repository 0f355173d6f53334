// The /events parser takes whatever the engine sends: it must never throw, and nothing
// it returns may carry a control character, escape sequence, bidi or zero-width char.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEngineEvent } from '../../src/engine/api/events.js';

const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

// Strings biased towards the nasty: escape sequences, C1, bidi and zero-width chars.
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(fc.constantFrom('\x1b', '[', ']', '2J', '52;c;', '\x07', '\x9b', '\x90', '\u202e', '\u200b', 'P', '\\', 'a', ':', ' '), { maxLength: 30 })
    .map((a) => a.join('')),
);
const anyValue = fc.anything({ stringUnit: 'binary', withObjectString: true, withNullPrototype: true });

const rawEvent = fc.record(
  {
    Type: fc.oneof(hostileString, anyValue),
    Action: fc.oneof(hostileString, anyValue),
    status: fc.oneof(hostileString, anyValue),
    id: fc.oneof(hostileString, anyValue),
    time: fc.oneof(fc.integer(), fc.double(), anyValue),
    Actor: fc.oneof(
      fc.record(
        { ID: fc.oneof(hostileString, anyValue), Attributes: fc.oneof(fc.dictionary(hostileString, fc.oneof(hostileString, anyValue)), anyValue) },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);

function expectSafe(s: string): void {
  expect(typeof s).toBe('string');
  expect(UNSAFE.test(s)).toBe(false);
}

describe('toEngineEvent', () => {
  it('never throws and returns only safe strings, for any object or value', () => {
    fc.assert(
      fc.property(fc.oneof(rawEvent, anyValue), (raw) => {
        const e = toEngineEvent(raw);
        for (const s of [e.type, e.action, e.id]) expectSafe(s);
        expect(Number.isFinite(e.time)).toBe(true);
        for (const [k, v] of Object.entries(e.attributes)) {
          expectSafe(k);
          expectSafe(v);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps what a real event says', () => {
    const e = toEngineEvent({
      Type: 'container',
      Action: 'exec_start: sh -c ls',
      time: 1700000000,
      Actor: { ID: 'abc', Attributes: { name: 'web\x1b]0;pwned\x07', image: 'busybox' } },
    });
    expect(e).toEqual({ type: 'container', action: 'exec_start', id: 'abc', time: 1700000000, attributes: { name: 'web', image: 'busybox' } });
  });

  it('reads the old status/id form and defaults a missing type to container', () => {
    expect(toEngineEvent({ status: 'die', id: 'x1', time: 5 })).toMatchObject({ type: 'container', action: 'die', id: 'x1', time: 5 });
    expect(toEngineEvent(null)).toMatchObject({ type: 'container', action: '', id: '', time: 0 });
    expect(toEngineEvent({ Action: 42, Actor: 'nope', time: 'soon' })).toMatchObject({ action: '', id: '', time: 0, attributes: {} });
  });
});
