/**
 * audioBlockFormat elements (ITU-R BS.2076-2 section 5.4) to the model's blocks, by the
 * channel's typeDefinition: Objects, DirectSpeakers, HOA; Matrix and Binaural keep only
 * their timing.
 */
import type {
  AdmBlockFormat,
  AdmBoundedValue,
  AdmDirectSpeakersBlock,
  AdmExclusionZone,
  AdmHoaBlock,
  AdmObjectsBlock,
  AdmPosition,
  AdmTypeDefinition,
} from '../../core/adm/admModel';
import { AdmElementReader } from './admElementReader';
import type { XmlElement } from './xmlReader';

/** Ranges of BS.2076-2: polar angles in degrees, Cartesian coordinates in [-1, 1]. */
const RANGES = {
  azimuth: [-180, 180],
  elevation: [-90, 90],
  distance: [0, Infinity],
  X: [-1, 1],
  Y: [-1, 1],
  Z: [-1, 1],
} as const;
type Coordinate = keyof typeof RANGES;

export function readBlock(element: XmlElement, type: AdmTypeDefinition, source: string): AdmBlockFormat {
  const id = element.attributes.get('audioBlockFormatID')?.trim() ?? '';
  const reader = new AdmElementReader(element, source, `audioBlockFormat ${id === '' ? '(no ID)' : id}`);
  if (id === '') reader.fail('no audioBlockFormatID attribute (expected one)');
  const rtime = reader.timeAttribute('rtime');
  const duration = reader.timeAttribute('duration');
  const timing = { id, ...(rtime === undefined ? {} : { rtime }), ...(duration === undefined ? {} : { duration }) };
  switch (type) {
    case 'Objects':
      return { type, ...timing, ...readObjectsFields(reader) };
    case 'DirectSpeakers':
      return { type, ...timing, ...readDirectSpeakersFields(reader) };
    case 'HOA':
      return { type, ...timing, ...readHoaFields(reader) };
    default:
      return { type, ...timing };
  }
}

/** The `position` children by coordinate, each with its bound (undefined = the value itself). */
function positions(reader: AdmElementReader): Map<string, XmlElement> {
  const found = new Map<string, XmlElement>();
  for (const element of reader.childrenNamed('position')) {
    const coordinate = element.attributes.get('coordinate')?.trim() ?? '';
    if (!(coordinate in RANGES)) reader.fail(`position coordinate ${JSON.stringify(coordinate.slice(0, 20))} (expected azimuth, elevation, distance, X, Y or Z)`, element);
    const bound = element.attributes.get('bound')?.trim();
    if (bound !== undefined && bound !== 'min' && bound !== 'max') reader.fail(`position bound ${JSON.stringify(bound.slice(0, 20))} (expected min or max)`, element);
    const key = bound === undefined ? coordinate : `${coordinate}.${bound}`;
    if (found.has(key)) reader.fail(`position ${key} given twice`, element);
    found.set(key, element);
  }
  return found;
}

function coordinateValue(reader: AdmElementReader, found: Map<string, XmlElement>, key: string): number | undefined {
  const element = found.get(key);
  if (element === undefined) return undefined;
  const [min, max] = RANGES[key.split('.')[0] as Coordinate];
  return reader.number(element.text, `position ${key}`, min, max, element);
}

function isCartesian(reader: AdmElementReader, found: Map<string, XmlElement>): boolean {
  const flag = reader.childFlag('cartesian');
  const hasPolar = found.has('azimuth');
  const hasCartesian = found.has('X');
  if (flag === true && !hasCartesian) reader.fail('<cartesian>1</cartesian> without an X position (expected X, Y and optionally Z)');
  if (flag !== true && hasCartesian && hasPolar) reader.fail('both azimuth and X positions (expected one coordinate system)');
  return hasCartesian && !hasPolar ? true : flag === true;
}

