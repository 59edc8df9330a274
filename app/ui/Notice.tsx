/**
 * A message on the screen about the last action: success, warning or error. Errors are
 * `role="alert"` (read out at once), the others `role="status"`.
 */
import { Show, type JSX } from 'solid-js';

export type NoticeTone = 'info' | 'ok' | 'warn' | 'error';

export function Notice(props: { tone?: NoticeTone; testId?: string; children: JSX.Element }) {
  const tone = () => props.tone ?? 'info';
  return (
    <Show when={tone() === 'error'} fallback={<p class={`notice notice-${tone()}`} role="status" data-testid={props.testId} data-tone={tone()}>{props.children}</p>}>
      <p class="notice notice-error" role="alert" data-testid={props.testId} data-tone="error">{props.children}</p>
    </Show>
  );
}
