// What the detail pane's keys do: switch tabs, and the Logs tab's modes (follow,
// search, filter, timestamps, wrap, colour, tail, since, save) and the Inspect
// tab's search.
import { engineErrorMessage } from '../../engine/errors.js';
import { hostPath } from '../../engine/models/host-path.js';
import { parseSince, validatePath } from '../../engine/models/validate.js';
import { compileFilter, viewRows } from '../../state/log-index.js';
import { findLogMatch } from '../../state/log-search.js';
import { revealSeq, toggleFollow, topIndex } from '../log-scroll.js';
import { inspectMatches, nextLineMatch } from '../../state/log-search.js';
import type { AppContextValue } from '../app-context.js';
import { openForm, openPrompt } from '../forms.js';
import { layoutFor, pages } from '../layout.js';
import { selectedContainer, selectedRow } from '../selectors.js';
import { saveMergedLog } from './merged-log-save.js';
import { groupLabel } from '../../resources/projects/rows.js';
import { setStatus } from '../status.js';
import { fleetDetailOpen, LOG_TAILS, type DetailTab, type ListId, type LogView, type UiState } from '../ui-state.js';
import { selectedFleetRow } from '../engines/fleet.js';
import { tabOwner } from '../../state/detail-tabs.js';
import { keyLabel } from '../../keys/labels.js';
import { askOverwrite, promptSaveLines } from '../overlay.js';
import { detailWidth, inspectRows } from '../inspect-rows.js';
import { groupDigits } from '../../text/group-digits.js';

/** What an exported inspect JSON is named after: a container's name, an image's repo:tag, else the id. */
function inspectSubjectName(row: unknown, id: string): string {
  const r = row as { name?: unknown; ref?: unknown } | undefined;
  const name = typeof r?.name === 'string' ? r.name : typeof r?.ref === 'string' ? r.ref : '';
  return name && !name.startsWith('sha256:') ? name : id.replace(/^sha256:/, '').slice(0, 12);
}

export function detailHeight(ctx: AppContextValue): number {
  const t = ctx.terminal.get();
  return pages.detail(layoutFor(t.cols, t.rows));
}

/** Local time as 20261127-235012, for file names. */
function fileStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** The kinds' detail tabs, from their descriptors (handlers.ts reads the registry; this module may not). */
export interface DetailKinds {
  tabsOf: (kind: ListId) => readonly DetailTab[];
  /** The lists beside the detail pane, in pane order. */
  besidePane: readonly ListId[];
}

/** The keys of a kind's pane that open the detail pane on one of its tabs. */
export function detailEntryActions(ctx: AppContextValue) {
  const update = (fn: (s: UiState) => UiState) => ctx.ui.update(fn);
  return {
    'container.stats': () =>
      selectedContainer(ctx.session, ctx.ui.get()) && update((s) => ({ ...s, focus: 'detail', lastList: 'containers', detailTab: 'stats' })),
    'container.inspect': () =>
      selectedContainer(ctx.session, ctx.ui.get()) &&
      update((s) => ({ ...s, focus: 'detail', lastList: 'containers', detailTab: 'inspect', inspect: { ...s.inspect, top: 0, searchAt: null } })),
    'image.inspect': () =>
      update((s) => ({ ...s, focus: 'detail', lastList: 'images', detailTab: 'inspect', inspect: { ...s.inspect, top: 0, searchAt: null } })),
  } as const;
}

