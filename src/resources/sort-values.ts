// Cell texts back to numbers, so a list sorts by CPU or memory as numbers, not as text.

/** "12.3%" → 12.3; "…" or "" → undefined. */
export function percentValue(text: string | undefined): number | undefined {
  const n = text ? Number.parseFloat(text) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

const SIZE_UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** formatSize's text back to bytes ("12.3MB" → 12300000), for sorting by memory. */
export function sizeValue(text: string | undefined): number | undefined {
  const m = text ? /^([\d.]+)(B|kB|MB|GB|TB)$/.exec(text) : null;
  return m ? Number.parseFloat(m[1]!) * SIZE_UNITS[m[2]!]! : undefined;
}
