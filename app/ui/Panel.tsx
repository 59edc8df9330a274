/** A titled block of a screen; `tone` marks a panel that needs attention. */
import { Show, type JSX } from 'solid-js';

export function Panel(props: { title?: JSX.Element; tone?: 'plain' | 'info' | 'warn' | 'ok'; testId?: string; class?: string; headingLevel?: 2 | 3; children: JSX.Element }) {
  return (
    <section class={`panel panel-${props.tone ?? 'plain'}${props.class ? ` ${props.class}` : ''}`} data-testid={props.testId}>
      <Show when={props.title}>
        <Show when={props.headingLevel === 3} fallback={<h2 class="panel-title">{props.title}</h2>}>
          <h3 class="panel-title">{props.title}</h3>
        </Show>
      </Show>
      {props.children}
    </section>
  );
}