export function detailActions(ctx: AppContextValue, kinds: DetailKinds) {
  const update = (fn: (s: UiState) => UiState) => ctx.ui.update(fn);
  const setView = (patch: Partial<LogView>) => update((s) => ({ ...s, logView: { ...s.logView, ...patch } }));
  // l / t / m / i show the tab of the list the pane belongs to, or, when its kind has no
  // such tab, of the first list that has it: l from an image's summary means the selected
  // container's Logs.
  // A fleet row's pane shows a container wherever the app's own pane belongs.
  const tab = (detailTab: DetailTab) =>
    update((s) => ({
      ...s,
      lastList: fleetDetailOpen(s) ? s.lastList : tabOwner(detailTab, s.lastList, kinds.besidePane, kinds.tabsOf),
      detailTab,
      logScroll: { topSeq: null },
      topScroll: 0,
      inspect: { ...s.inspect, top: 0, searchAt: null },
    }));
  const onLogs = () => {
    const s = ctx.ui.get();
    return s.detailTab === 'logs' && (fleetDetailOpen(s) || kinds.tabsOf(s.lastList).includes('logs'));
  };
  /** The container the pane shows and the engine it is on: a fleet row's, or the app's selection. */
  const shownContainer = () => {
    const s = ctx.ui.get();
    if (!fleetDetailOpen(s)) {
      const row = selectedContainer(ctx.session, s);
      return row && { row, engine: ctx.session.engine };
    }
    const picked = selectedFleetRow(ctx.engines, s);
    const session = picked && ctx.engines.sessionOf(picked.engineId);
    return picked && session && { row: picked.row, engine: session.engine };
  };
  const log = () => ctx.detail.state.logs;
  const rows = () => {
    const l = log();
    return l ? viewRows(l.lines, ctx.ui.get().logView.filter) : undefined;
  };
  const needLogs = (what: string): boolean => {
    if (onLogs()) return true;
    setStatus(ctx, `${what} works on the Logs tab (press ${keyLabel('detail.logs')})`, 'info');
    return false;
  };
  /** Re-opening the stream starts following its new end. */
  const reopen = (patch: Partial<LogView>) => update((s) => ({ ...s, logView: { ...s.logView, ...patch }, logScroll: { topSeq: null } }));

  /** n/N: the next match after (before) the last one, wrapping around the buffer. */
  const jumpLog = (backwards: boolean) => {
    const l = log();
    const r = rows();
    const view = ctx.ui.get().logView;
    if (!view.search) return setStatus(ctx, `No search: press ${keyLabel('detail.search')} first`, 'info');
    if (!l || !r) return;
    const height = detailHeight(ctx);
    // From the last match jumped to, else from the screen: a new search looks back from its bottom.
    const top = topIndex(r, ctx.ui.get().logScroll.topSeq, height);
    const start = view.searchAt ?? (r.count ? (backwards ? r.seqAt(Math.min(r.count - 1, top + height - 1)) + 1 : r.seqAt(top) - 1) : 0);
    const match = findLogMatch(l.lines, view.search, view.filter, start, backwards);
    if ('none' in match) {
      const filtered = match.none === 'no match' && view.filter ? ' among the filtered lines' : '';
      return setStatus(ctx, `"${view.search}": ${match.none}${filtered}`, 'info');
    }
    const { seq } = match;
    if (match.wrapped) setStatus(ctx, `"${view.search}": search wrapped around`, 'info');
    return update((s) => ({ ...revealSeq(s, r, seq, height), logView: { ...s.logView, searchAt: seq } }));
  };

  /** The Inspect tab's rows as drawn now (wrapped or not, at the pane's width). */
  const shownInspect = (wrap = ctx.ui.get().inspect.wrap) => {
    const t = ctx.terminal.get();
    const width = detailWidth(layoutFor(t.cols, t.rows), Boolean(ctx.ui.get().detailZoom));
    return inspectRows(ctx.detail.state.inspect?.lines ?? [], wrap, width);
  };

  const jumpInspect = (backwards: boolean) => {
    const s = ctx.ui.get();
    const lines = ctx.detail.state.inspect?.lines ?? [];
    if (!s.inspect.search) return setStatus(ctx, `No search: press ${keyLabel('detail.search')} first`, 'info');
    const matches = inspectMatches(lines, s.inspect.search);
    const { lineOf, firstRow } = shownInspect();
    const topLine = lineOf[s.inspect.top] ?? 0;
    const from = s.inspect.searchAt ?? (backwards ? topLine + detailHeight(ctx) : topLine - 1);
    const next = nextLineMatch(matches, from, backwards);
    if (next === undefined) return setStatus(ctx, `"${s.inspect.search}": no ${backwards ? 'earlier' : 'later'} match`, 'info');
    update((st) => ({ ...st, inspect: { ...st.inspect, searchAt: next, top: Math.max(0, (firstRow[next] ?? next) - 2) } }));
  };

  /** w on the Inspect tab: wrap on/off, the line at the top staying at the top. */
  const wrapInspect = () => {
    const s = ctx.ui.get();
    const line = shownInspect().lineOf[s.inspect.top] ?? 0;
    const top = shownInspect(!s.inspect.wrap).firstRow[line] ?? 0;
    update((st) => ({ ...st, inspect: { ...st.inspect, wrap: !st.inspect.wrap, top } }));
  };

  /** o on the Inspect tab: the whole JSON to a file, as `docker inspect` prints it. */
  const exportInspect = () => {
    const snap = ctx.detail.state.inspect;
    if (!snap || snap.loading || snap.error) return setStatus(ctx, 'No inspect JSON to export yet', 'info');
    const lines = snap.lines;
    const name = selectedRow(ctx.session, ctx.ui.get(), ctx.ui.get().lastList);
    const what = inspectSubjectName(name, snap.target.id);
    promptSaveLines(ctx, {
      title: `Export the inspect JSON of ${what}`,
      fileName: `${what.replace(/[^\w.-]+/g, '_')}-inspect-${fileStamp()}.json`,
      lines: () => lines,
      saved: (count, path) => `Wrote ${groupDigits(count)} lines of ${what}'s inspect JSON to ${path}`,
    });
  };

  return {
    'detail.logs': () => tab('logs'),
    'detail.top': () => tab('top'),
    'detail.stats': () => tab('stats'),
    'detail.inspect': () => tab('inspect'),
    'detail.search': () => {
      const s = ctx.ui.get();
      const inspect = s.detailTab === 'inspect';
      if (!inspect && !needLogs('Search')) return;
      openPrompt(ctx, {
        title: inspect ? 'Search the inspect JSON' : 'Search the log',
        label: 'Find',
        initial: inspect ? s.inspect.search : s.logView.search,
        note: `Lowercase matches any case · empty clears · ${keyLabel('detail.next')}/${keyLabel('detail.prev')} next/previous`,
        onSubmit: (value) => {
          if (inspect) update((st) => ({ ...st, inspect: { ...st.inspect, search: value, searchAt: null } }));
          else setView({ search: value, searchAt: null });
          if (value) queueMicrotask(() => (inspect ? jumpInspect(false) : jumpLog(true)));
          return undefined;
        },
      });
    },
    'detail.next': () => (ctx.ui.get().detailTab === 'inspect' ? jumpInspect(false) : needLogs('n') && jumpLog(false)),
    'detail.prev': () => (ctx.ui.get().detailTab === 'inspect' ? jumpInspect(true) : needLogs('N') && jumpLog(true)),
    'logs.follow': () => {
      if (!needLogs('Follow')) return;
      const r = rows();
      if (r) update((s) => toggleFollow(s, r, detailHeight(ctx)));
    },
    'logs.filter': () => {
      if (!needLogs('Filter')) return;
      const current = ctx.ui.get().logView.filter;
      openForm(ctx, {
        title: 'Show only matching lines',
        note: 'A regular expression · empty shows every line',
        fields: [
          {
            name: 'pattern',
            label: 'Regex',
            kind: 'text',
            initial: current?.pattern ?? '',
            validate: (v) => {
              const r = compileFilter(String(v), false);
              return typeof r === 'string' ? r : undefined;
            },
          },
          { name: 'ignoreCase', label: 'Ignore case', kind: 'toggle', initial: current?.ignoreCase ?? true },
        ],
        onSubmit: (v) => {
          const pattern = String(v.pattern);
          update((s) => ({
            ...s,
            logView: { ...s.logView, filter: pattern ? { pattern, ignoreCase: Boolean(v.ignoreCase) } : undefined, searchAt: null },
            logScroll: { topSeq: null },
          }));
          return undefined;
        },
      });
    },
    'logs.timestamps': () => needLogs('Timestamps') && setView({ timestamps: !ctx.ui.get().logView.timestamps }),
    // w and o mean the same on every tab that has long lines: wrap them, write them to a file.
    'logs.wrap': () => {
      const s = ctx.ui.get();
      if (s.detailTab === 'inspect') return wrapInspect();
      if (s.detailTab === 'top') return update((st) => ({ ...st, topWrap: !st.topWrap }));
      return needLogs('Wrap') && setView({ wrap: !s.logView.wrap });
    },
    'logs.colour': () => needLogs('Colour') && setView({ colour: !ctx.ui.get().logView.colour }),
    'logs.tailLess': () => {
      if (!needLogs('Tail')) return;
      const i = LOG_TAILS.indexOf(ctx.ui.get().logView.tail);
      reopen({ tail: LOG_TAILS[Math.max(0, i - 1)] });
    },
    'logs.tailMore': () => {
      if (!needLogs('Tail')) return;
      const i = LOG_TAILS.indexOf(ctx.ui.get().logView.tail);
      reopen({ tail: LOG_TAILS[Math.min(LOG_TAILS.length - 1, i + 1)] });
    },
    'logs.since': () => {
      if (!needLogs('Since')) return;
      openPrompt(ctx, {
        title: 'Only lines since',
        label: 'Since',
        initial: ctx.ui.get().logView.since?.input ?? '',
        placeholder: '10m, 1h30m, 2026-01-02T15:04:05Z, 1700000000',
        note: 'A duration, an RFC 3339 time or a Unix timestamp · empty shows the whole tail',
        validate: (v) => {
          if (!v.trim()) return undefined;
          const r = parseSince(v);
          return typeof r === 'string' ? r : undefined;
        },
        onSubmit: (value) => {
          const r = value.trim() ? parseSince(value) : undefined;
          if (typeof r === 'string') return r;
          reopen({ since: r === undefined ? undefined : { input: value.trim(), seconds: String(r) } });
          return undefined;
        },
      });
    },
    'logs.save': () => {
      if (ctx.ui.get().detailTab === 'inspect') return exportInspect();
      if (!needLogs('Save')) return;
      if (ctx.ui.get().lastList === 'services') {
        const merged = log();
        const row = selectedRow(ctx.session, ctx.ui.get(), 'services');
        if (!merged || !row) return setStatus(ctx, 'No service log open', 'error');
        return saveMergedLog(ctx, merged, `service ${row.name}`, `${row.name}-${fileStamp()}.log`, 'docker service logs');
      }
      if (ctx.ui.get().lastList === 'projects' && !fleetDetailOpen(ctx.ui.get())) {
        const merged = log();
        const row = selectedRow(ctx.session, ctx.ui.get(), 'projects');
        if (!merged || !row?.project) return setStatus(ctx, 'No merged log open', 'error');
        const name = row.level === 'service' ? `${row.project}-${row.service}` : row.project;
        return saveMergedLog(ctx, merged, groupLabel(row), `${name}-${fileStamp()}.log`);
      }
      const shown = shownContainer();
      if (!shown) return setStatus(ctx, 'No container selected', 'error');
      const { row, engine } = shown;
      const view = ctx.ui.get().logView;
      openPrompt(ctx, {
        title: `Save the log of ${row.name}`,
        label: 'File',
        initial: hostPath(`${row.name}-${fileStamp()}.log`),
        note: `As docker logs${view.timestamps ? ' -t' : ''} --tail ${view.tail}${view.since ? ` --since ${view.since.input}` : ''} prints it`,
        validate: (v) => validatePath(v),
        onSubmit: (value, signal) =>
          askOverwrite(
            hostPath(value),
            async (overwrite) => {
              const path = hostPath(value);
              try {
                const bytes = await engine.saveLogs(row.id, path, {
                  tail: view.tail,
                  since: view.since?.seconds,
                  timestamps: view.timestamps,
                  overwrite,
                });
                setStatus(ctx, `Saved ${groupDigits(bytes)} bytes of ${row.name}'s log to ${path}`, 'success');
                return undefined;
              } catch (err) {
                const code = (err as NodeJS.ErrnoException).code;
                if (code === 'EEXIST') return `${path} exists: choose another name`;
                if (code === 'ENOENT') return `${path}: no such directory`;
                if (code === 'EACCES') return `${path}: permission denied`;
                return engineErrorMessage(err);
              }
            },
            signal,
          ),
      });
    },
  };
}
