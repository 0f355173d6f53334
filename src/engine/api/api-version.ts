// API version negotiation: dtui speaks min(its newest, the engine's).

/** The newest API version this client knows; an older engine lowers it (negotiation). */
export const CLIENT_MAX_API = '1.47';

export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
