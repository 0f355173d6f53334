// Types of scripts/patched-deps.mjs (plain JS so build.mjs can import it without a compiler).
export interface Patched {
  patch: string;
  dir: string;
  files: Record<string, { present: string[]; absent: string[] }>;
}
export const NARROW_SYMBOLS: string;
export const PATCHED: Patched[];
/** Patched files whose patched text is missing under `root` (one message each). */
export function unpatchedProblems(root: string): string[];
