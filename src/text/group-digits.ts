/**
 * "1,234,567" for a count, as `n.toLocaleString('en-US')` writes it. Hand-written because
 * the first toLocaleString call makes node touch ICU's number-formatting data, ~5 MB of
 * its binary that then count in dtui's RSS for as long as it runs (docs/PERFORMANCE.md,
 * "Misses": RSS idle), and the Logs tab shows counts on every frame. Non-integers, which
 * no count is, still go to toLocaleString.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
