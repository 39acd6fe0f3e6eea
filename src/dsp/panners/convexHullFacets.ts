/**
 * The facets of the convex hull of a few points round the origin (a loudspeaker layout's
 * unit vectors), coplanar triangles merged into one facet with all their corners, as
 * ITU-R BS.2127 section 6.1 triangulates a layout.
 *
 * Found by brute force, which is exact enough and fast enough for the 40 or so points
 * of a layout and runs once at set-up: a triple (a, b, c) bounds the hull when every
 * other point lies on the origin's side of its plane (within PLANE_TOLERANCE); triples
 * whose planes, written n . x = d with |n| = 1, agree within MERGE_TOLERANCE are one facet.
 */

/** How far outside a facet's plane (in units of the radius) a point may lie and still count as inside. */
const PLANE_TOLERANCE = 1e-9;
/** Planes (unit normal and offset) closer than this are one facet. */
const MERGE_TOLERANCE = 1e-5;

export type Vector3 = readonly [number, number, number];

interface Plane {
  readonly normal: Vector3;
  readonly offset: number;
}

export function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function subtract(a: Vector3, b: Vector3): Vector3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** The plane through a, b, c with its normal pointing away from the origin, or undefined if they are (nearly) collinear or the plane passes through the origin. */
function outwardPlane(a: Vector3, b: Vector3, c: Vector3): Plane | undefined {
  const n = cross(subtract(b, a), subtract(c, a));
  const length = Math.hypot(n[0], n[1], n[2]);
  if (length < 1e-12) return undefined;
  let normal: Vector3 = [n[0] / length, n[1] / length, n[2] / length];
  let offset = dot(normal, a);
  if (Math.abs(offset) < 1e-12) return undefined;
  if (offset < 0) {
    normal = [-normal[0], -normal[1], -normal[2]];
    offset = -offset;
  }
  return { normal, offset };
}

function samePlane(p: Plane, q: Plane): boolean {
  const dn = subtract(p.normal, q.normal);
  return Math.hypot(dn[0], dn[1], dn[2], p.offset - q.offset) < MERGE_TOLERANCE;
}

/**
 * The hull's facets, each the sorted indices (into `points`) of its corners. The origin
 * must be inside the hull (not on its surface); throws otherwise.
 */
export function convexHullFacets(points: readonly Vector3[]): number[][] {
  const facets: { plane: Plane; corners: Set<number> }[] = [];
  const n = points.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const plane = outwardPlane(points[i]!, points[j]!, points[k]!);
        if (plane === undefined) continue;
        const bounds = points.every((p) => dot(plane.normal, p) <= plane.offset + PLANE_TOLERANCE);
        if (!bounds) continue;
        const facet = facets.find((f) => samePlane(f.plane, plane));
        if (facet === undefined) facets.push({ plane, corners: new Set([i, j, k]) });
        else [i, j, k].forEach((corner) => facet.corners.add(corner));
      }
    }
  }
  if (facets.length < 4) throw new Error(`convex hull: the ${n} points do not surround the origin`);
  return facets.map((f) => [...f.corners].sort((a, b) => a - b));
}
