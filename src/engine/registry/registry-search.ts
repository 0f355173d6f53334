// Finding images to pull. Docker Hub through the engine's /images/search; a private
// registry named in the query ("127.0.0.1:5000/team" or "127.0.0.1:5000") through its
// v2 API: /v2/_catalog, then /v2/<name>/tags/list for each match, with basic auth
// when credentials are known. Loopback registries speak plain HTTP (as dockerd allows
// them by default); any other host is asked over HTTPS only, so credentials never
// travel in clear text.
import { sanitize } from '../../text/sanitize.js';
import type { RegistryAuth } from './credentials.js';

export interface SearchResult {
  /** What to pull: "busybox" or "127.0.0.1:5000/team/app:1.0". Sanitized. */
  ref: string;
  description: string;
  stars?: number;
  official?: boolean;
}

export interface SearchOutcome {
  source: string;
  results: SearchResult[];
  /** More repositories matched than were looked at. */
  truncated?: boolean;
}

/** The registry asked for the 401 answer: the caller should ask for credentials. */
export class RegistryAuthError extends Error {
  constructor(readonly registry: string) {
    super(`${registry} wants credentials (401 unauthorized)`);
  }
}

export interface RegistryQuery {
  registry: string;
  /** Repository name filter (substring), '' for all. */
  filter: string;
}

/** A query that names a registry host (a dot, a port or localhost before the first slash). */
export function parseRegistryQuery(query: string): RegistryQuery | undefined {
  const q = query.trim();
  const slash = q.indexOf('/');
  const host = slash >= 0 ? q.slice(0, slash) : q;
  if (!/^(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/.test(host)) return undefined;
  if (!/[.:]/.test(host) && host !== 'localhost') return undefined;
  return { registry: host.toLowerCase(), filter: slash >= 0 ? q.slice(slash + 1) : '' };
}

export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

export function registryBaseUrl(registry: string): string {
  return `${isLoopback(registry) ? 'http' : 'https'}://${registry}`;
}

const MAX_REPOSITORIES = 50;
/** Catalog entries asked per page, and at most this many pages: a registry of millions of
 * repositories is paged (`?n=…&last=…`, Link header), never read whole. */
export const CATALOG_PAGE = 1000;
const MAX_CATALOG_PAGES = 20;
/** The most of one answer read: catalog pages and tag lists are a few KB to a few MB. */
export const MAX_REGISTRY_ANSWER = 16 << 20;

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** What went wrong when fetch() threw: unreachable only when the registry could not be reached. */
function fetchFailure(err: unknown, registry: string): Error {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? '';
  const detail = sanitize(cause?.message ?? (err as Error).message).slice(0, 200);
  if (UNREACHABLE.has(code)) return new Error(`registry unreachable: ${registry} (${sanitize(code)})`);
  // fetch() refuses some ports outright (the WHATWG "bad port" list).
  if (detail === 'bad port') return new Error(`registry unreachable: ${registry} (bad port: fetch refuses this port)`);
  if (/header/i.test(detail) || /HEADER/.test(code))
    return new Error(`${registry} sent a malformed answer (${detail || code}): a header with characters HTTP does not allow`);
  return new Error(`${registry}: the answer could not be read (${detail || sanitize(code) || 'unknown error'})`);
}

/** The body as text, refusing to read past `max` bytes (a catalog can be hundreds of MB). */
async function readCapped(res: Response, max: number, what: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new Error(`${what} was larger than ${max >> 20} MiB (${Math.ceil(declared / 2 ** 20)} MiB declared): not read`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > max) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`${what} was larger than ${max >> 20} MiB: not read`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface Answer {
  body: unknown;
  /** The next page's URL from a `Link: <…>; rel="next"` header, resolved against the request. */
  next?: string;
}

async function getJson(url: string, auth: RegistryAuth | undefined, registry: string, signal: AbortSignal): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth?.username !== undefined && auth.password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  } else if (auth?.identitytoken) {
    headers.Authorization = `Bearer ${auth.identitytoken}`;
  }
  let res: Response;
  try {
    // Redirects are not followed (credentials must not go elsewhere); they are reported.
    res = await fetch(url, { headers, signal, redirect: 'manual' });
  } catch (err) {
    if (signal.aborted) throw err;
    throw fetchFailure(err, registry);
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    const to = sanitize(res.headers.get('location') ?? '').slice(0, 200);
    throw new Error(`${registry} redirected (${res.status})${to ? ` to ${to}` : ''}: dtui does not follow registry redirects`);
  }
  if (res.status === 401) {
    await res.body?.cancel();
    throw new RegistryAuthError(registry);
  }
  const path = new URL(url).pathname;
  const what = `${registry}'s answer to ${sanitize(path)}`;
  if (!res.ok) {
    const text = await readCapped(res, 64 << 10, what).catch(() => '');
    const body = sanitize(text.split('\n')[0] ?? '').slice(0, 200);
    throw new Error(`${registry} answered ${res.status}${body ? `: ${body}` : ''}`);
  }
  const text = await readCapped(res, MAX_REGISTRY_ANSWER, what);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.get('link') ?? '')?.[1];
  let next: string | undefined;
  if (link) {
    const resolved = new URL(link, url);
    // Only follow pages on the same registry.
    if (resolved.origin === new URL(url).origin) next = resolved.toString();
  }
  return { body, next };
}

