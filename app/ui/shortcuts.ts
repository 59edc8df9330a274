/**
 * Keyboard shortcuts shown on buttons, as counter terminals offer. Function keys and Alt+letter
 * only: plain letters belong to the fields being typed in.
 */
export type Shortcut = `F${number}` | `Alt+${string}`;

/** Does this key event press `shortcut`? */
export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>, shortcut: Shortcut): boolean {
  if (event.ctrlKey || event.metaKey) return false;
  if (shortcut.startsWith('Alt+')) {
    const letter = shortcut.slice(4).toUpperCase();
    // `code` because Alt+letter types another character on some layouts (macOS, AZERTY).
    return event.altKey && (event.code === `Key${letter}` || event.code === `Digit${letter}` || event.key.toUpperCase() === letter);
  }
  return !event.altKey && event.key === shortcut;
}
