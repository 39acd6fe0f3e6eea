/**
 * Triangulation of directions on the unit sphere by their convex hull (for points on a
 * sphere the hull is the spherical Delaunay triangulation), built incrementally:
 * start from a tetrahedron, then for each point remove the faces it sees and join the
 * horizon to it (de Berg et al., Computational Geometry, 3rd ed., chapter 11).
 *
 * Measurement grids put many points on common circles (rings of equal elevation), so
 * four points are often co-circular and a point can lie exactly in a face's plane. The
 * hull is therefore built on copies nudged along the sphere by a tiny deterministic
 * amount (1e-7 rad), which makes every point strictly extreme; the triangles returned
 * index the caller's points, and ties between co-circular points are broken arbitrarily
 * (either diagonal is a valid Delaunay triangle there).
 */
export interface SphereTriangulation {
  /** Vertex indices, 3 per triangle, counter-clockwise seen from outside. */
  readonly triangles: Uint32Array;
  /**
   * Neighbour across each edge: neighbours[3t + i] is the triangle sharing the edge
   * opposite vertex i of triangle t.
   */
  readonly neighbours: Uint32Array;
}

const NUDGE_RAD = 1e-7;
const VISIBLE_EPSILON = 1e-15;

/** `directions` is flat (x, y, z) per point, each of unit length; at least 4 points. */
export function triangulateSphere(directions: Float64Array): SphereTriangulation {
  const count = directions.length / 3;
  if (count < 4) throw new Error(`sphere triangulation needs at least 4 directions, got ${count}`);
  const points = nudgedCopy(directions);
  const faces = initialTetrahedron(points, count);
  const inHull = new Uint8Array(count);
  for (const f of faces) for (const v of f.vertices) inHull[v] = 1;

  for (let p = 0; p < count; p++) {
    if (inHull[p] === 1) continue;
    const visible = faces.filter((f) => f.alive && signedDistance(points, f, p) > VISIBLE_EPSILON);
    if (visible.length === 0) {
      throw new Error(`sphere triangulation: direction ${p} is a duplicate of another direction`);
    }
    for (const f of visible) f.alive = false;
    // Horizon: directed edges of visible faces whose twin belongs to a face kept.
    const horizon: [number, number][] = [];
    for (const f of visible) {
      for (let i = 0; i < 3; i++) {
        const a = f.vertices[i]!;
        const b = f.vertices[(i + 1) % 3]!;
        const twin = faces.find((g) => g.alive && hasDirectedEdge(g, b, a));
        if (twin !== undefined) horizon.push([a, b]);
      }
    }
    for (const [a, b] of horizon) faces.push(makeFace(points, a, b, p));
    inHull[p] = 1;
    compact(faces);
  }
  return withNeighbours(faces.filter((f) => f.alive));
}

interface Face {
  readonly vertices: [number, number, number];
  readonly normal: [number, number, number];
  readonly offset: number;
  alive: boolean;
}

function nudgedCopy(directions: Float64Array): Float64Array {
  const points = new Float64Array(directions.length);
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed = (Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) + 0x6b43a9b5) >>> 0;
    return seed / 4294967296 - 0.5;
  };
  for (let i = 0; i < directions.length; i += 3) {
    const x = directions[i]! + NUDGE_RAD * next();
    const y = directions[i + 1]! + NUDGE_RAD * next();
    const z = directions[i + 2]! + NUDGE_RAD * next();
    const norm = Math.hypot(x, y, z);
    points[i] = x / norm;
    points[i + 1] = y / norm;
    points[i + 2] = z / norm;
  }
  return points;
}

function makeFace(points: Float64Array, a: number, b: number, c: number): Face {
  const ax = points[3 * a]!, ay = points[3 * a + 1]!, az = points[3 * a + 2]!;
  const ux = points[3 * b]! - ax, uy = points[3 * b + 1]! - ay, uz = points[3 * b + 2]! - az;
  const vx = points[3 * c]! - ax, vy = points[3 * c + 1]! - ay, vz = points[3 * c + 2]! - az;
  let nx = uy * vz - uz * vy;
  let ny = uz * vx - ux * vz;
  let nz = ux * vy - uy * vx;
  const norm = Math.hypot(nx, ny, nz);
  nx /= norm;
  ny /= norm;
  nz /= norm;
  return { vertices: [a, b, c], normal: [nx, ny, nz], offset: nx * ax + ny * ay + nz * az, alive: true };
}

