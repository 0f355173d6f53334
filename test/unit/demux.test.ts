import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameDemuxer, type Frame, type StreamName } from '../../src/engine/streams/demux.js';
import { chunk } from '../support/chunking.js';

const TYPE: Record<StreamName, number> = { stdin: 0, stdout: 1, stderr: 2 };

function encode(stream: StreamName | number, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = typeof stream === 'number' ? stream : TYPE[stream];
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Split `buf` at the given (unsorted, possibly duplicate) cut points. */
function runAll(demux: FrameDemuxer, chunks: Buffer[]): Frame[] {
  return chunks.flatMap((c) => demux.push(c));
}

const plain = (frames: Frame[]) => frames.map((f) => ({ stream: f.stream, hex: f.payload.toString('hex') }));

describe('FrameDemuxer', () => {
  it('decodes consecutive frames in one chunk', () => {
    const input = Buffer.concat([encode('stdout', Buffer.from('hello\n')), encode('stderr', Buffer.from('oops\n')), encode('stdin', Buffer.from('x'))]);
    const frames = new FrameDemuxer().push(input);
    expect(frames.map((f) => [f.stream, f.payload.toString()])).toEqual([
      ['stdout', 'hello\n'],
      ['stderr', 'oops\n'],
      ['stdin', 'x'],
    ]);
  });

  it('handles a header split byte by byte', () => {
    const d = new FrameDemuxer();
    const input = encode('stderr', Buffer.from('abc'));
    const frames: Frame[] = [];
    for (let i = 0; i < input.length; i++) {
      const out = d.push(input.subarray(i, i + 1));
      if (i < input.length - 1) expect(out).toEqual([]);
      frames.push(...out);
    }
    expect(plain(frames)).toEqual([{ stream: 'stderr', hex: Buffer.from('abc').toString('hex') }]);
    expect(d.incomplete).toBe(false);
    expect(d.pendingBytes).toBe(0);
  });

  it('emits zero-length frames', () => {
    const frames = new FrameDemuxer().push(Buffer.concat([encode('stdout', Buffer.alloc(0)), encode('stderr', Buffer.from('z'))]));
    expect(plain(frames)).toEqual([
      { stream: 'stdout', hex: '' },
      { stream: 'stderr', hex: '7a' },
    ]);
  });

  it('treats an unknown stream type as stdout and stays in sync', () => {
    const d = new FrameDemuxer();
    const frames = d.push(Buffer.concat([encode(7, Buffer.from('weird')), encode('stderr', Buffer.from('next'))]));
    expect(frames.map((f) => [f.stream, f.payload.toString()])).toEqual([
      ['stdout', 'weird'],
      ['stderr', 'next'],
    ]);
  });

  it('reports truncated input as incomplete', () => {
    const d = new FrameDemuxer();
    const full = encode('stdout', Buffer.from('partial payload'));
    expect(d.push(full.subarray(0, 5))).toEqual([]);
    expect(d.incomplete).toBe(true);
    expect(d.pendingBytes).toBe(5);
    expect(d.push(full.subarray(5, 12))).toEqual([]);
    expect(d.incomplete).toBe(true);
    expect(d.pendingBytes).toBe(4); // header consumed, 4 payload bytes waiting
  });

  it('streams frames larger than maxFrameBytes instead of buffering them', () => {
    const d = new FrameDemuxer({ maxFrameBytes: 4 });
    const payload = Buffer.from('0123456789');
    const wire = encode('stdout', payload);
    const a = d.push(wire.subarray(0, 11)); // header + 3 bytes
    expect(a.map((f) => f.payload.toString())).toEqual(['012']);
    expect(d.pendingBytes).toBe(0);
    const b = d.push(wire.subarray(11));
    expect(b.map((f) => f.payload.toString())).toEqual(['3456789']);
    expect(d.incomplete).toBe(false);
  });

  it('a huge declared size does not make memory grow with buffering', () => {
    const d = new FrameDemuxer();
    const header = Buffer.alloc(8);
    header[0] = 1;
    header.writeUInt32BE(0xffffffff, 4);
    d.push(header);
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let got = 0;
    for (let i = 0; i < 64; i++) for (const f of d.push(piece)) got += f.payload.length;
    expect(got).toBe(64 * 64 * 1024);
    expect(d.pendingBytes).toBe(0);
  });

  it('is linear for a large frame delivered in tiny chunks', () => {
    // 8 MiB in 1-byte-ish chunks would be quadratic with naive concatenation.
    const payload = Buffer.alloc(4 * 1024 * 1024, 0x62);
    const wire = encode('stdout', payload);
    const d = new FrameDemuxer({ maxFrameBytes: 8 * 1024 * 1024 });
    const frames: Frame[] = [];
    for (let i = 0; i < wire.length; i += 16) frames.push(...d.push(wire.subarray(i, i + 16)));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.payload.equals(payload)).toBe(true);
  });

  const frameArb = fc.record({
    stream: fc.constantFrom<StreamName>('stdin', 'stdout', 'stderr'),
    payload: fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  });

  it('any chunking yields the same frame sequence (property)', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 30 }), (frames, cuts) => {
        const wire = Buffer.concat(frames.map((f) => encode(f.stream, f.payload)));
        const d = new FrameDemuxer();
        const got = runAll(d, chunk(wire, cuts));
        expect(plain(got)).toEqual(plain(frames));
        expect(d.incomplete).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('with streamed oversized frames, per-stream bytes and order are preserved (property)', () => {
    fc.assert(
      fc.property(
        fc.array(frameArb, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.integer({ min: 1, max: 16 }),
        (frames, cuts, maxFrameBytes) => {
          const wire = Buffer.concat(frames.map((f) => encode(f.stream, f.payload)));
          const got = runAll(new FrameDemuxer({ maxFrameBytes }), chunk(wire, cuts));
          for (const s of ['stdin', 'stdout', 'stderr'] as const) {
            const want = Buffer.concat(frames.filter((f) => f.stream === s).map((f) => f.payload));
            const have = Buffer.concat(got.filter((f) => f.stream === s).map((f) => f.payload));
            expect(have.equals(want)).toBe(true);
          }
          // Overall interleaving of bytes across streams is preserved too.
          const tag = (fs: { stream: StreamName; payload: Buffer }[]) => fs.map((f) => f.stream.charAt(3).repeat(f.payload.length)).join('');
          expect(tag(got)).toBe(tag(frames));
          // Frames within the limit still arrive whole.
          const small = frames.filter((f) => f.payload.length > 0 && f.payload.length <= maxFrameBytes);
          for (const f of small) {
            expect(got.some((g) => g.stream === f.stream && g.payload.equals(f.payload))).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