function readPosition(reader: AdmElementReader, found: Map<string, XmlElement>): AdmPosition {
  const value = (key: string, required: boolean): number | undefined => {
    const v = coordinateValue(reader, found, key);
    if (v === undefined && required) reader.fail(`no ${key} position (expected one)`);
    return v;
  };
  if (isCartesian(reader, found)) {
    const z = value('Z', false);
    return { coordinates: 'cartesian', x: value('X', true)!, y: value('Y', true)!, ...(z === undefined ? {} : { z }) };
  }
  const distance = value('distance', false);
  return { coordinates: 'polar', azimuth: value('azimuth', true)!, elevation: value('elevation', true)!, ...(distance === undefined ? {} : { distance }) };
}

function readObjectsFields(reader: AdmElementReader): Omit<AdmObjectsBlock, 'type' | 'id' | 'rtime' | 'duration'> {
  const position = readPosition(reader, positions(reader));
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    position,
    ...optional('gain', readGain(reader)),
    ...optional('width', reader.childNumber('width', 0, 360)),
    ...optional('height', reader.childNumber('height', 0, 360)),
    ...optional('depth', reader.childNumber('depth', 0, Infinity)),
    ...optional('diffuse', reader.childNumber('diffuse', 0, 1)),
    ...optional('jumpPosition', readJumpPosition(reader)),
    ...optional('channelLock', readChannelLock(reader)),
    ...optional('objectDivergence', readDivergence(reader)),
    ...optional('zoneExclusion', readZones(reader)),
    ...optional('screenRef', reader.childFlag('screenRef')),
    ...optional('importance', reader.childNumber('importance', 0, 10)),
    ...optional('headLocked', reader.childFlag('headLocked')),
    ...optional('headphoneVirtualise', readHeadphoneVirtualise(reader)),
  };
}

/** `<gain>` as a linear factor; gainUnit="dB" converts. */
function readGain(reader: AdmElementReader): number | undefined {
  const element = reader.child('gain');
  if (element === undefined) return undefined;
  const unit = element.attributes.get('gainUnit')?.trim() ?? 'linear';
  if (unit !== 'linear' && unit !== 'dB') reader.fail(`gain unit ${JSON.stringify(unit.slice(0, 20))} (expected linear or dB)`, element);
  const value = reader.number(element.text, '<gain>', -Infinity, Infinity, element);
  return unit === 'dB' ? 10 ** (value / 20) : value;
}

function readJumpPosition(reader: AdmElementReader): AdmObjectsBlock['jumpPosition'] {
  const element = reader.child('jumpPosition');
  if (element === undefined) return undefined;
  const flag = reader.flag(element.text, '<jumpPosition>', element);
  const length = element.attributes.get('interpolationLength');
  return length === undefined ? { flag } : { flag, interpolationLength: reader.number(length, 'jumpPosition interpolationLength', 0, Infinity, element) };
}

function readChannelLock(reader: AdmElementReader): AdmObjectsBlock['channelLock'] {
  const element = reader.child('channelLock');
  if (element === undefined) return undefined;
  const flag = reader.flag(element.text, '<channelLock>', element);
  const maxDistance = element.attributes.get('maxDistance');
  return maxDistance === undefined ? { flag } : { flag, maxDistance: reader.number(maxDistance, 'channelLock maxDistance', 0, 2, element) };
}

function readDivergence(reader: AdmElementReader): AdmObjectsBlock['objectDivergence'] {
  const element = reader.child('objectDivergence');
  if (element === undefined) return undefined;
  const value = reader.number(element.text, '<objectDivergence>', 0, 1, element);
  const azimuthRange = element.attributes.get('azimuthRange');
  const positionRange = element.attributes.get('positionRange');
  return {
    value,
    ...(azimuthRange === undefined ? {} : { azimuthRange: reader.number(azimuthRange, 'objectDivergence azimuthRange', 0, 180, element) }),
    ...(positionRange === undefined ? {} : { positionRange: reader.number(positionRange, 'objectDivergence positionRange', 0, 1, element) }),
  };
}

