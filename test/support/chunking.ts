// Cuts a buffer at arbitrary points, for property tests that any chunking of the same
// bytes gives the same result.

/** The pieces of `buf` cut at `cuts` (taken modulo its length; empty pieces included). */
export function chunk(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p)); // may be empty: empty pushes must be harmless
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}
