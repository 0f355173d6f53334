import { describe, expect, it } from 'vitest';
import { JsonLineParser } from '../../src/engine/streams/ndjson.js';
import {
  EMPTY_PROGRESS,
  applyProgress,
  layerFraction,
  overallProgress,
  percent,
  progressBar,
  type ProgressMessage,
  type ProgressState,
} from '../../src/engine/models/progress.js';

function fold(messages: ProgressMessage[]): ProgressState {
  return messages.reduce(applyProgress, EMPTY_PROGRESS);
}

// A real pull of two layers, as the engine streams it (abridged).
const PULL =
  [
    '{"status":"Pulling from team/app","id":"1.0"}',
    '{"status":"Pulling fs layer","progressDetail":{},"id":"aaaaaaaaaaaa"}',
    '{"status":"Already exists","progressDetail":{},"id":"bbbbbbbbbbbb"}',
    '{"status":"Waiting","progressDetail":{},"id":"aaaaaaaaaaaa"}',
    '{"status":"Downloading","progressDetail":{"current":500,"total":2000},"progress":"[=====>   ]","id":"aaaaaaaaaaaa"}',
  ].join('\n') + '\n';

describe('pull/push progress model', () => {
  it('parses the NDJSON stream into one entry per layer, status lines apart', () => {
    const parser = new JsonLineParser<ProgressMessage>();
    const state = fold([...parser.push(PULL.slice(0, 70)), ...parser.push(PULL.slice(70)), ...parser.flush()]);
    expect(state.messages).toEqual(['1.0: Pulling from team/app']);
    expect(state.layers.map((l) => [l.id, l.phase, l.current, l.total])).toEqual([
      ['aaaaaaaaaaaa', 'downloading', 500, 2000],
      ['bbbbbbbbbbbb', 'done', 0, 0],
    ]);
    expect(layerFraction(state.layers[0]!, 'pull')).toBeCloseTo(0.125);
    const overall = overallProgress(state, 'pull');
    expect(overall.layersDone).toBe(1);
    expect(overall.fraction).toBeCloseTo((0.125 + 1) / 2);
    expect(overall).toMatchObject({ bytes: 500, totalBytes: 2000 });
  });

  it('walks a layer through every pull phase', () => {
    const id = 'cccccccccccc';
    const steps: Array<[ProgressMessage, string, number]> = [
      [{ id, status: 'Pulling fs layer' }, 'waiting', 0],
      [{ id, status: 'Waiting' }, 'waiting', 0],
      [{ id, status: 'Downloading', progressDetail: { current: 100, total: 100 } }, 'downloading', 0.5],
      [{ id, status: 'Verifying Checksum' }, 'verifying', 0.5],
      [{ id, status: 'Download complete' }, 'downloaded', 0.5],
      [{ id, status: 'Extracting', progressDetail: { current: 50, total: 200 } }, 'extracting', 0.625],
      [{ id, status: 'Pull complete' }, 'done', 1],
    ];
    let state = EMPTY_PROGRESS;
    for (const [msg, phase, fraction] of steps) {
      state = applyProgress(state, msg);
      expect(state.layers).toHaveLength(1);
      expect(state.layers[0]!.phase).toBe(phase);
      expect(layerFraction(state.layers[0]!, 'pull')).toBeCloseTo(fraction);
    }
    // The download size survives extraction, for the byte counter.
    expect(overallProgress(state, 'pull')).toMatchObject({ fraction: 1, bytes: 100, totalBytes: 100 });
  });

  it('follows push statuses', () => {
    const state = fold([
      { status: 'The push refers to repository [127.0.0.1:5000/x]' },
      { id: 'd1', status: 'Preparing' },
      { id: 'd2', status: 'Preparing' },
      { id: 'd1', status: 'Pushing', progressDetail: { current: 30, total: 120 } },
      { id: 'd2', status: 'Layer already exists' },
      { id: 'd3', status: 'Mounted from other/repo' },
      { status: 'latest: digest: sha256:abc size: 527' },
      { aux: { Tag: 'latest' } },
    ]);
    expect(state.layers.map((l) => l.phase)).toEqual(['pushing', 'done', 'done']);
    expect(layerFraction(state.layers[0]!, 'push')).toBeCloseTo(0.25);
    expect(state.messages).toEqual(['The push refers to repository [127.0.0.1:5000/x]', 'latest: digest: sha256:abc size: 527']);
  });

  it('keeps the first error, from error or errorDetail', () => {
    const a = fold([{ errorDetail: { message: 'unauthorized: authentication required' }, error: 'unauthorized: authentication required' }, { error: 'later' }]);
    expect(a.error).toBe('unauthorized: authentication required');
    expect(fold([{ error: 'manifest unknown\nmore' }]).error).toBe('manifest unknown');
  });

  it('sanitizes layer ids and messages from the stream', () => {
    const state = fold([{ id: 'ab\x1b[2Jcd', status: 'Downloading\x07', progressDetail: { current: 1, total: 2 } }, { status: 'Status: \x1b]0;evil\x07done' }]);
    expect(state.layers[0]!.id).toBe('abcd');
    expect(state.layers[0]!.phase).toBe('downloading');
    expect(state.messages[0]).toBe('Status: done');
  });

  it('ignores nonsense byte counts and unknown messages without an id', () => {
    const state = fold([{ id: 'e1', status: 'Downloading', progressDetail: { current: -5, total: Number.NaN } }, {}, { status: '' }]);
    expect(state.layers[0]).toMatchObject({ current: 0, total: 0 });
    expect(state.messages).toEqual([]);
    expect(overallProgress(state, 'pull').fraction).toBe(0);
  });

  it('reports a finished transfer without layers (image up to date) as complete', () => {
    const state = fold([{ status: 'Status: Image is up to date for x:1' }]);
    expect(overallProgress(state, 'pull', true).fraction).toBe(1);
    expect(overallProgress(state, 'pull', false).fraction).toBe(0);
  });

  it('draws bars and percentages with plain characters', () => {
    expect(progressBar(0, 12)).toBe('[----------]');
    expect(progressBar(0.5, 12)).toBe('[#####-----]');
    expect(progressBar(2, 6)).toBe('[####]');
    expect(progressBar(Number.NaN, 6)).toBe('[----]');
    expect(percent(0.999)).toBe(' 99%');
    expect(percent(1)).toBe('100%');
  });
});