function readZones(reader: AdmElementReader): AdmExclusionZone[] | undefined {
  const element = reader.child('zoneExclusion');
  if (element === undefined) return undefined;
  return element.children
    .filter((zone) => zone.localName === 'zone')
    .map((zone): AdmExclusionZone => {
      const get = (name: string, min: number, max: number): number => {
        const text = zone.attributes.get(name);
        if (text === undefined) reader.fail(`zone without ${name} (expected minX..maxZ or minElevation, maxElevation, minAzimuth, maxAzimuth)`, zone);
        return reader.number(text, `zone ${name}`, min, max, zone);
      };
      if (zone.attributes.has('minX')) {
        return { coordinates: 'cartesian', minX: get('minX', -1, 1), maxX: get('maxX', -1, 1), minY: get('minY', -1, 1), maxY: get('maxY', -1, 1), minZ: get('minZ', -1, 1), maxZ: get('maxZ', -1, 1) };
      }
      return { coordinates: 'polar', minElevation: get('minElevation', -90, 90), maxElevation: get('maxElevation', -90, 90), minAzimuth: get('minAzimuth', -180, 180), maxAzimuth: get('maxAzimuth', -180, 180) };
    });
}

function readHeadphoneVirtualise(reader: AdmElementReader): AdmObjectsBlock['headphoneVirtualise'] {
  const element = reader.child('headphoneVirtualise');
  if (element === undefined) return undefined;
  const bypass = element.attributes.get('bypass');
  const drr = element.attributes.get('DRR');
  return {
    ...(bypass === undefined ? {} : { bypass: reader.flag(bypass, 'headphoneVirtualise bypass', element) }),
    ...(drr === undefined ? {} : { directToReverberantRatio: reader.number(drr, 'headphoneVirtualise DRR', 0, 30, element) }),
  };
}

function readDirectSpeakersFields(reader: AdmElementReader): Omit<AdmDirectSpeakersBlock, 'type' | 'id' | 'rtime' | 'duration'> {
  const found = positions(reader);
  const bounded = (key: string, required: boolean): AdmBoundedValue | undefined => {
    const value = coordinateValue(reader, found, key);
    if (value === undefined) {
      if (required) reader.fail(`no ${key} position (expected one)`);
      return undefined;
    }
    const min = coordinateValue(reader, found, `${key}.min`);
    const max = coordinateValue(reader, found, `${key}.max`);
    return { value, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  };
  const speakerLabels = reader.childrenNamed('speakerLabel').map((e) => e.text.trim());
  if (isCartesian(reader, found)) {
    const z = bounded('Z', false);
    return { speakerLabels, position: { coordinates: 'cartesian', x: bounded('X', true)!, y: bounded('Y', true)!, ...(z === undefined ? {} : { z }) } };
  }
  const distance = bounded('distance', false);
  return { speakerLabels, position: { coordinates: 'polar', azimuth: bounded('azimuth', true)!, elevation: bounded('elevation', true)!, ...(distance === undefined ? {} : { distance }) } };
}

/** The largest HOA order read: (order + 1)^2 channels, far beyond any file's. */
const MAX_HOA_ORDER = 64;

function readHoaFields(reader: AdmElementReader): Omit<AdmHoaBlock, 'type' | 'id' | 'rtime' | 'duration'> {
  const order = reader.childNumber('order', 0, MAX_HOA_ORDER);
  const degree = reader.childNumber('degree', -MAX_HOA_ORDER, MAX_HOA_ORDER);
  if (order === undefined || degree === undefined) reader.fail('HOA block without <order> and <degree> (expected both)');
  if (!Number.isInteger(order) || !Number.isInteger(degree) || Math.abs(degree) > order) reader.fail(`HOA order ${order}, degree ${degree} (expected integers with |degree| <= order)`);
  const normalization = reader.child('normalization')?.text.trim();
  const nfcRefDist = reader.childNumber('nfcRefDist', 0, Infinity);
  const screenRef = reader.childFlag('screenRef');
  return {
    order,
    degree,
    ...(normalization === undefined ? {} : { normalization }),
    ...(nfcRefDist === undefined ? {} : { nfcRefDist }),
    ...(screenRef === undefined ? {} : { screenRef }),
  };
}
