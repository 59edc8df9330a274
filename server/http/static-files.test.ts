import { describe, expect, it } from 'vitest';
import { cacheControlFor, safeJoin } from './static-files.ts';

describe('static files', () => {
  it('caches hashed assets forever and revalidates everything else', () => {
    expect(cacheControlFor('/assets/index-Bx12.js')).toContain('immutable');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/sw.js')).toBe('no-cache');
  });
  it('never resolves outside the served folder', () => {
    expect(safeJoin('/srv/app', '/../etc/passwd')).toBeNull();
    expect(safeJoin('/srv/app', '/%2e%2e/etc/passwd')).toBeNull();
    expect(safeJoin('/srv/app', '/a%00b')).toBeNull();
    expect(safeJoin('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(safeJoin('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });
});
