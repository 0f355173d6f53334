// F: search Docker Hub (through the engine) or a private registry named in the query
// (its v2 catalog), show the results over the screen, pull one with Enter or p.
import { engineErrorMessage } from '../../engine/errors.js';
import { RegistryAuthError, parseRegistryQuery, searchRegistry, type SearchOutcome } from '../../engine/registry/registry-search.js';
import type { RegistryAuth } from '../../engine/registry/credentials.js';
import type { AppContextValue } from '../app-context.js';
import { openPrompt } from '../forms.js';
import { askLogin, credentialsFor, forgetLogin } from '../registry-login.js';
import { beginTransfer } from '../transfer-flow.js';
import type { SearchUi } from '../ui-state.js';

const SEARCH_TIMEOUT_MS = 20_000;

/** The running search, aborted when the results close or a new search starts. */
const running = new WeakMap<AppContextValue, AbortController>();

function validateQuery(query: string): string | undefined {
  if (!query.trim()) return 'enter a name to search for, or a registry like 127.0.0.1:5000/team';
  if (/[\u0000-\u001f\u007f]/.test(query)) return 'control characters are not allowed';
  if (query.trim().length > 255) return 'at most 255 characters';
  return undefined;
}

function patchSearch(ctx: AppContextValue, query: string, patch: Partial<SearchUi>): void {
  ctx.ui.update((s) => (s.search && s.search.query === query ? { ...s, search: { ...s.search, ...patch } } : s));
}

async function runSearch(ctx: AppContextValue, query: string, login?: RegistryAuth): Promise<void> {
  running.get(ctx)?.abort();
  const controller = new AbortController();
  running.set(ctx, controller);
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(SEARCH_TIMEOUT_MS)]);
  ctx.ui.update((s) => ({ ...s, search: { query, loading: true, results: [], cursor: 0 } }));
  const target = parseRegistryQuery(query);
  try {
    let outcome: SearchOutcome;
    if (target) {
      const auth = login ?? (await credentialsFor(ctx, target.registry));
      outcome = await searchRegistry(target, auth, signal);
    } else {
      outcome = { source: 'Docker Hub', results: await ctx.session.engine.searchImages(query.trim(), signal) };
    }
    if (controller.signal.aborted) return;
    patchSearch(ctx, query, { loading: false, source: outcome.source, results: outcome.results, truncated: outcome.truncated });
  } catch (err) {
    if (controller.signal.aborted) return;
    if (err instanceof RegistryAuthError) {
      if (login) forgetLogin(ctx, err.registry);
      patchSearch(ctx, query, { loading: false, source: err.registry, error: `${err.registry} answered 401 unauthorized: log in to list it` });
      return askLogin(ctx, err.registry, `${err.registry} wants credentials to list its repositories:`, (auth) => void runSearch(ctx, query, auth));
    }
    const error = target ? (err as Error).message : `registry unreachable: Docker Hub search failed (${engineErrorMessage(err)})`;
    patchSearch(ctx, query, { loading: false, source: target?.registry ?? 'Docker Hub', error });
  }
}

export function searchActions(ctx: AppContextValue) {
  const moveCursor = (step: number) =>
    ctx.ui.update((s) => {
      if (!s.search || s.search.results.length === 0) return s;
      const cursor = Math.min(s.search.results.length - 1, Math.max(0, s.search.cursor + step));
      return { ...s, search: { ...s.search, cursor } };
    });
  return {
    'image.search': () =>
      openPrompt(ctx, {
        title: 'Search registries',
        label: 'Search',
        placeholder: 'busybox · 127.0.0.1:5000/team · 127.0.0.1:5000',
        note: 'Docker Hub, or a registry named first (host:port/…) through its v2 API',
        validate: validateQuery,
        onSubmit: (query) => {
          void runSearch(ctx, query.trim());
          return undefined;
        },
      }),
    'search.up': () => moveCursor(-1),
    'search.down': () => moveCursor(1),
    'search.pull': () => {
      const search = ctx.ui.get().search;
      const result = search?.results[search.cursor];
      // Registry answers are checked like typed references (in beginTransfer) before anything is sent.
      if (result) void beginTransfer(ctx, 'pull', result.ref);
    },
    'search.close': () => {
      running.get(ctx)?.abort();
      ctx.ui.update((s) => ({ ...s, search: undefined }));
    },
  };
}
