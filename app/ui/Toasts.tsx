/**
 * Short-lived confirmations ("Ticket F012 issued") in one polite live region at the screen's
 * corner; each goes after a few seconds or when dismissed. Errors that need action stay in a
 * Notice beside the form instead.
 */
import { For, createContext, createSignal, onCleanup, useContext, type JSX } from 'solid-js';
import type { NoticeTone } from './Notice.tsx';

const SHOWN_MS = 6000;

interface Toast { id: number; text: string; tone: NoticeTone }
export interface Toasts { show(text: string, tone?: NoticeTone): void }

const ToastContext = createContext<Toasts>();

export function ToastHost(props: { dismissLabel: string; children: JSX.Element }) {
  const [list, setList] = createSignal<Toast[]>([]);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let next = 0;
  const drop = (id: number) => setList((l) => l.filter((x) => x.id !== id));
  const toasts: Toasts = {
    show(text, tone = 'ok') {
      const id = ++next;
      setList((l) => [...l.slice(-2), { id, text, tone }]);
      const timer = setTimeout(() => { timers.delete(timer); drop(id); }, SHOWN_MS);
      timers.add(timer);
    },
  };
  onCleanup(() => timers.forEach(clearTimeout));
  return (
    <ToastContext.Provider value={toasts}>
      {props.children}
      <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
        <For each={list()}>
          {(toast) => (
            <div class={`toast notice-${toast.tone}`} data-testid="toast">
              <span>{toast.text}</span>
              <button type="button" class="toast-close" aria-label={props.dismissLabel} onClick={() => drop(toast.id)}>×</button>
            </div>
          )}
        </For>
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToasts outside a ToastHost');
  return toasts;
}
