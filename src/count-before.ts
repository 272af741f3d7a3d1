/**
 * How many of the `items`, ordered by position, lie before `offset`: the index of the first at
 * or after it (binary search). Used where a text's tokens, name mentions or cut-out values are
 * looked up by offset.
 */
export function countBefore<T>(items: readonly T[], offset: number, positionOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positionOf(items[middle] as T) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
