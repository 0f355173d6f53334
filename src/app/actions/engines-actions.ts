// The Engines view's keys (0): move, switch (Enter), the fleet mode (f) and the fleet
// rows' container actions, which go to the row's own engine through the session the open
// view holds for it: s/S/r, the detail pane (l t m i) and a shell (e), none of which
// switches the app's engine.
import { engineErrorMessage } from '../../engine/errors.js';
import type { ContainerAction } from '../../engine/models/types.js';
import type { AppContextValue } from '../app-context.js';
import { fleetList, selectedFleetRow } from '../engines/fleet.js';
import { moveIndex, type Move } from '../navigation.js';
import { selectedIndex, withList, type UiState } from '../ui-state.js';
import type { DetailTab } from '../../state/detail-tabs.js';
import { setStatus } from '../status.js';
import { cliTargetFor, openShell } from './session-actions.js';

const VERBS: Partial<Record<ContainerAction, [doing: string, done: string]>> = {
  start: ['Starting', 'Started'],
  stop: ['Stopping', 'Stopped'],
  restart: ['Restarting', 'Restarted'],
};

/** ↑↓ PgUp PgDn g G in the Engines view: the engine rows, or the fleet rows. */
export function moveInEngines(ctx: AppContextValue, move: Move, page: number): void {
  const s = ctx.ui.get();
  if (!s.engines.fleet) {
    const cursor = moveIndex(move, s.engines.cursor, ctx.engines.entries.length, page);
    return ctx.ui.update((st) => ({ ...st, engines: { ...st.engines, cursor } }));
  }
  const keys = fleetList(ctx.engines, s).keys;
  if (keys.length === 0) return;
  const next = moveIndex(move, selectedIndex(keys, s.engines.fleetList), keys.length, page);
  ctx.ui.update((st) => ({ ...st, engines: { ...st.engines, fleetList: { ...st.engines.fleetList, cursor: next, selectedKey: keys[next] } } }));
}

export function enginesActions(ctx: AppContextValue) {
  const act = (action: ContainerAction) => () => {
    const picked = selectedFleetRow(ctx.engines, ctx.ui.get());
    if (!picked) return setStatus(ctx, 'No container selected', 'error');
    const session = ctx.engines.sessionOf(picked.engineId);
    const [doing, done] = VERBS[action]!;
    const what = `${picked.row.name} on ${picked.engine}`;
    if (!session || !session.isConnected()) return setStatus(ctx, `Cannot ${action} ${what}: the engine is unreachable`, 'error');
    setStatus(ctx, `${doing} ${what}…`, 'progress');
    session.containerAction(picked.row, action).then(
      () => setStatus(ctx, `${done} ${what}`, 'success'),
      (err: unknown) => setStatus(ctx, `Could not ${action} ${what}: ${engineErrorMessage(err)}`, 'error'),
    );
  };

  /** l t m i on a fleet row: its detail pane opens beside the list, reading the row's engine. */
  const showDetail = (detailTab: DetailTab) => () => {
    if (!selectedFleetRow(ctx.engines, ctx.ui.get())) return setStatus(ctx, 'No container selected', 'error');
    ctx.ui.update((s) => ({
      ...s,
      engines: { ...s.engines, detail: true },
      detailTab,
      logScroll: { topSeq: null },
      topScroll: 0,
      inspect: { ...s.inspect, top: 0, searchAt: null },
    }));
  };

  const exec = () => {
    const picked = selectedFleetRow(ctx.engines, ctx.ui.get());
    if (!picked) return setStatus(ctx, 'No container selected', 'error');
    const session = ctx.engines.sessionOf(picked.engineId);
    if (!session || !session.isConnected()) return setStatus(ctx, `Cannot exec in ${picked.row.name} on ${picked.engine}: the engine is unreachable`, 'error');
    openShell(ctx, { api: session.engine, cli: cliTargetFor(ctx, picked.engineId), name: picked.engine, reachable: () => session.isConnected() }, picked.row);
  };

  /** Enter on a fleet row: its engine becomes the app's, with that container selected. */
  const goToContainer = async () => {
    const picked = selectedFleetRow(ctx.engines, ctx.ui.get());
    if (!picked) return setStatus(ctx, 'No container selected', 'error');
    if (picked.engineId !== ctx.engines.currentId && !(await ctx.engines.switchTo(picked.engineId))) return;
    ctx.ui.update((s) => ({ ...withList(s, 'containers', { selectedKey: picked.row.id }), focus: 'containers', lastList: 'containers' }));
  };

  return {
    'pane.engines': () => ctx.ui.update((s: UiState) => ({ ...s, focus: 'engines' })),
    'engines.switch': () => {
      const s = ctx.ui.get();
      if (s.engines.fleet) return void goToContainer();
      const entry = ctx.engines.entries[s.engines.cursor];
      if (entry) void ctx.engines.switchTo(entry.id);
    },
    'engines.fleet': () => ctx.ui.update((s) => ({ ...s, engines: { ...s.engines, fleet: !s.engines.fleet, detail: false } })),
    'fleet.stop': act('stop'),
    'fleet.start': act('start'),
    'fleet.restart': act('restart'),
    'fleet.logs': showDetail('logs'),
    'fleet.top': showDetail('top'),
    'fleet.stats': showDetail('stats'),
    'fleet.inspect': showDetail('inspect'),
    'fleet.exec': exec,
  };
}
