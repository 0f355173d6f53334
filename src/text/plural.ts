// "1 match", "2 matches": counts in UI text agree with their noun.

/** `n` and the noun, singular for exactly one; `shown` is how n is written (e.g. "1/1" or "1,000"). */
export function counted(n: number, singular: string, plural = `${singular}s`, shown = String(n)): string {
  return `${shown} ${n === 1 ? singular : plural}`;
}
