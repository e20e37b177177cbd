import { useCallback, useEffect } from 'react';

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);

/**
 * A form's unsent text kept in localStorage as the user types, so that a closed tab or a dropped phone
 * connection loses nothing; restored on reopen, cleared once the server has the item. Written on every
 * change (a few KB at most): a debounce would lose the last keystrokes when the page closes.
 */
/** `enabled` waits until the saved copy has been restored: the empty form first seen must not erase it. */
export function useDraft<T extends object>(key: string, values: T | undefined, enabled = true) {
  const storageKey = `yiting.draft.${key}`;

  const load = useCallback((): Partial<T> | null => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw ? (JSON.parse(raw) as Partial<T>) : null;
    } catch {
      return null;
    }
  }, [storageKey]);

  const clear = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Storage disabled: nothing was kept.
    }
  }, [storageKey]);

  const save = useCallback(
    (v: T) => {
      try {
        if (Object.values(v).every(blank)) localStorage.removeItem(storageKey);
        else localStorage.setItem(storageKey, JSON.stringify(v));
      } catch {
        // Quota or privacy mode: the form still works, only without the safety copy.
      }
    },
    [storageKey],
  );

  useEffect(() => {
    if (!enabled || values === undefined) return;
    save(values);
  }, [values, save, enabled]);

  return { load, clear, save };
}
