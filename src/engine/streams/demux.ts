/**
 * Demultiplexer for Docker's non-TTY stream format (logs, attach, exec).
 *
 * Each frame is an 8-byte header followed by a payload:
 *   byte 0    stream type: 0 = stdin, 1 = stdout, 2 = stderr
 *   bytes 1-3 zero
 *   bytes 4-7 payload size, uint32 big-endian
 *
 * Design decisions:
 * - Frames are emitted whole (one Frame per wire frame) as soon as the last
 *   payload byte arrives, so frame sequence is independent of how the HTTP
 *   body was chunked. The one exception is memory safety: a frame whose
 *   declared size exceeds `maxFrameBytes` (default 1 MiB) is streamed out as
 *   several consecutive Frames of the same stream, each carrying whatever
 *   payload had arrived. Otherwise a corrupt or hostile size field (up to
 *   4 GiB) would make us buffer without bound waiting for it.
 * - An unknown stream-type byte does not throw: the frame is reported as
 *   stdout. The size field is still the only framing information we have, so
 *   it is trusted and the stream stays in sync with the engine's framing.
 *   (Docker's own stdcopy errors out here; for a viewer, showing the bytes is
 *   more useful than killing the log view.) Non-zero bytes 1-3 are ignored
 *   for the same reason.
 * - Pending chunks are queued, not concatenated on every push, so a frame
 *   delivered in many small chunks is copied exactly once when complete:
 *   total work is linear in the input. Payloads that lie inside a single
 *   pushed chunk are zero-copy `subarray` views, so callers must not mutate
 *   a chunk after pushing it (Node stream chunks are never reused).
 */

export type StreamName = 'stdin' | 'stdout' | 'stderr';

export type Frame = { stream: StreamName; payload: Buffer };

export type FrameDemuxerOptions = {
  /** Frames declaring a larger payload are emitted in pieces. Default 1 MiB. */
  maxFrameBytes?: number;
};

const HEADER_BYTES = 8;
const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

function streamFromByte(b: number): StreamName {
  if (b === 0) return 'stdin';
  if (b === 2) return 'stderr';
  return 'stdout'; // 1, and any unknown type (see file comment)
}

export class FrameDemuxer {
  readonly #maxFrameBytes: number;
  // Queue of unread chunks; #head/#offset locate the first unread byte.
  // A head index (instead of Array#shift) keeps dequeueing O(1).
  #chunks: Buffer[] = [];
  #head = 0;
  #offset = 0;
  #available = 0;
  // Current frame: null while waiting for a header.
  #stream: StreamName | null = null;
  #remaining = 0; // payload bytes of the current frame not yet emitted
  #streaming = false; // current frame is oversized and emitted piecewise

  constructor(opts: FrameDemuxerOptions = {}) {
    const max = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.#maxFrameBytes = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_FRAME_BYTES;
  }

  /** Bytes received but not yet emitted (header bytes or an incomplete payload). */
  get pendingBytes(): number {
    return this.#available;
  }

  /** True when the stream ended mid-header or mid-payload, i.e. the input was truncated. */
  get incomplete(): boolean {
    return this.#available > 0 || this.#stream !== null;
  }

  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    if (chunk.length > 0) {
      this.#chunks.push(chunk);
      this.#available += chunk.length;
    }
    for (;;) {
      if (this.#stream === null) {
        if (this.#available < HEADER_BYTES) break;
        const first = this.#chunks[this.#head]!;
        if (first.length - this.#offset >= HEADER_BYTES) {
          // The usual case, once per log line: read the header in place, no Buffer for it.
          this.#stream = streamFromByte(first[this.#offset]!);
          this.#remaining = first.readUInt32BE(this.#offset + 4);
          this.#available -= HEADER_BYTES;
          this.#advance(first, HEADER_BYTES);
        } else {
          const header = this.#take(HEADER_BYTES);
          this.#stream = streamFromByte(header[0]!);
          this.#remaining = header.readUInt32BE(4);
        }
        this.#streaming = this.#remaining > this.#maxFrameBytes;
        if (this.#remaining === 0) {
          // Zero-length frames are legal; surface them so the sequence is faithful.
          frames.push({ stream: this.#stream, payload: EMPTY });
          this.#stream = null;
        }
        continue;
      }
      if (this.#streaming) {
        if (this.#available === 0) break;
        const n = Math.min(this.#available, this.#remaining);
        frames.push({ stream: this.#stream, payload: this.#take(n) });
        this.#remaining -= n;
      } else {
        if (this.#available < this.#remaining) break;
        frames.push({ stream: this.#stream, payload: this.#take(this.#remaining) });
        this.#remaining = 0;
      }
      if (this.#remaining === 0) {
        this.#stream = null;
        this.#streaming = false;
      }
    }
    this.#compact();
    return frames;
  }

  /** Remove exactly n (<= available) bytes from the queue, copying only if they span chunks. */
  #take(n: number): Buffer {
    this.#available -= n;
    // n <= #available, so the queue holds a chunk at #head (and after it while bytes remain).
    const first = this.#chunks[this.#head]!;
    if (first.length - this.#offset >= n) {
      const out = first.subarray(this.#offset, this.#offset + n);
      this.#advance(first, n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let written = 0;
    while (written < n) {
      const chunk = this.#chunks[this.#head]!;
      const count = Math.min(chunk.length - this.#offset, n - written);
      chunk.copy(out, written, this.#offset, this.#offset + count);
      written += count;
      this.#advance(chunk, count);
    }
    return out;
  }

  #advance(chunk: Buffer, count: number): void {
    this.#offset += count;
    if (this.#offset === chunk.length) {
      // Drop the reference so the chunk can be collected.
      (this.#chunks as (Buffer | undefined)[])[this.#head] = undefined;
      this.#head++;
      this.#offset = 0;
    }
  }

  // Reclaim consumed queue slots occasionally; amortised O(1) per chunk.
  #compact(): void {
    if (this.#head === this.#chunks.length) {
      this.#chunks = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#chunks.length) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#head = 0;
    }
  }
}
