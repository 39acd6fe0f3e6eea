/**
 * Solid-angle weights of measured directions: the share of the sphere each direction
 * stands for, its spherical Voronoi cell, for averages over the sphere of data on an
 * irregular grid (KEMAR: rings of constant elevation, denser near the horizon).
 *
 * The cells are measured by counting points: a Fibonacci lattice of K points spreads the
 * sphere into near-equal areas 4 pi / K (Gonzalez, "Measurement of areas on a sphere
 * using Fibonacci and latitude-longitude lattices", Mathematical Geosciences 42, 2010),
 *   z_i = 1 - (2 i + 1) / K,   longitude_i = 2 pi i / golden ratio,
 * and each lattice point is counted for its nearest measured direction. A lattice point
 * farther from every measurement than the grid's coarsest spacing (the largest angle
 * from a measured direction to its nearest neighbour) is not counted: it lies in a gap
 * the grid does not cover (KEMAR has nothing below -40 degrees), and giving that gap to
 * the edge directions would overweight them.
 *
 * Weights sum to 1.
 */
const LATTICE_POINTS = 32768;
const GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;

export function solidAngleWeights(azimuthDeg: Float64Array, elevationDeg: Float64Array): Float64Array {
  const count = azimuthDeg.length;
  const units = unitVectors(azimuthDeg, elevationDeg);
  const weights = new Float64Array(count);
  if (count === 1) {
    weights[0] = 1;
    return weights;
  }
  // Cosine of the coarsest spacing: the smallest, over directions, of the largest cosine to another one.
  let coverageCos = 1;
  for (let d = 0; d < count; d++) {
    let nearestCos = -1;
    for (let e = 0; e < count; e++) {
      if (e !== d) nearestCos = Math.max(nearestCos, dot(units, d, units, e));
    }
    coverageCos = Math.min(coverageCos, nearestCos);
  }
  const point = new Float64Array(3);
  for (let i = 0; i < LATTICE_POINTS; i++) {
    const z = 1 - (2 * i + 1) / LATTICE_POINTS;
    const radius = Math.sqrt(1 - z * z);
    const longitude = (2 * Math.PI * i) / GOLDEN_RATIO;
    point[0] = radius * Math.cos(longitude);
    point[1] = radius * Math.sin(longitude);
    point[2] = z;
    let nearest = 0;
    let nearestCos = -2;
    for (let d = 0; d < count; d++) {
      const cosine = dot(point, 0, units, d);
      if (cosine > nearestCos) {
        nearestCos = cosine;
        nearest = d;
      }
    }
    if (nearestCos >= coverageCos) weights[nearest]! += 1;
  }
  let total = 0;
  for (const weight of weights) total += weight;
  for (let d = 0; d < count; d++) weights[d] = weights[d]! / total;
  return weights;
}

/** Unit vectors (x front, y left, z up), three numbers per direction. */
function unitVectors(azimuthDeg: Float64Array, elevationDeg: Float64Array): Float64Array {
  const units = new Float64Array(3 * azimuthDeg.length);
  for (let d = 0; d < azimuthDeg.length; d++) {
    const azimuthRad = (azimuthDeg[d]! * Math.PI) / 180;
    const elevationRad = (elevationDeg[d]! * Math.PI) / 180;
    units[3 * d] = Math.cos(elevationRad) * Math.cos(azimuthRad);
    units[3 * d + 1] = Math.cos(elevationRad) * Math.sin(azimuthRad);
    units[3 * d + 2] = Math.sin(elevationRad);
  }
  return units;
}

function dot(a: Float64Array, i: number, b: Float64Array, j: number): number {
  return a[3 * i]! * b[3 * j]! + a[3 * i + 1]! * b[3 * j + 1]! + a[3 * i + 2]! * b[3 * j + 2]!;
}
