import { describe, expect, it } from 'vitest';
import { matchesShortcut } from './shortcuts.ts';

const key = (k: string, code: string, mods: { altKey?: boolean; ctrlKey?: boolean } = {}) => ({ key: k, code, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('shortcuts', () => {
  it('matches function keys without modifiers', () => {
    expect(matchesShortcut(key('F2', 'F2'), 'F2')).toBe(true);
    expect(matchesShortcut(key('F2', 'F2', { ctrlKey: true }), 'F2')).toBe(false);
    expect(matchesShortcut(key('F3', 'F3'), 'F2')).toBe(false);
  });
  it('matches Alt+letter by physical key whatever the layout types', () => {
    expect(matchesShortcut(key('ñ', 'KeyN', { altKey: true }), 'Alt+N')).toBe(true);
    expect(matchesShortcut(key('n', 'KeyN'), 'Alt+N')).toBe(false);
  });
});
