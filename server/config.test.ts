import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = { COUCH_ADMIN_PASSWORD: 'x' };

describe('EDM_DIR', () => {
  it('is off unless set, and resolved to an absolute folder when set', () => {
    expect(loadConfig(base, []).edmDir).toBeNull();
    expect(loadConfig({ ...base, EDM_DIR: 'edm-drop' }, []).edmDir).toBe(resolve('edm-drop'));
  });

  it('is refused on a branch server, which holds no fo_central to follow', () => {
    expect(() => loadConfig({ ...base, EDM_DIR: '/srv/edm', CENTRAL_URL: 'https://u:p@ho.example/db', BRANCHES: 'dla' }, [])).toThrow(/EDM_DIR is for the head-office server/);
  });
});
