/** Collects calls for `ms` and runs `fn` once with everything collected. */
export function debounceCollect<T>(ms: number, fn: (items: T[]) => void): { push(item: T): void; cancel(): void } {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    push(item: T) {
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
      if (timer) clearTimeout(timer);
      timer = null;
      items = [];
    },
  };
}
