/**
 * The app's router: the History API behind a location signal, a page per path
 * (app/routing/paths.ts), links handled in the page without a reload. Replaces
 * @solidjs/router, whose nested routes, data loading and actions the app never used and whose
 * ~5 KB gzipped every role paid in its first load (docs/DEPENDENCIES.md).
 */
import { createContext, createMemo, createSignal, onCleanup, untrack, useContext, type Component, type JSX } from 'solid-js';
import { isActiveLink, isInAppClick, matchRoute, parseQuery, withQuery } from './paths.ts';

export interface Location<S = unknown> {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  /** What the navigation that led here carried (`history.state`): kept across reloads and the back button. */
  readonly state: S | null;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, sign-out). */
  readonly replace?: boolean;
  readonly state?: unknown;
  /** Back to the top of the page (default); not for a change of tab. */
  readonly scroll?: boolean;
}
export type Navigator = (href: string, options?: NavigateOptions) => void;

interface RouterContext {
  readonly location: () => Location;
  readonly navigate: Navigator;
}
const Context = createContext<RouterContext>();

function useRouter(): RouterContext {
  const router = useContext(Context);
  if (!router) throw new Error('useRouter: no <Router> above');
  return router;
}

const here = (): Location => ({ pathname: location.pathname, search: location.search, hash: location.hash, state: (history.state as unknown) ?? null });

/**
 * `root` wraps every page (it gets the matched page as children, created anew each time it
 * reads them, so a page sits under whatever providers the root puts around it); `routes` keys
 * pages by path (app/routing/paths.ts, routeKey); any other path shows `fallback`.
 */
export function Router(props: { root: Component<{ children: JSX.Element }>; routes: Readonly<Record<string, Component>>; fallback: Component }) {
  const [current, setCurrent] = createSignal(here());
  const navigate: Navigator = (href, options = {}) => {
    const url = new URL(href, location.href);
    const target = url.pathname + url.search + url.hash;
    if (options.replace) history.replaceState(options.state ?? null, '', target);
    else history.pushState(options.state ?? null, '', target);
    setCurrent(here());
    if (options.scroll !== false) window.scrollTo(0, 0);
  };
  const onPopState = () => setCurrent(here());
  const onClick = (event: MouseEvent) => {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    const click = { ...pick(event), href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download'), page: location.href };
    if (!isInAppClick(click)) return;
    event.preventDefault();
    navigate(anchor.href);
  };
  window.addEventListener('popstate', onPopState);
  document.addEventListener('click', onClick);
  onCleanup(() => {
    window.removeEventListener('popstate', onPopState);
    document.removeEventListener('click', onClick);
  });
  const router: RouterContext = { location: current, navigate };
  const Root = props.root;
  return (
    <Context.Provider value={router}>
      <Root>
        <Page routes={props.routes} fallback={props.fallback} />
      </Root>
    </Context.Provider>
  );
}

const pick = (e: MouseEvent) => ({ button: e.button, defaultPrevented: e.defaultPrevented, metaKey: e.metaKey, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey });

/** The page of the current path: rebuilt when the path changes page, kept when only the query or state does. */
function Page(props: { routes: Readonly<Record<string, Component>>; fallback: Component }) {
  const { location: current } = useRouter();
  const page = createMemo(() => matchRoute(props.routes, current().pathname, props.fallback));
  return createMemo(() => {
    const Shown = page();
    return untrack(() => <Shown />);
  }) as unknown as JSX.Element;
}

export function useNavigate(): Navigator {
  return useRouter().navigate;
}

/** The current location, reactive: read its fields in a tracking scope. */
export function useLocation<S = unknown>(): Location<S> {
  const { location: current } = useRouter();
  return {
    get pathname() { return current().pathname; },
    get search() { return current().search; },
    get hash() { return current().hash; },
    get state() { return current().state as S | null; },
  };
}

type Params<T> = { readonly [K in keyof T]?: string };

/** The query's parameters (reactive), and a setter that merges changes into it as a new history entry without scrolling (a tab is a `?view=`). */
export function useSearchParams<T extends Record<string, string | undefined>>(): [Params<T>, (changes: Partial<Record<keyof T, string | null>>) => void] {
  const { location: current, navigate } = useRouter();
  const query = createMemo(() => parseQuery(current().search));
  const params = new Proxy({} as Params<T>, { get: (_target, name) => (typeof name === 'string' ? query()[name] : undefined) });
  const set = (changes: Partial<Record<keyof T, string | null>>) => {
    const now = untrack(current);
    navigate(now.pathname + withQuery(now.search, changes as Record<string, string | null>) + now.hash, { scroll: false });
  };
  return [params, set];
}

/** Goes to `href` as soon as it is rendered, replacing the entry that led here (a redirect leaves nothing to go back to). */
export function Navigate(props: { href: string; state?: unknown }): JSX.Element {
  const { navigate } = useRouter();
  untrack(() => navigate(props.href, { replace: true, state: props.state }));
  return null;
}

/** A link within the app (the router handles its clicks); `activeClass` and `aria-current` while its page is shown. */
export function A(props: { href: string; class?: string; activeClass?: string; children: JSX.Element; 'data-testid'?: string }) {
  const { location: current } = useRouter();
  const active = () => isActiveLink(props.href, current().pathname);
  return (
    <a
      href={props.href}
      class={props.class}
      classList={props.activeClass ? { [props.activeClass]: active() } : undefined}
      aria-current={active() ? 'page' : undefined}
      data-testid={props['data-testid']}
    >
      {props.children}
    </a>
  );
}
