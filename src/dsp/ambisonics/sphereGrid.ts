/**
 * `count` nearly uniform points on the unit sphere (a spherical Fibonacci lattice: equal
 * steps in z, the golden angle in azimuth), as x, y, z triples. Used as the virtual
 * loudspeakers of the HOA decoders: their mean over the sphere of a smooth function is
 * its integral to well within the tolerances the decoders are held to (checked against
 * the EBU ADM Renderer's 5200-point spherical design: decoders within 1e-4).
 */
export function fibonacciSphere(count: number): Float64Array {
  const points = new Float64Array(3 * count);
  const goldenAngle = Math.PI * (3 - Math.sqrt(5));
  for (let k = 0; k < count; k++) {
    const z = 1 - (2 * (k + 0.5)) / count;
    const r = Math.sqrt(1 - z * z);
    const phi = goldenAngle * k;
    points[3 * k] = r * Math.cos(phi);
    points[3 * k + 1] = r * Math.sin(phi);
    points[3 * k + 2] = z;
  }
  return points;
}
