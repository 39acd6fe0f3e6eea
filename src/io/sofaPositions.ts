/**
 * SOFA source positions to the studio's polar directions.
 *
 * AES69 (SOFA) coordinates: x to the front, y to the LEFT, z up. Its spherical form is
 * (azimuth, elevation, distance) in (degree, degree, metre) with the azimuth measured
 * counter-clockwise from the front, so a positive azimuth is on the left, as in
 * ITU-R BS.2076; only the range differs ([0, 360) is common in SOFA files) and is
 * wrapped into (-180, 180]. Cartesian positions map onto the scene axes (x right,
 * y front, z up) as scene = (-y, x, z), then `cartesianToPolar` gives
 *   az = atan2(y_sofa, x_sofa),   el = atan2(z, hypot(x, y)),   d = |(x, y, z)|.
 */
import { cartesianToPolar } from '../core/coordinates';
import { FieldError } from '../core/fieldError';
import { wrapAzimuthDeg } from '../core/units';

export interface PolarDirections {
  readonly azimuthDeg: Float64Array;
  readonly elevationDeg: Float64Array;
  readonly distanceM: Float64Array;
}

/** The coordinate types a SOFA position variable may declare in its `Type` attribute. */
export type SofaCoordinateType = 'spherical' | 'cartesian';

/**
 * Converts `count` positions (count x 3, row-major) of the variable `field` to polar
 * directions, refusing values that are not finite, elevations outside [-90, 90] and
 * positions at the listener.
 */
export function sofaPositionsToPolar(
  positions: Float64Array,
  count: number,
  type: SofaCoordinateType,
  fileName: string,
  field: string,
): PolarDirections {
  const azimuthDeg = new Float64Array(count);
  const elevationDeg = new Float64Array(count);
  const distanceM = new Float64Array(count);
  for (let m = 0; m < count; m++) {
    const a = positions[3 * m]!;
    const b = positions[3 * m + 1]!;
    const c = positions[3 * m + 2]!;
    if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) {
      throw new FieldError(fileName, `${field}[${m}]`, `expected finite numbers, got [${a}, ${b}, ${c}]`);
    }
    if (type === 'spherical') {
      if (b < -90 || b > 90) {
        throw new FieldError(fileName, `${field}[${m}]`, `expected an elevation in [-90, 90] degrees, got ${b}`);
      }
      azimuthDeg[m] = wrapAzimuthDeg(a);
      elevationDeg[m] = b;
      distanceM[m] = c;
    } else {
      const polar = cartesianToPolar({ x: -b, y: a, z: c });
      azimuthDeg[m] = polar.azimuthDeg;
      elevationDeg[m] = polar.elevationDeg;
      distanceM[m] = polar.distanceM;
    }
    if (!(distanceM[m]! > 0)) {
      throw new FieldError(fileName, `${field}[${m}]`, `expected a source away from the listener, got distance ${distanceM[m]} m`);
    }
  }
  return { azimuthDeg, elevationDeg, distanceM };
}

/**
 * The coordinate type of a position variable from its `Type` and `Units` attributes:
 * spherical in "degree, degree, metre" or cartesian in "metre" (the units AES69 gives
 * for its coordinate systems; "meter" and plural spellings are accepted, as files in
 * the wild use them).
 */
export function sofaCoordinateType(
  type: string | undefined,
  units: string | undefined,
  fileName: string,
  field: string,
): SofaCoordinateType {
  const unitList = (units ?? '').toLowerCase().split(',').map((unit) => unit.trim().replace(/s$/, '').replace('meter', 'metre'));
  if (type === 'spherical') {
    if (unitList.length !== 3 || unitList[0] !== 'degree' || unitList[1] !== 'degree' || unitList[2] !== 'metre') {
      throw new FieldError(fileName, `${field}:Units`, `expected "degree, degree, metre" for spherical positions, got ${JSON.stringify(units ?? null)}`);
    }
    return 'spherical';
  }
  if (type === 'cartesian') {
    if (!unitList.every((unit) => unit === 'metre')) {
      throw new FieldError(fileName, `${field}:Units`, `expected "metre" for cartesian positions, got ${JSON.stringify(units ?? null)}`);
    }
    return 'cartesian';
  }
  throw new FieldError(fileName, `${field}:Type`, `expected "spherical" or "cartesian", got ${JSON.stringify(type ?? null)}`);
}
