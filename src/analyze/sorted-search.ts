/** Binary searches of an ascending array (strings in JS order, or numbers). */

/** First index whose value is >= x (a.length when none). */
export function firstAtLeast<T extends number | string>(a: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last index whose value is <= x (-1 when none). */
export function lastAtMost<T extends number | string>(a: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
