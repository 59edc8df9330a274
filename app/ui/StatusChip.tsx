/** A short status word in a coloured chip (never colour alone: the word is always there). */
import type { JSX } from 'solid-js';

export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

export function StatusChip(props: { tone?: Tone; testId?: string; children: JSX.Element }) {
  return <span class={`status-chip status-${props.tone ?? 'neutral'}`} data-testid={props.testId}>{props.children}</span>;
}
