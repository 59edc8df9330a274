/**
 * One in-flight guard for every action of a screen. An action started while another runs is
 * ignored (a double click, a key held down, two buttons pressed at once), and `busy()` lets
 * every button of the screen show that it is waiting. The flag is set synchronously, before the
 * first await, so the second click of a double click already finds it set.
 */
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';

export interface ActionGuard {
  readonly busy: Accessor<boolean>;
  /** Runs `action` unless one is in flight; resolves to false when it was ignored. */
  run(action: () => unknown): Promise<boolean>;
}

export function createActionGuard(): ActionGuard {
  const [busy, setBusy] = createSignal(false);
  return {
    busy,
    async run(action) {
      if (busy()) return false;
      setBusy(true);
      try {
        await action();
        return true;
      } finally {
        setBusy(false);
      }
    },
  };
}

export const ActionGuardContext = createContext<ActionGuard>();

/** The screen's guard (each screen layout provides one); a standalone one outside any screen. */
export function useActionGuard(): ActionGuard {
  return useContext(ActionGuardContext) ?? createActionGuard();
}

/** A form submit handler run through the guard: prevents the browser's submit and double submits. */
export function guardedSubmit(guard: ActionGuard, action: () => unknown): (event: SubmitEvent) => void {
  return (event) => {
    event.preventDefault();
    void guard.run(action);
  };
}
