import { describe, expect, it } from 'vitest';
import { isActiveLink, isInAppClick, matchRoute, parseQuery, routeKey, withQuery, type LinkClick } from './paths.ts';

describe('routes', () => {
  const routes = { '/': 'home', '/counter': 'counter', '/signin': 'signin' };
  it('matches a path to its page, whatever its trailing slash or case', () => {
    expect(matchRoute(routes, '/counter', 'other')).toBe('counter');
    expect(matchRoute(routes, '/counter/', 'other')).toBe('counter');
    expect(matchRoute(routes, '/Counter', 'other')).toBe('counter');
    expect(matchRoute(routes, '/', 'other')).toBe('home');
    expect(routeKey('')).toBe('/');
  });
  it('gives the fallback to any other path, a deeper one and inherited names included', () => {
    expect(matchRoute(routes, '/counter/1', 'other')).toBe('other');
    expect(matchRoute(routes, '/nowhere', 'other')).toBe('other');
    expect(matchRoute(routes, '/constructor', 'other')).toBe('other');
    expect(matchRoute(routes, '/__proto__', 'other')).toBe('other');
  });
});

describe('query', () => {
  it('reads parameters, decoded', () => {
    expect(parseQuery('?view=reports&q=a%20b')).toEqual({ view: 'reports', q: 'a b' });
    expect(parseQuery('')).toEqual({});
  });
  it('sets, replaces and removes parameters, keeping the others', () => {
    expect(withQuery('?view=board&x=1', { view: 'reports' })).toBe('?view=reports&x=1');
    expect(withQuery('', { section: 'devices' })).toBe('?section=devices');
    expect(withQuery('?view=board&x=1', { view: undefined, x: null })).toBe('');
    expect(withQuery('?view=board', { view: '' })).toBe('');
  });
});

describe('links', () => {
  it('is active on its page and below it, not on a page that only starts the same', () => {
    expect(isActiveLink('/admin', '/admin')).toBe(true);
    expect(isActiveLink('/admin', '/admin/')).toBe(true);
    expect(isActiveLink('/admin', '/admin/users')).toBe(true);
    expect(isActiveLink('/admin?section=devices', '/admin')).toBe(true);
    expect(isActiveLink('/admin', '/administration')).toBe(false);
    expect(isActiveLink('/', '/counter')).toBe(false);
  });

  const plain: LinkClick = {
    button: 0, defaultPrevented: false, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false,
    href: 'https://fo.example/printing', target: '', download: false, page: 'https://fo.example/counter?view=queue',
  };
  it('handles a plain left click on a link of this origin', () => {
    expect(isInAppClick(plain)).toBe(true);
    expect(isInAppClick({ ...plain, target: '_self' })).toBe(true);
    expect(isInAppClick({ ...plain, href: 'https://fo.example/printing#main' })).toBe(true);
  });
  it('leaves to the browser modifier keys, other buttons, other targets, downloads, other origins and places in this page', () => {
    for (const key of ['metaKey', 'ctrlKey', 'shiftKey', 'altKey'] as const) expect(isInAppClick({ ...plain, [key]: true }), key).toBe(false);
    expect(isInAppClick({ ...plain, button: 1 })).toBe(false);
    expect(isInAppClick({ ...plain, defaultPrevented: true })).toBe(false);
    expect(isInAppClick({ ...plain, target: '_blank' })).toBe(false);
    expect(isInAppClick({ ...plain, download: true })).toBe(false);
    expect(isInAppClick({ ...plain, href: 'https://elsewhere.example/printing' })).toBe(false);
    expect(isInAppClick({ ...plain, href: 'not a url' })).toBe(false);
    expect(isInAppClick({ ...plain, href: 'https://fo.example/counter?view=queue#main' }), 'the skip link').toBe(false);
  });
});
