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

async function getJson(url: string, auth: RegistryAuth | undefined, registry: string, signal: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth?.username !== undefined && auth.password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  } else if (auth?.identitytoken) {
    headers.Authorization = `Bearer ${auth.identitytoken}`;
  }
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: 'error' });
  } catch (err) {
    if (signal.aborted) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`registry unreachable: ${registry} (${sanitize(cause?.code ?? cause?.message ?? (err as Error).message)})`);
  }
  if (res.status === 401) {
    await res.body?.cancel();
    throw new RegistryAuthError(registry);
  }
  if (!res.ok) {
    const body = sanitize((await res.text().catch(() => '')).split('\n')[0] ?? '').slice(0, 200);
    throw new Error(`${registry} answered ${res.status}${body ? `: ${body}` : ''}`);
  }
  return res.json();
}

/** Repositories (and their tags) of a v2 registry whose name contains `filter`. */
export async function searchRegistry(query: RegistryQuery, auth: RegistryAuth | undefined, signal: AbortSignal): Promise<SearchOutcome> {
  const base = registryBaseUrl(query.registry);
  const catalog = (await getJson(`${base}/v2/_catalog?n=1000`, auth, query.registry, signal)) as { repositories?: unknown };
  const names = (Array.isArray(catalog.repositories) ? catalog.repositories : [])
    .filter((n): n is string => typeof n === 'string')
    .filter((n) => n.includes(query.filter.toLowerCase()));
  const looked = names.slice(0, MAX_REPOSITORIES);
  const results: SearchResult[] = [];
  for (const name of looked) {
    const list = (await getJson(`${base}/v2/${name}/tags/list`, auth, query.registry, signal)) as { tags?: unknown };
    const tags = (Array.isArray(list.tags) ? list.tags : []).filter((t): t is string => typeof t === 'string').sort();
    const repo = `${query.registry}/${sanitize(name)}`;
    if (tags.length === 0) results.push({ ref: repo, description: 'no tags' });
    for (const tag of tags) results.push({ ref: `${repo}:${sanitize(tag)}`, description: `tag of ${repo}` });
  }
  return { source: query.registry, results, truncated: names.length > looked.length };
}

/** The engine's /images/search answer as results. */
export function hubResults(raw: unknown): SearchResult[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((r: { name?: unknown; description?: unknown; star_count?: unknown; is_official?: unknown }) => ({
    ref: sanitize(String(r.name ?? '')),
    description: sanitize(String(r.description ?? '')).slice(0, 200),
    stars: typeof r.star_count === 'number' ? r.star_count : undefined,
    official: r.is_official === true,
  })).filter((r) => r.ref);
}
