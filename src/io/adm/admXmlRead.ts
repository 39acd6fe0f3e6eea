/**
 * An ADM document (ITU-R BS.2076-2 XML, as in a BWF `axml` chunk or the BS.2094 common
 * definitions) to the model. The `audioFormatExtended` element is found wherever the
 * wrapper puts it (ebuCoreMain/coreMetadata/format, or BS.2076-2's ituADM); elements and
 * children the model does not hold are skipped. IDs must be unique per kind.
 */
import { FieldError } from '../../core/fieldError';
import type {
  AdmChannelFormat,
  AdmContent,
  AdmDocument,
  AdmObject,
  AdmPackFormat,
  AdmProgramme,
  AdmStreamFormat,
  AdmTrackFormat,
  AdmTrackUid,
  AdmTypeDefinition,
} from '../../core/adm/admModel';
import { ADM_TYPE_LABELS } from '../../core/adm/admModel';
import { readBlock } from './admBlockRead';
import { AdmElementReader } from './admElementReader';
import { parseXml } from './xmlReader';
import type { XmlElement } from './xmlReader';

/** Parses ADM XML text into the model. Throws a FieldError naming `source`, line:column and the element. */
export function readAdmXml(text: string, source: string): AdmDocument {
  return readAdmDocument(parseXml(text, source), source);
}

export function readAdmDocument(root: XmlElement, source: string): AdmDocument {
  const extended = findAudioFormatExtended(root);
  if (extended === undefined) throw new FieldError(source, '', 'no <audioFormatExtended> element (expected ADM metadata, ITU-R BS.2076)');
  const of = (localName: string): XmlElement[] => extended.children.filter((c) => c.localName === localName);
  const document: AdmDocument = {
    programmes: of('audioProgramme').map((e) => readProgramme(e, source)),
    contents: of('audioContent').map((e) => readContent(e, source)),
    objects: of('audioObject').map((e) => readObject(e, source)),
    packFormats: of('audioPackFormat').map((e) => readPackFormat(e, source)),
    channelFormats: of('audioChannelFormat').map((e) => readChannelFormat(e, source)),
    streamFormats: of('audioStreamFormat').map((e) => readStreamFormat(e, source)),
    trackFormats: of('audioTrackFormat').map((e) => readTrackFormat(e, source)),
    trackUids: of('audioTrackUID').map((e) => readTrackUid(e, source)),
  };
  checkUniqueIds(document, extended, source);
  return document;
}

/** Breadth-first, without recursion. */
function findAudioFormatExtended(root: XmlElement): XmlElement | undefined {
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const element = queue[i]!;
    if (element.localName === 'audioFormatExtended') return element;
    queue.push(...element.children);
  }
  return undefined;
}

