/**
 * The model to ADM XML (ITU-R BS.2076-2) in an EBU Core wrapper, as an `axml` chunk
 * carries it: ebuCoreMain / coreMetadata / format / audioFormatExtended. Numbers are
 * written in JavaScript's shortest round-trip form, times with nine decimals, gains
 * linear; optional fields only when the model has them, so reading the text back gives
 * the same model.
 */
import type {
  AdmBlockFormat,
  AdmBoundedValue,
  AdmChannelFormat,
  AdmDirectSpeakersBlock,
  AdmDocument,
  AdmHoaBlock,
  AdmObjectsBlock,
  AdmPackFormat,
} from '../../core/adm/admModel';
import { ADM_TYPE_LABELS } from '../../core/adm/admModel';
import { formatAdmTime } from './admTime';
import { writeXml } from './xmlWriter';
import type { XmlNode } from './xmlWriter';

export function writeAdmXml(document: AdmDocument): string {
  const extended: XmlNode = {
    name: 'audioFormatExtended',
    attributes: [['version', 'ITU-R_BS.2076-2']],
    children: [
      ...document.programmes.map((p) => ({
        name: 'audioProgramme',
        attributes: attrs(['audioProgrammeID', p.id], ['audioProgrammeName', p.name], ['audioProgrammeLanguage', p.language], ['start', time(p.start)], ['end', time(p.end)]),
        children: refs('audioContentIDRef', p.contentIds),
      })),
      ...document.contents.map((c) => ({
        name: 'audioContent',
        attributes: attrs(['audioContentID', c.id], ['audioContentName', c.name], ['audioContentLanguage', c.language]),
        children: [...refs('audioObjectIDRef', c.objectIds), ...valueNode('dialogue', c.dialogue)],
      })),
      ...document.objects.map((o) => ({
        name: 'audioObject',
        attributes: attrs(['audioObjectID', o.id], ['audioObjectName', o.name], ['start', time(o.start)], ['duration', time(o.duration)], ['importance', o.importance], ['interact', flag(o.interact)]),
        children: [
          ...refs('audioPackFormatIDRef', o.packFormatIds),
          ...refs('audioObjectIDRef', o.objectIds),
          ...valueNode('gain', o.gain),
          ...refs('audioTrackUIDRef', o.trackUidIds),
        ],
      })),
      ...document.packFormats.map(packFormatNode),
      ...document.channelFormats.map(channelFormatNode),
      ...document.streamFormats.map((s) => ({
        name: 'audioStreamFormat',
        attributes: attrs(['audioStreamFormatID', s.id], ['audioStreamFormatName', s.name], ['formatDefinition', s.formatDefinition]),
        children: [...refs('audioChannelFormatIDRef', optionalList(s.channelFormatId)), ...refs('audioPackFormatIDRef', optionalList(s.packFormatId)), ...refs('audioTrackFormatIDRef', s.trackFormatIds)],
      })),
      ...document.trackFormats.map((t) => ({
        name: 'audioTrackFormat',
        attributes: attrs(['audioTrackFormatID', t.id], ['audioTrackFormatName', t.name], ['formatDefinition', t.formatDefinition]),
        children: refs('audioStreamFormatIDRef', optionalList(t.streamFormatId)),
      })),
      ...document.trackUids.map((u) => ({
        name: 'audioTrackUID',
        attributes: attrs(['UID', u.id], ['sampleRate', u.sampleRateHz], ['bitDepth', u.bitDepth]),
        children: [
          ...refs('audioTrackFormatIDRef', optionalList(u.trackFormatId)),
          ...refs('audioChannelFormatIDRef', optionalList(u.channelFormatId)),
          ...refs('audioPackFormatIDRef', optionalList(u.packFormatId)),
        ],
      })),
    ],
  };
  return writeXml({
    name: 'ebuCoreMain',
    attributes: [['xmlns:dc', 'http://purl.org/dc/elements/1.1/'], ['xmlns', 'urn:ebu:metadata-schema:ebuCore_2016'], ['xml:lang', 'en']],
    children: [{ name: 'coreMetadata', children: [{ name: 'format', children: [extended] }] }],
  });
}

type Attribute = readonly [string, string | number | undefined];

function attrs(...list: Attribute[]): Attribute[] {
  return list;
}

function time(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : formatAdmTime(seconds);
}

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0';
}

function optionalList(id: string | undefined): string[] {
  return id === undefined ? [] : [id];
}

function refs(name: string, ids: readonly string[]): XmlNode[] {
  return ids.map((id) => ({ name, text: id }));
}

function valueNode(name: string, value: number | string | undefined, attributes: Attribute[] = []): XmlNode[] {
  return value === undefined ? [] : [{ name, attributes, text: String(value) }];
}

function packFormatNode(pack: AdmPackFormat): XmlNode {
  return {
    name: 'audioPackFormat',
    attributes: attrs(['audioPackFormatID', pack.id], ['audioPackFormatName', pack.name], ['typeLabel', ADM_TYPE_LABELS[pack.type]], ['typeDefinition', pack.type], ['importance', pack.importance]),
    children: [
      ...refs('audioChannelFormatIDRef', pack.channelFormatIds),
      ...refs('audioPackFormatIDRef', pack.packFormatIds),
      ...valueNode('absoluteDistance', pack.absoluteDistance),
      ...valueNode('normalization', pack.normalization),
    ],
  };
}

