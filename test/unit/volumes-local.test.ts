import { describe, expect, it } from 'vitest';
import { parseLoadAnswer } from '../../src/engine/api/image-archive.js';
import type { ContainerRow, ImageRow } from '../../src/engine/models/types.js';
import { volumeRows, volumeUsers } from '../../src/engine/models/volumes.js';
import { prunableDangling } from '../../src/app/actions/image-local-actions.js';
import { scrollOverlay } from '../../src/app/overlay.js';
import { initialUiState } from '../../src/app/ui-state.js';
import { jsonLines, unusedVolumes, validateVolumeName } from '../../src/app/actions/volume-actions.js';

const container = (name: string, mounts: ContainerRow['mounts'], imageId = 'sha256:i'): ContainerRow => ({
  id: name,
  shortId: name,
  name,
  image: 'x',
  command: '',
  state: 'exited',
  status: '',
  statusAt: 0,
  ports: '',
  created: 0,
  imageId,
  mounts,
});

describe('volumes', () => {
  it('joins sizes from /system/df and sanitizes names', () => {
    const rows = volumeRows(
      [
        { Name: 'b', Driver: 'local', Mountpoint: '/m/b' },
        { Name: 'a\x1b]0;x\x07', Driver: 'nfs' },
      ],
      [{ Name: 'b', UsageData: { Size: 42, RefCount: 0 } }],
    );
    expect(rows.map((r) => [r.name, r.size])).toEqual([
      ['a', -1],
      ['b', 42],
    ]);
  });

  it('knows which containers use which volume, and which volumes are unused', () => {
    const users = volumeUsers([
      container('web', [
        { type: 'volume', name: 'data', source: '', destination: '/d' },
        { type: 'bind', name: '', source: '/h', destination: '/h' },
      ]),
      container('db', [{ type: 'volume', name: 'data', source: '', destination: '/d' }]),
    ]);
    expect(users.get('data')).toEqual(['web', 'db']);
    const rows = volumeRows([{ Name: 'data' }, { Name: 'spare' }]);
    expect(unusedVolumes(rows, users).map((v) => v.name)).toEqual(['spare']);
  });

  it('validates names as the engine does', () => {
    expect(validateVolumeName('app-data')).toBeUndefined();
    expect(validateVolumeName('')).toMatch(/enter a name/);
    expect(validateVolumeName('-x')).toMatch(/not a valid volume name/);
    expect(validateVolumeName('a/b')).toMatch(/not a valid volume name/);
  });

  it('sanitizes inspect JSON line by line', () => {
    expect(jsonLines({ Labels: { k: '\x1b[2Jv' } }).join('\n')).not.toContain('\x1b');
  });
});

describe('images on this machine', () => {
  it('prunes only dangling images no container uses', () => {
    const img = (id: string, dangling: boolean) => ({ id, dangling }) as ImageRow;
    const rows = [img('a', true), img('b', true), img('c', false)];
    expect(prunableDangling(rows, new Set(['b'])).map((r) => r.id)).toEqual(['a']);
  });

  it('reads docker load answers and turns an error line into an error', () => {
    expect(parseLoadAnswer([{ stream: 'Loaded image: x:1\n' }, { stream: 'Loaded image ID: sha256:abc\n' }]).loaded).toEqual([
      'Loaded image: x:1',
      'Loaded image ID: sha256:abc',
    ]);
    expect(() => parseLoadAnswer([{ errorDetail: { message: 'unexpected EOF' }, error: 'unexpected EOF' }])).toThrow('unexpected EOF');
  });
});

describe('text overlay scrolling', () => {
  it('stays within the text', () => {
    const s = { ...initialUiState(), overlay: { title: 't', lines: Array.from({ length: 30 }, String), scroll: 0 } };
    expect(scrollOverlay(s, 'up', 10)).toBe(s);
    expect(scrollOverlay(s, 'pageDown', 10).overlay!.scroll).toBe(10);
    expect(scrollOverlay(s, 'end', 10).overlay!.scroll).toBe(20);
    expect(scrollOverlay(scrollOverlay(s, 'end', 10), 'down', 10).overlay!.scroll).toBe(20);
  });
});
