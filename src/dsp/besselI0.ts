/**
 * Modified Bessel function of the first kind, order 0, for Kaiser windows:
 * I0(x) = sum_k ((x/2)^k / k!)^2, summed until a term no longer changes the sum in double
 * precision (Kaiser, "Nonrecursive digital filter design using the I0-sinh window
 * function", 1974).
 */
export function besselI0(x: number): number {
  const halfX = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; term > sum * Number.EPSILON; k++) {
    term *= (halfX / k) ** 2;
    sum += term;
  }
  return sum;
}
