// logLines: a TTY log (raw bytes, no frames) where a message that did not end its line is
// followed by the next message's stamp in mid-line, however the bytes are chunked.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logLines } from '../../src/engine/api/logs.js';
import type { RawLogLine } from '../../src/engine/models/types.js';

// As dockerd sent it for `printf "partial-9"` before a restart, then the restarted container's output.
const TTY_LOG =
  '2026-12-02T13:11:11.946295480Z partial-8tick-8\tA\rline-8\r\n' +
  '2026-12-02T13:11:12.698582403Z partial-92026-12-02T13:11:13.684555366Z tick-9\tA\rline-9\r\n' +
  '2026-12-02T13:11:14.120505866Z at 2020-01-01T00:00:00.000000000Z the app logged an old stamp\r\n';

async function collect(stream: Readable | Buffer): Promise<RawLogLine[]> {
  const lines: RawLogLine[] = [];
  for await (const batch of logLines(stream, true, new AbortController().signal)) lines.push(...batch);
  return lines;
}

describe('logLines on a TTY log', () => {
  const expected = [
    { ts: '2026-12-02T13:11:11.946295480Z', text: 'partial-8tick-8\tA\rline-8' },
    { ts: '2026-12-02T13:11:12.698582403Z', text: 'partial-9tick-9\tA\rline-9' },
    { ts: '2026-12-02T13:11:14.120505866Z', text: 'at 2020-01-01T00:00:00.000000000Z the app logged an old stamp' },
  ];

  it('takes the stamp of a later message out of the line it was glued into', async () => {
    const lines = await collect(Buffer.from(TTY_LOG));
    expect(lines.map(({ ts, text }) => ({ ts, text }))).toEqual(expected);
    // The stored form (ring buffer) agrees with the parsed one.
    for (const l of lines) expect(l.raw.slice(l.textStart)).toBe(l.text);
  });

  it('does so whatever the chunk boundaries (a stamp split across chunks included)', async () => {
    const bytes = Buffer.from(TTY_LOG);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
        const lines = await collect(Readable.from(chunks));
        expect(lines.map(({ ts, text }) => ({ ts, text }))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
