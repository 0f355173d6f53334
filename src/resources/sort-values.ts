// Cell texts back to numbers, so a list sorts by CPU or memory as numbers, not as text.
import { SIZE_UNITS } from '../engine/models/format.js';

/** "12.3%" → 12.3; "…" or "" → undefined. */
export function percentValue(text: string | undefined): number | undefined {
  const n = text ? Number.parseFloat(text) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

const UNIT_BYTES = new Map(SIZE_UNITS.map((unit, i) => [unit, 1024 ** i]));

/** formatSize's text back to bytes ("1.5MiB" → 1572864), for sorting by memory. */
export function sizeValue(text: string | undefined): number | undefined {
  const m = text ? /^([\d.]+)([A-Za-z]+)$/.exec(text) : null;
  const unit = m ? UNIT_BYTES.get(m[2]!) : undefined;
  return unit === undefined ? undefined : Number.parseFloat(m![1]!) * unit;
}
