import { afterEach, describe, expect, it, vi } from 'vitest';
import { fr } from './fr.ts';
import { en } from './en.ts';
import { PART_NAMES, messagesOfPart, type Part } from './parts.ts';

// The build's table of part chunks (vite.config.ts), here from the whole dictionaries, counting fetches.
const fetched: string[] = [];
vi.mock('virtual:fo-message-parts', () => {
  const table = (locale: 'fr' | 'en') => Object.fromEntries(PART_NAMES.map((part) => [part, async () => {
    fetched.push(`${locale}-${part}`);
    return messagesOfPart(locale === 'fr' ? fr : en, part);
  }])) as Record<Part, () => Promise<Partial<typeof fr>>>;
  return { LOADERS: { fr: table('fr'), en: table('en') } };
});

const lazy = () => import('./dictionaries-lazy.ts');

describe('dictionaries in parts (the app build)', () => {
  afterEach(() => {
    vi.resetModules();
    vi.restoreAllMocks();
    fetched.length = 0;
  });

  it('starts with the shell’s part in the language shown, and a screen’s parts come on demand', async () => {
    const d = await lazy();
    expect(d.hasLocale('fr')).toBe(false);
    await d.loadLocale('fr');
    expect(fetched).toEqual(['fr-core']);
    expect(d.message('fr', 'signin.title')).toBe(fr['signin.title']);
    await d.loadParts(['queue']);
    expect(fetched).toEqual(['fr-core', 'fr-queue']);
    expect(d.message('fr', 'kiosk.choose')).toBe(fr['kiosk.choose']);
  });

  it('a switch fetches every part asked for so far in the other language, once', async () => {
    const d = await lazy();
    await d.loadLocale('fr');
    await d.loadParts(['queue', 'print']);
    await d.loadLocale('en');
    expect(fetched.filter((f) => f.startsWith('en-')).sort()).toEqual(['en-core', 'en-print', 'en-queue']);
    expect(d.hasLocale('en')).toBe(true);
    expect(d.message('en', 'kiosk.choose')).toBe(en['kiosk.choose']);
    await d.loadLocale('fr');
    expect(fetched.filter((f) => f.startsWith('fr-'))).toHaveLength(3);
  });

  it('a key whose part is missing shows "…", never the key nor the other language, warns, and fetches the part', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = await lazy();
    await d.loadLocale('en');
    expect(d.message('en', 'cash.open.title')).toBe('…');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"cash.open.title"'));
    expect(fetched).toContain('en-cash');
    await vi.waitFor(() => expect(d.message('en', 'cash.open.title')).toBe(en['cash.open.title']));
  });
});