function channelFormatNode(channel: AdmChannelFormat): XmlNode {
  return {
    name: 'audioChannelFormat',
    attributes: attrs(['audioChannelFormatID', channel.id], ['audioChannelFormatName', channel.name], ['typeLabel', ADM_TYPE_LABELS[channel.type]], ['typeDefinition', channel.type]),
    children: [
      ...channel.blocks.map(blockNode),
      ...valueNode('frequency', channel.lowPassHz, [['typeDefinition', 'lowPass']]),
      ...valueNode('frequency', channel.highPassHz, [['typeDefinition', 'highPass']]),
    ],
  };
}

function blockNode(block: AdmBlockFormat): XmlNode {
  const attributes = attrs(['audioBlockFormatID', block.id], ['rtime', time(block.rtime)], ['duration', time(block.duration)]);
  switch (block.type) {
    case 'Objects':
      return { name: 'audioBlockFormat', attributes, children: objectsChildren(block) };
    case 'DirectSpeakers':
      return { name: 'audioBlockFormat', attributes, children: directSpeakersChildren(block) };
    case 'HOA':
      return { name: 'audioBlockFormat', attributes, children: hoaChildren(block) };
    default:
      return { name: 'audioBlockFormat', attributes };
  }
}

function position(coordinate: string, value: number | undefined, bound?: 'min' | 'max'): XmlNode[] {
  return valueNode('position', value, [['coordinate', coordinate], ['bound', bound]]);
}

function objectsChildren(block: AdmObjectsBlock): XmlNode[] {
  const p = block.position;
  const positionNodes =
    p.coordinates === 'polar'
      ? [...position('azimuth', p.azimuth), ...position('elevation', p.elevation), ...position('distance', p.distance)]
      : [{ name: 'cartesian', text: '1' }, ...position('X', p.x), ...position('Y', p.y), ...position('Z', p.z)];
  return [
    ...positionNodes,
    ...valueNode('gain', block.gain),
    ...valueNode('width', block.width),
    ...valueNode('height', block.height),
    ...valueNode('depth', block.depth),
    ...valueNode('diffuse', block.diffuse),
    ...(block.jumpPosition === undefined ? [] : valueNode('jumpPosition', flag(block.jumpPosition.flag), [['interpolationLength', block.jumpPosition.interpolationLength]])),
    ...(block.channelLock === undefined ? [] : valueNode('channelLock', flag(block.channelLock.flag), [['maxDistance', block.channelLock.maxDistance]])),
    ...(block.objectDivergence === undefined
      ? []
      : valueNode('objectDivergence', block.objectDivergence.value, [['azimuthRange', block.objectDivergence.azimuthRange], ['positionRange', block.objectDivergence.positionRange]])),
    ...(block.zoneExclusion === undefined
      ? []
      : [
          {
            name: 'zoneExclusion',
            children: block.zoneExclusion.map((zone) => ({
              name: 'zone',
              attributes:
                zone.coordinates === 'cartesian'
                  ? attrs(['minX', zone.minX], ['maxX', zone.maxX], ['minY', zone.minY], ['maxY', zone.maxY], ['minZ', zone.minZ], ['maxZ', zone.maxZ])
                  : attrs(['minElevation', zone.minElevation], ['maxElevation', zone.maxElevation], ['minAzimuth', zone.minAzimuth], ['maxAzimuth', zone.maxAzimuth]),
            })),
          },
        ]),
    ...valueNode('screenRef', flag(block.screenRef)),
    ...valueNode('importance', block.importance),
    ...valueNode('headLocked', flag(block.headLocked)),
    ...(block.headphoneVirtualise === undefined
      ? []
      : [{ name: 'headphoneVirtualise', attributes: attrs(['bypass', flag(block.headphoneVirtualise.bypass)], ['DRR', block.headphoneVirtualise.directToReverberantRatio]) }]),
  ];
}

function boundedPosition(coordinate: string, value: AdmBoundedValue | undefined): XmlNode[] {
  if (value === undefined) return [];
  return [...position(coordinate, value.value), ...position(coordinate, value.min, 'min'), ...position(coordinate, value.max, 'max')];
}

function directSpeakersChildren(block: AdmDirectSpeakersBlock): XmlNode[] {
  const p = block.position;
  const positions =
    p.coordinates === 'polar'
      ? [...boundedPosition('azimuth', p.azimuth), ...boundedPosition('elevation', p.elevation), ...boundedPosition('distance', p.distance)]
      : [{ name: 'cartesian', text: '1' }, ...boundedPosition('X', p.x), ...boundedPosition('Y', p.y), ...boundedPosition('Z', p.z)];
  return [...block.speakerLabels.map((label) => ({ name: 'speakerLabel', text: label })), ...positions];
}

function hoaChildren(block: AdmHoaBlock): XmlNode[] {
  return [
    ...valueNode('order', block.order),
    ...valueNode('degree', block.degree),
    ...valueNode('normalization', block.normalization),
    ...valueNode('nfcRefDist', block.nfcRefDist),
    ...valueNode('screenRef', flag(block.screenRef)),
  ];
}
