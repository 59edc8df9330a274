/** An object URL following a blob accessor: made when it changes, revoked when it changes again or its owner goes. */
import { createMemo, onCleanup, type Accessor } from 'solid-js';

export function createObjectUrl(blob: Accessor<Blob | null>): Accessor<string | null> {
  return createMemo(() => {
    const b = blob();
    if (!b) return null;
    const url = URL.createObjectURL(b);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });
}
