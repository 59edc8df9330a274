/**
 * The design system's button. Variants: primary (the screen's one main action), secondary,
 * danger, quiet. With `action`, the press runs through the screen's action guard, so every
 * button of the screen is disabled while one action is in flight. `shortcut` shows the key on
 * the button and presses it from anywhere on the page while the button is enabled.
 */
import { Show, onCleanup, onMount, splitProps, type JSX } from 'solid-js';
import { useActionGuard } from './action-guard.ts';
import { matchesShortcut, type Shortcut } from './shortcuts.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'small' | 'normal' | 'large' | 'huge';

export interface ButtonProps extends Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Run through the screen's action guard. */
  action?: () => unknown;
  /** A plain click handler, for buttons that only change what is shown (no guard needed). */
  onClick?: (event: MouseEvent) => void;
  shortcut?: Shortcut;
  testId?: string;
  block?: boolean;
}

export function Button(props: ButtonProps) {
  const [own, rest] = splitProps(props, ['variant', 'size', 'action', 'onClick', 'shortcut', 'testId', 'block', 'disabled', 'children', 'class', 'type']);
  const guard = useActionGuard();
  const disabled = () => own.disabled === true || (own.action !== undefined && guard.busy());
  const press = (event?: MouseEvent) => {
    if (disabled()) return;
    if (own.action) void guard.run(own.action);
    else if (event) own.onClick?.(event);
  };
  let element: HTMLButtonElement | undefined;
  onMount(() => {
    const shortcut = own.shortcut;
    if (!shortcut) return;
    const onKey = (event: KeyboardEvent) => {
      if (!matchesShortcut(event, shortcut) || disabled() || !element?.isConnected) return;
      event.preventDefault();
      if (own.action) press();
      else element.click();
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });
  return (
    <button
      {...rest}
      ref={element}
      type={own.type ?? 'button'}
      class={`btn btn-${own.variant ?? 'secondary'} btn-${own.size ?? 'normal'}${own.block ? ' btn-block' : ''}${own.class ? ` ${own.class}` : ''}`}
      data-testid={own.testId}
      disabled={disabled()}
      aria-busy={own.action !== undefined && guard.busy() ? 'true' : undefined}
      aria-keyshortcuts={own.shortcut}
      onClick={(event) => press(event)}
    >
      <span class="btn-label">{own.children}</span>
      <Show when={own.shortcut}>{(key) => <kbd class="btn-key" aria-hidden="true">{key()}</kbd>}</Show>
    </button>
  );
}