/** Repositories (and their tags) of a v2 registry whose name contains `filter`. The catalog
 * is read page by page until enough names match or MAX_CATALOG_PAGES pages were read. */
export async function searchRegistry(
  query: RegistryQuery,
  auth: RegistryAuth | undefined,
  signal: AbortSignal,
  pageSize = CATALOG_PAGE,
): Promise<SearchOutcome> {
  const base = registryBaseUrl(query.registry);
  const filter = query.filter.toLowerCase();
  const names: string[] = [];
  let url: string | undefined = `${base}/v2/_catalog?n=${pageSize}`;
  let pages = 0;
  let more = false;
  while (url) {
    if (pages >= MAX_CATALOG_PAGES || names.length > MAX_REPOSITORIES) {
      more = true;
      break;
    }
    const page: Answer = await getJson(url, auth, query.registry, signal);
    pages++;
    const repositories = (page.body as { repositories?: unknown } | null)?.repositories;
    for (const n of Array.isArray(repositories) ? repositories : []) {
      if (typeof n === 'string' && n.includes(filter)) names.push(n);
    }
    url = page.next;
  }
  const looked = names.slice(0, MAX_REPOSITORIES);
  const results: SearchResult[] = [];
  for (const name of looked) {
    const list = (await getJson(`${base}/v2/${name}/tags/list`, auth, query.registry, signal)).body as { tags?: unknown } | null;
    const tags = (Array.isArray(list?.tags) ? list.tags : []).filter((t): t is string => typeof t === 'string').sort();
    const repo = `${query.registry}/${sanitize(name)}`;
    if (tags.length === 0) results.push({ ref: repo, description: 'no tags' });
    for (const tag of tags) results.push({ ref: `${repo}:${sanitize(tag)}`, description: `tag of ${repo}` });
  }
  return { source: query.registry, results, truncated: more || names.length > looked.length };
}

/** The engine's /images/search answer as results. */
export function hubResults(raw: unknown): SearchResult[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map((r: { name?: unknown; description?: unknown; star_count?: unknown; is_official?: unknown }) => ({
      ref: sanitize(typeof r.name === 'string' ? r.name : ''),
      description: sanitize(typeof r.description === 'string' ? r.description : '').slice(0, 200),
      stars: typeof r.star_count === 'number' ? r.star_count : undefined,
      official: r.is_official === true,
    }))
    .filter((r) => r.ref);
}
