/**
 * Collects calls for `ms` and runs `fn` once with everything collected. `cancel()` is final:
 * what is pushed afterwards (an event handler still being removed) is dropped.
 */
export function debounceCollect<T>(ms: number, fn: (items: T[]) => void): { push(item: T): void; cancel(): void } {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;
  return {
    push(item: T) {
      if (cancelled) return;
      items.push(item);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const batch = items;
        items = [];
        fn(batch);
      }, ms);
    },
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = null;
      items = [];
    },
  };
}
