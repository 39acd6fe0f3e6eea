import type { ExclusionZone, ObjectAdmParameters } from './objectMetadata';
import type { ObjectBlock } from './objectTimeline';
import type { ExtraFields, SourcePosition } from './scene';

/** The ADM parameters present, under their ADM names, in ADM_PARAMETER_NAMES' order. */
export function admParametersJson(p: ObjectAdmParameters): object {
  return {
    ...(p.width === undefined ? {} : { width: p.width }),
    ...(p.height === undefined ? {} : { height: p.height }),
    ...(p.depth === undefined ? {} : { depth: p.depth }),
    ...(p.diffuse === undefined ? {} : { diffuse: p.diffuse }),
    ...(p.channelLock === undefined
      ? {}
      : { channelLock: withExtras(p.channelLock.maxDistance === undefined ? {} : { maxDistance: p.channelLock.maxDistance }, p.channelLock.extraFields) }),
    ...(p.objectDivergence === undefined
      ? {}
      : {
          objectDivergence: withExtras(
            {
              value: p.objectDivergence.value,
              ...(p.objectDivergence.azimuthRange === undefined ? {} : { azimuthRange: p.objectDivergence.azimuthRange }),
              ...(p.objectDivergence.positionRange === undefined ? {} : { positionRange: p.objectDivergence.positionRange }),
            },
            p.objectDivergence.extraFields,
          ),
        }),
    ...(p.zoneExclusion === undefined ? {} : { zoneExclusion: p.zoneExclusion.map(zoneJson) }),
  };
}

function zoneJson(zone: ExclusionZone): object {
  const known =
    'minAzimuth' in zone
      ? { minAzimuth: zone.minAzimuth, maxAzimuth: zone.maxAzimuth, minElevation: zone.minElevation, maxElevation: zone.maxElevation }
      : { minX: zone.minX, maxX: zone.maxX, minY: zone.minY, maxY: zone.maxY, minZ: zone.minZ, maxZ: zone.maxZ };
  return withExtras(known, zone.extraFields);
}

export function timelineJson(timeline: readonly ObjectBlock[]): object[] {
  return timeline.map((block) => {
    const jump = block.jumpPosition;
    const c = block.cartesianPosition;
    return withExtras(
      {
        rtimeSec: block.rtimeSec,
        durationSec: block.durationSec,
        ...(jump === undefined ? {} : { jumpPosition: withExtras({ flag: jump.flag, interpolationLengthSec: jump.interpolationLengthSec }, jump.extraFields) }),
        ...(block.position === undefined ? {} : { position: polarJson(block.position) }),
        ...(c === undefined ? {} : { position: withExtras({ X: c.X, Y: c.Y, Z: c.Z }, c.extraFields) }),
        ...(block.gainDb === undefined ? {} : { gainDb: block.gainDb }),
        ...admParametersJson(block),
      },
      block.extraFields,
    );
  });
}

export function polarJson(p: SourcePosition): object {
  return withExtras({ azimuthDeg: p.azimuthDeg, elevationDeg: p.elevationDeg, distanceM: p.distanceM }, p.extraFields);
}

export function withExtras<T extends object>(known: T, extras: ExtraFields | undefined): T {
  return extras === undefined ? known : { ...known, ...extras };
}
