/**
 * The app's routing rules, pure (the Solid layer is app/routing/Router.tsx): flat routes only,
 * a page per static path and one fallback, so matching is a lookup, not a pattern language.
 */

/** A path as the route table keys it: no trailing slash (but `/`), lower case (addresses are typed by hand on kiosks). */
export function routeKey(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return (trimmed === '' ? '/' : trimmed).toLowerCase();
}

/** The page of a path, or the fallback when no route has it. */
export function matchRoute<T>(routes: Readonly<Record<string, T>>, pathname: string, fallback: T): T {
  const key = routeKey(pathname);
  return Object.hasOwn(routes, key) ? routes[key]! : fallback;
}

/** `?a=1&b=2` as `{ a: '1', b: '2' }` (a repeated name keeps its last value). */
export function parseQuery(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

/** A query string with some parameters set, and those given as undefined, null or '' removed; `''` when none is left. */
export function withQuery(search: string, changes: Readonly<Record<string, string | null | undefined>>): string {
  const query = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') query.delete(name);
    else query.set(name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A link is active on its own page and on the pages below it (`/admin` on `/admin/…`). */
export function isActiveLink(href: string, pathname: string): boolean {
  const link = routeKey(new URL(href, 'http://x').pathname);
  const here = routeKey(pathname);
  return here === link || (link !== '/' && here.startsWith(`${link}/`));
}

/** What decides whether a click on a link is the app's to handle (the fields of a MouseEvent and an anchor used here). */
export interface LinkClick {
  readonly button: number;
  readonly defaultPrevented: boolean;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** The anchor's resolved address (`a.href`). */
  readonly href: string;
  readonly target: string;
  readonly download: boolean;
  /** The page's own address (`location.href`). */
  readonly page: string;
}

/**
 * A plain left click on a link to a page of this origin, in this tab: the app navigates
 * without reloading. Modifier keys (new tab, new window, download), other buttons, other
 * targets, other origins and links to a place in this same page (the skip link's `#main`,
 * whose scroll and focus are the browser's) are left to the browser.
 */
export function isInAppClick(click: LinkClick): boolean {
  if (click.defaultPrevented || click.button !== 0) return false;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (click.download || (click.target !== '' && click.target !== '_self')) return false;
  try {
    const to = new URL(click.href);
    const page = new URL(click.page);
    if (to.origin !== page.origin) return false;
    return !(to.hash && to.pathname === page.pathname && to.search === page.search);
  } catch {
    return false;
  }
}