function reader(element: XmlElement, source: string, kind: string, idAttribute: string): { r: AdmElementReader; id: string } {
  const id = element.attributes.get(idAttribute)?.trim() ?? '';
  const r = new AdmElementReader(element, source, `${kind} ${id === '' ? '(no ID)' : id}`);
  if (id === '') r.fail(`no ${idAttribute} attribute (expected one)`);
  return { r, id };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function readProgramme(element: XmlElement, source: string): AdmProgramme {
  const { r, id } = reader(element, source, 'audioProgramme', 'audioProgrammeID');
  return {
    id,
    name: r.attribute('audioProgrammeName') ?? '',
    ...optional('language', r.attribute('audioProgrammeLanguage')),
    ...optional('start', r.timeAttribute('start')),
    ...optional('end', r.timeAttribute('end')),
    contentIds: r.refs('audioContentIDRef'),
  };
}

function readContent(element: XmlElement, source: string): AdmContent {
  const { r, id } = reader(element, source, 'audioContent', 'audioContentID');
  const dialogue = r.childNumber('dialogue', 0, 2);
  if (dialogue !== undefined && !Number.isInteger(dialogue)) r.fail(`<dialogue> is ${dialogue} (expected 0, 1 or 2)`);
  return {
    id,
    name: r.attribute('audioContentName') ?? '',
    ...optional('language', r.attribute('audioContentLanguage')),
    objectIds: r.refs('audioObjectIDRef'),
    ...optional('dialogue', dialogue as 0 | 1 | 2 | undefined),
  };
}

function readObject(element: XmlElement, source: string): AdmObject {
  const { r, id } = reader(element, source, 'audioObject', 'audioObjectID');
  const gainElement = r.child('gain');
  const gainValue = gainElement === undefined ? undefined : r.number(gainElement.text, '<gain>', -Infinity, Infinity, gainElement);
  const gain = gainValue === undefined ? undefined : gainElement?.attributes.get('gainUnit')?.trim() === 'dB' ? 10 ** (gainValue / 20) : gainValue;
  return {
    id,
    name: r.attribute('audioObjectName') ?? '',
    ...optional('start', r.timeAttribute('start')),
    ...optional('duration', r.timeAttribute('duration')),
    ...optional('gain', gain),
    ...optional('importance', r.numberAttribute('importance', 0, 10)),
    ...optional('interact', r.flagAttribute('interact')),
    packFormatIds: r.refs('audioPackFormatIDRef'),
    objectIds: r.refs('audioObjectIDRef'),
    trackUidIds: r.refs('audioTrackUIDRef'),
  };
}

/** typeDefinition, or the typeDefinition of typeLabel; both given must agree. */
function readType(r: AdmElementReader): AdmTypeDefinition {
  const definition = r.attribute('typeDefinition')?.trim();
  const label = r.attribute('typeLabel')?.trim();
  const byLabel = (Object.keys(ADM_TYPE_LABELS) as AdmTypeDefinition[]).find((t) => label !== undefined && Number.parseInt(ADM_TYPE_LABELS[t], 16) === Number.parseInt(label, 16));
  const byDefinition = (Object.keys(ADM_TYPE_LABELS) as AdmTypeDefinition[]).find((t) => t === definition);
  if (definition !== undefined && byDefinition === undefined) r.fail(`typeDefinition ${JSON.stringify(definition.slice(0, 30))} (expected DirectSpeakers, Matrix, Objects, HOA or Binaural)`);
  if (label !== undefined && byLabel === undefined) r.fail(`typeLabel ${JSON.stringify(label.slice(0, 30))} (expected 0001 to 0005)`);
  if (byDefinition !== undefined && byLabel !== undefined && byDefinition !== byLabel) r.fail(`typeDefinition ${byDefinition} and typeLabel ${label} disagree (${label} is ${byLabel})`);
  const type = byDefinition ?? byLabel;
  if (type === undefined) r.fail('neither typeDefinition nor typeLabel (expected one)');
  return type;
}

function readPackFormat(element: XmlElement, source: string): AdmPackFormat {
  const { r, id } = reader(element, source, 'audioPackFormat', 'audioPackFormatID');
  const normalization = r.child('normalization')?.text.trim();
  return {
    id,
    name: r.attribute('audioPackFormatName') ?? '',
    type: readType(r),
    channelFormatIds: r.refs('audioChannelFormatIDRef'),
    packFormatIds: r.refs('audioPackFormatIDRef'),
    ...optional('importance', r.numberAttribute('importance', 0, 10)),
    ...optional('absoluteDistance', r.childNumber('absoluteDistance', 0, Infinity)),
    ...optional('normalization', normalization),
  };
}

function readChannelFormat(element: XmlElement, source: string): AdmChannelFormat {
  const { r, id } = reader(element, source, 'audioChannelFormat', 'audioChannelFormatID');
  const type = readType(r);
  let lowPassHz: number | undefined;
  let highPassHz: number | undefined;
  for (const frequency of r.childrenNamed('frequency')) {
    const kind = frequency.attributes.get('typeDefinition')?.trim();
    const hz = r.number(frequency.text, '<frequency>', 0, Infinity, frequency);
    if (kind === 'lowPass') lowPassHz = hz;
    else if (kind === 'highPass') highPassHz = hz;
    else r.fail(`frequency typeDefinition ${JSON.stringify((kind ?? '').slice(0, 20))} (expected lowPass or highPass)`, frequency);
  }
  return {
    id,
    name: r.attribute('audioChannelFormatName') ?? '',
    type,
    blocks: r.childrenNamed('audioBlockFormat').map((block) => readBlock(block, type, source)),
    ...optional('lowPassHz', lowPassHz),
    ...optional('highPassHz', highPassHz),
  };
}

/** At most one reference of a kind where BS.2076 allows one. */
function singleRef(r: AdmElementReader, localName: string): string | undefined {
  const refs = r.refs(localName);
  if (refs.length > 1) r.fail(`${refs.length} <${localName}> elements (expected at most one)`);
  return refs[0];
}

function readStreamFormat(element: XmlElement, source: string): AdmStreamFormat {
  const { r, id } = reader(element, source, 'audioStreamFormat', 'audioStreamFormatID');
  return {
    id,
    name: r.attribute('audioStreamFormatName') ?? '',
    ...optional('formatDefinition', r.attribute('formatDefinition')),
    ...optional('channelFormatId', singleRef(r, 'audioChannelFormatIDRef')),
    ...optional('packFormatId', singleRef(r, 'audioPackFormatIDRef')),
    trackFormatIds: r.refs('audioTrackFormatIDRef'),
  };
}

function readTrackFormat(element: XmlElement, source: string): AdmTrackFormat {
  const { r, id } = reader(element, source, 'audioTrackFormat', 'audioTrackFormatID');
  return { id, name: r.attribute('audioTrackFormatName') ?? '', ...optional('formatDefinition', r.attribute('formatDefinition')), ...optional('streamFormatId', singleRef(r, 'audioStreamFormatIDRef')) };
}

function readTrackUid(element: XmlElement, source: string): AdmTrackUid {
  const { r, id } = reader(element, source, 'audioTrackUID', 'UID');
  return {
    id,
    ...optional('sampleRateHz', r.numberAttribute('sampleRate', 1, 0xffffffff)),
    ...optional('bitDepth', r.numberAttribute('bitDepth', 1, 64)),
    ...optional('trackFormatId', singleRef(r, 'audioTrackFormatIDRef')),
    ...optional('channelFormatId', singleRef(r, 'audioChannelFormatIDRef')),
    ...optional('packFormatId', singleRef(r, 'audioPackFormatIDRef')),
  };
}

function checkUniqueIds(document: AdmDocument, extended: XmlElement, source: string): void {
  const lists: [string, readonly { id: string }[]][] = [
    ['audioProgramme', document.programmes],
    ['audioContent', document.contents],
    ['audioObject', document.objects],
    ['audioPackFormat', document.packFormats],
    ['audioChannelFormat', document.channelFormats],
    ['audioStreamFormat', document.streamFormats],
    ['audioTrackFormat', document.trackFormats],
    ['audioTrackUID', document.trackUids],
  ];
  for (const [kind, items] of lists) {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) throw new FieldError(source, `${extended.line}:${extended.column}`, `${kind} ${id} is defined twice (expected unique IDs)`);
      seen.add(id);
    }
  }
}
