// Sorting a list by keys computed once per item, not once per comparison: a
// list sort compares each order about log2(n) times (a dozen for 2,500), and a
// key such as a date parsed from its text is the costly part of a comparison.

export interface Keyed<T, K> {
  item: T;
  key: K;
}

/**
 * The items with their keys, sorted by `compare` on the keys. The order is
 * the one items.sort((a, b) => compare(keyOf(a), keyOf(b))) gives: the sort is
 * stable either way, so ties keep the items' order. `items` is left as it is.
 */
export function sortByKeys<T, K>(items: readonly T[], keyOf: (item: T) => K, compare: (a: K, b: K) => number): Array<Keyed<T, K>> {
  return items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compare(a.key, b.key));
}
