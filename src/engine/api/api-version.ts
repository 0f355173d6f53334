// API version negotiation: dtui speaks min(its newest, the engine's).

/** The newest API version this client knows; an older engine lowers it (negotiation). */
export const CLIENT_MAX_API = '1.47';

export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The oldest API version current engines accept: spoken when the engine's own is unreadable. */
export const FALLBACK_API = '1.24';

const API_VERSION = /^\d{1,3}\.\d{1,3}$/;

/** The version to speak: min(client, server). An unreadable server version never means
 * "speak ours" (the engine would then answer "too new" to every call): the engine's
 * MinAPIVersion if readable, else FALLBACK_API. */
export function negotiateApi(serverApi: string | null | undefined, minApi?: string | null): string {
  if (serverApi == null) return '1.41';
  if (!API_VERSION.test(serverApi)) return minApi && API_VERSION.test(minApi) && compareApi(minApi, CLIENT_MAX_API) <= 0 ? minApi : FALLBACK_API;
  return compareApi(serverApi, CLIENT_MAX_API) < 0 ? serverApi : CLIENT_MAX_API;
}
