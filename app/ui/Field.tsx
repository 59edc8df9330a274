/** A form field: its label, an optional hint, the control, and the error that says what to do. */
import { Show, createUniqueId, type JSX } from 'solid-js';

export interface FieldProps {
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string | null;
  /** Receives the ids the control must carry (`id`, and `aria-describedby` when there is a hint or error). */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element;
  class?: string;
}

export function Field(props: FieldProps) {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = () => [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class="field-label" for={id}>{props.label}</label>
      <Show when={props.hint}><p class="field-hint" id={hintId}>{props.hint}</p></Show>
      <Show when={props.error}><p class="field-error" id={errorId}>{props.error}</p></Show>
      {props.children({ id, describedBy: describedBy(), invalid: !!props.error })}
    </div>
  );
}
