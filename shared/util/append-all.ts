/**
 * Appends every item to `target`, in order, one at a time. `target.push(...items)` passes each item
 * as an argument and throws RangeError once there are more than the engine's argument limit
 * (about 120,000 in V8): a sheet with that many findings must not crash a host.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** The largest of `values` (−Infinity for none), without spreading them into arguments. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values` (Infinity for none), without spreading them into arguments. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}
