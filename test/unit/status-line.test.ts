import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/state/store.js';
import { initialUiState, type UiState } from '../../src/app/ui-state.js';
import type { AppContextValue } from '../../src/app/app-context.js';
import { clearStatus, setStatus, STATUS_LIFETIME_MS } from '../../src/app/status.js';
import { statusLine } from '../../src/ui/status-bar.js';
import { counted } from '../../src/text/plural.js';
import { engineErrorMessage, removeFailure, unreachableNotice } from '../../src/engine/errors.js';

const ctxWith = () => ({ ui: new Store<UiState>(initialUiState()) }) as unknown as AppContextValue;

describe('status lifetime', () => {
  afterEach(() => vi.useRealTimers());

  it('an outcome fades after its lifetime; progress stays; a newer message keeps its own time', () => {
    vi.useFakeTimers();
    const ctx = ctxWith();
    setStatus(ctx, 'Stopped web', 'success');
    vi.advanceTimersByTime(STATUS_LIFETIME_MS.success! - 1);
    expect(ctx.ui.get().status?.text).toBe('Stopped web');
    setStatus(ctx, 'Stopping db…', 'progress');
    vi.advanceTimersByTime(60_000);
    expect(ctx.ui.get().status?.text).toBe('Stopping db…');
    setStatus(ctx, 'Could not stop db: 500', 'error');
    vi.advanceTimersByTime(STATUS_LIFETIME_MS.error!);
    expect(ctx.ui.get().status).toBeUndefined();
    // Kept for ! after the line clears.
    expect(ctx.ui.get().lastStatus?.text).toBe('Could not stop db: 500');
  });

  it('clearStatus(message) leaves a newer message alone', () => {
    const ctx = ctxWith();
    setStatus(ctx, 'old');
    const old = ctx.ui.get().status!;
    setStatus(ctx, 'new');
    clearStatus(ctx, old);
    expect(ctx.ui.get().status?.text).toBe('new');
  });
});

describe('statusLine', () => {
  it('fits a short message as is, and cuts a long one with the key that shows it all', () => {
    expect(statusLine('Stopped web', 40, '!')).toBe('Stopped web');
    const line = statusLine('x'.repeat(100), 40, '!');
    expect(line.endsWith(' (!: all)')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('wording', () => {
  it('counts agree with their noun', () => {
    expect(counted(1, 'match', 'matches')).toBe('1 match');
    expect(counted(2, 'match', 'matches')).toBe('2 matches');
    expect(counted(0, 'matching line')).toBe('0 matching lines');
    expect(counted(1, 'match', 'matches', '1/1')).toBe('1/1 match');
  });

  it('a lost engine is named once; a missing socket names the path', () => {
    const gone = Object.assign(new Error('connect ENOENT /run/x.sock'), { code: 'ENOENT', address: '/run/x.sock' });
    const message = engineErrorMessage(gone);
    expect(message).toBe('engine unreachable (no socket at /run/x.sock: is the engine running?)');
    expect(unreachableNotice(message)).toBe('engine unreachable — retrying… (no socket at /run/x.sock: is the engine running?)');
    expect(unreachableNotice('the events stream ended')).toBe('engine unreachable — retrying… (the events stream ended)');
  });

  it('a 404 on remove means already removed', () => {
    expect(removeFailure('web', Object.assign(new Error('no such container'), { statusCode: 404 }))).toBe('web was already removed (no such container)');
    expect(removeFailure('web', Object.assign(new Error('boom'), { statusCode: 500 }))).toMatch(/^Could not remove web: 500: boom/);
  });
});
