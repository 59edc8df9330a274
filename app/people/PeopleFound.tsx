/**
 * The people a search found, one large button each ("415120 — Ébodé & Fils"), or what to say
 * when it found nobody; above them, whether the search reached every insurant or this device's
 * share only (WhereFound). Reception, the cash desk's and the back office's searches share it.
 */
import { For, Show, type JSX } from 'solid-js';
import { personName, type Person } from '../../couch-design/types/person.ts';
import { Button } from '../ui/Button.tsx';
import type { PeopleSearchResult } from './find-people.ts';
import { WhereFound } from './WhereFound.tsx';

export function PeopleFound(props: {
  found: PeopleSearchResult;
  whereTestId: string;
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
    <>
      <WhereFound found={props.found} testId={props.whereTestId} />
      <Show when={props.found.people.length > 0} fallback={props.none}>
        <ul class={props.listClass} aria-label={props.label}>
          <For each={props.found.people}>
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
    </>
  );
}
