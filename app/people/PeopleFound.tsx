/**
 * The people a search found, one large button each ("415120 — Ébodé & Fils"), or what to say
 * when it found nobody. Reception and the cash desk's searches share it.
 */
import { For, Show, type JSX } from 'solid-js';
import { personName, type Person } from '../../couch-design/types/person.ts';
import { Button } from '../ui/Button.tsx';

export function PeopleFound(props: {
  people: readonly Person[];
  /** Shown instead of the list when nobody was found. */
  none: JSX.Element;
  /** The number shown and used in the button's test id: the person's, or an employer's account. */
  numberOf?: (p: Person) => string;
  testIdPrefix: string;
  listClass: string;
  label?: string;
  onPick: (p: Person) => void;
}) {
  const numberOf = (p: Person) => props.numberOf?.(p) ?? p.number;
  return (
    <Show when={props.people.length > 0} fallback={props.none}>
      <ul class={props.listClass} aria-label={props.label}>
        <For each={props.people}>
          {(p) => (
            <li>
              <Button variant="secondary" block testId={`${props.testIdPrefix}${numberOf(p)}`} onClick={() => props.onPick(p)}>
                {numberOf(p)} — {personName(p)}
              </Button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
