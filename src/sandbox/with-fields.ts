// {...base, ...extra} for the answers the sandbox renders per order.
//
// Why not the spread: on Node 20 (V8 11.3) an object literal that spreads an
// order of some 70 fields and then adds more takes V8's slow path, about 30 µs
// an order, a third of a 250-order page's CPU; Object.assign onto {} builds
// the same object (same keys in the same order, same values) about ten times
// faster.

/** The same object as {...base, ...extra}: base's own enumerable keys in order, then extra's new ones. */
export function withFields<T extends object, E extends object>(base: T, extra: E): Omit<T, keyof E> & E {
  // Object.assign sets rather than defines: an own "__proto__" key would set the
  // prototype instead of copying a field, so such an object keeps the spread.
  if (Object.hasOwn(base, '__proto__') || Object.hasOwn(extra, '__proto__')) return { ...base, ...extra };
  return Object.assign({}, base, extra);
}
