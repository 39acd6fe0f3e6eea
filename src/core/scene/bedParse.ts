import { FieldError, childPath, describeValue } from '../fieldError';
import type { JsonObjectReader } from '../jsonFields';
import { LAYOUT_NAMES, getLayout } from '../layouts';
import type { LayoutName } from '../layouts';
import { SCENE_FILE_LIMITS } from './scene';
import type { SceneBed, StemReference } from './scene';
import type { SceneReading } from './sceneReading';
import { parseStemList, parseStripHead, parseStripLevels } from './stemStripParse';

/**
 * The scene's beds (version 2): each a stem routed to a BS.2051 layout's channels, one
 * label per stem channel, each label the layout's and used once. The stem's channel
 * count is checked against the labels when the stem is loaded (bedStemChannels).
 */
export function parseBeds(root: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneBed[] | undefined {
  return parseStemList(root, reading, { key: 'beds', max: SCENE_FILE_LIMITS.beds, noun: 'beds' }, (r) => parseBed(r, reading, parseStem));
}

function parseBed(r: JsonObjectReader, reading: SceneReading, parseStem: (r: JsonObjectReader) => StemReference): SceneBed {
  const { field, extras } = reading;
  const { id, name, stem } = parseStripHead(r, reading, parseStem);
  const layout = field(() =>
    r.string('layout', { expected: `a BS.2051 layout name, one of ${LAYOUT_NAMES.join(', ')}`, accept: (v) => (LAYOUT_NAMES as readonly string[]).includes(v) }),
  ) as LayoutName | undefined;
  const channels = field(() => parseChannelLabels(r, layout, reading));
  const { gainDb, mute, solo, color } = parseStripLevels(r, reading);
  return {
    id: id!,
    name: name!,
    stem: stem!,
    layout: layout!,
    channels: channels!,
    gainDb: gainDb!,
    mute: mute!,
    solo: solo!,
    ...(color === undefined ? {} : { color }),
    ...extras(r),
  };
}

/** Per stem channel a label of the layout (when the layout is known), none twice, at most the layout's channel count. */
function parseChannelLabels(r: JsonObjectReader, layoutName: LayoutName | undefined, { fileName, field }: SceneReading): string[] {
  const values = r.array('channels');
  const path = childPath(r.path, 'channels');
  const layout = layoutName === undefined ? undefined : getLayout(layoutName);
  const labels = layout?.channels.map((c) => c.label);
  if (values.length === 0) r.fail('channels', 'expected one layout channel label per stem channel, got none');
  if (labels !== undefined && values.length > labels.length) {
    r.fail('channels', `expected at most ${labels.length} labels (the ${layoutName} layout's channels), got ${values.length}`);
  }
  const firstUse = new Map<string, number>();
  return values.map((value, i) =>
    field(() => {
      const at = childPath(path, i);
      if (typeof value !== 'string') throw new FieldError(fileName, at, `expected a channel label of the ${layoutName ?? 'bed'} layout, got ${describeValue(value)}`);
      if (labels !== undefined && !labels.includes(value)) {
        throw new FieldError(fileName, at, `expected a channel label of the ${layoutName} layout (${labels.join(', ')}), got ${describeValue(value)}`);
      }
      const first = firstUse.get(value);
      if (first !== undefined) throw new FieldError(fileName, at, `expected each label once, got "${value}" again (also channels[${first}])`);
      firstUse.set(value, i);
      return value;
    }),
  ) as string[];
}

/** Throws, naming the bed, when its stem's channel count is not its label count. */
export function checkBedStemChannels(bed: SceneBed, stemChannels: number, describe: string): void {
  if (stemChannels !== bed.channels.length) {
    throw new Error(`${describe}: bed "${bed.name}" routes ${bed.channels.length} channels (${bed.channels.join(', ')}) but its stem has ${stemChannels}`);
  }
}