function signedDistance(points: Float64Array, f: Face, p: number): number {
  return f.normal[0] * points[3 * p]! + f.normal[1] * points[3 * p + 1]! + f.normal[2] * points[3 * p + 2]! - f.offset;
}

function hasDirectedEdge(f: Face, a: number, b: number): boolean {
  const [v0, v1, v2] = f.vertices;
  return (v0 === a && v1 === b) || (v1 === a && v2 === b) || (v2 === a && v0 === b);
}

/** Four points spanning a tetrahedron, its faces oriented outwards. */
function initialTetrahedron(points: Float64Array, count: number): Face[] {
  const coordinate = (i: number, axis: number): number => points[3 * i + axis]!;
  // b: the point farthest from a; c: farthest from the line ab; d: farthest from plane abc.
  const a = 0;
  let b = 1;
  let bestDistance = 0;
  for (let i = 1; i < count; i++) {
    const distance = Math.hypot(coordinate(i, 0) - coordinate(a, 0), coordinate(i, 1) - coordinate(a, 1), coordinate(i, 2) - coordinate(a, 2));
    if (distance > bestDistance) {
      bestDistance = distance;
      b = i;
    }
  }
  let c = -1;
  bestDistance = 1e-9;
  for (let i = 0; i < count; i++) {
    if (i === a || i === b) continue;
    const area = triangleArea(points, a, b, i);
    if (area > bestDistance) {
      bestDistance = area;
      c = i;
    }
  }
  if (c < 0) throw new Error('sphere triangulation: all directions are collinear');
  const base = makeFace(points, a, b, c);
  let d = -1;
  bestDistance = 1e-9;
  for (let i = 0; i < count; i++) {
    const distance = Math.abs(signedDistance(points, base, i));
    if (distance > bestDistance) {
      bestDistance = distance;
      d = i;
    }
  }
  if (d < 0) throw new Error('sphere triangulation: all directions lie on one circle');
  return signedDistance(points, base, d) < 0
    ? [makeFace(points, a, b, c), makeFace(points, a, d, b), makeFace(points, b, d, c), makeFace(points, c, d, a)]
    : [makeFace(points, a, c, b), makeFace(points, a, b, d), makeFace(points, b, c, d), makeFace(points, c, a, d)];
}

function triangleArea(points: Float64Array, a: number, b: number, c: number): number {
  const ux = points[3 * b]! - points[3 * a]!, uy = points[3 * b + 1]! - points[3 * a + 1]!, uz = points[3 * b + 2]! - points[3 * a + 2]!;
  const vx = points[3 * c]! - points[3 * a]!, vy = points[3 * c + 1]! - points[3 * a + 1]!, vz = points[3 * c + 2]! - points[3 * a + 2]!;
  return 0.5 * Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
}

function compact(faces: Face[]): void {
  let w = 0;
  for (const f of faces) if (f.alive) faces[w++] = f;
  faces.length = w;
}

function withNeighbours(faces: Face[]): SphereTriangulation {
  const triangles = new Uint32Array(faces.length * 3);
  faces.forEach((f, t) => triangles.set(f.vertices, 3 * t));
  const edgeOwner = new Map<string, number>();
  faces.forEach((f, t) => {
    for (let i = 0; i < 3; i++) edgeOwner.set(`${f.vertices[(i + 1) % 3]},${f.vertices[(i + 2) % 3]}`, t);
  });
  const neighbours = new Uint32Array(faces.length * 3);
  faces.forEach((f, t) => {
    for (let i = 0; i < 3; i++) {
      const twin = edgeOwner.get(`${f.vertices[(i + 2) % 3]},${f.vertices[(i + 1) % 3]}`);
      if (twin === undefined) throw new Error('sphere triangulation: the hull is not closed');
      neighbours[3 * t + i] = twin;
    }
  });
  return { triangles, neighbours };
}
