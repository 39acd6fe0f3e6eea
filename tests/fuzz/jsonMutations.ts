/**
 * Mutations of a JSON document at the level of its values, for readers of JSON files: a
 * value of another type, an extreme number, nesting thousands of levels deep, a huge
 * array or string, a "__proto__" key, control and odd Unicode characters, a field dropped
 * or a sibling duplicated. The document is parsed, changed at one random place, and
 * written again; the constructs JSON.stringify cannot write (deep nesting, "__proto__",
 * numbers beyond float range) go in as text at a placeholder.
 */
const PLACEHOLDER = '"__fuzz_placeholder__"';
/** Written as "__proto__" once the document is text (assigning "__proto__" would set a prototype instead). */
const PROTO_STAND_IN = '__fuzz_proto__';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object and array of `root`, so one can be picked at random (iterative: seeds are shallow, but cheap to be safe). */
function containers(root: Json): (Json[] | { [key: string]: Json })[] {
  const found: (Json[] | { [key: string]: Json })[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    found.push(value);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return found;
}

const EXTREME_NUMBERS: readonly number[] = [0, -0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 1e21, 4294967296, 0.1 + 0.2, 180, -180, 96000];
const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u001b[31mred\u001b[2J',
  '\u202egnp.exe',
  '\u0000nul',
  '\ud800',
  '😀🎧',
  '../../etc/passwd',
  '/dev/zero',
  'C:\\Windows\\win.ini',
  'a\nb\tc',
  '__proto__',
  'x'.repeat(300),
];

/** Text spliced in at the placeholder: the constructs JSON.stringify would not write. */
function rawText(random: () => number): string {
  const pick = Math.floor(random() * 6);
  const depth = [10, 65, 1000, 100_000][Math.floor(random() * 4)]!;
  switch (pick) {
    case 0:
      return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    case 1:
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    case 2:
      return ['1e999', '-1e999', '1e-400', '123456789012345678901234567890'][Math.floor(random() * 4)]!;
    case 3:
      return '{"__proto__":{"polluted":true,"gainDb":99}}';
    case 4:
      return JSON.stringify('y'.repeat(1 + Math.floor(random() * 2_000_000)));
    default:
      return `[${new Array(1 + Math.floor(random() * 20_000)).fill('{"id":"x"}').join(',')}]`;
  }
}

/** A random value of a random JSON type. */
function otherValue(random: () => number): Json {
  switch (Math.floor(random() * 6)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return EXTREME_NUMBERS[Math.floor(random() * EXTREME_NUMBERS.length)]!;
    case 3:
      return ODD_STRINGS[Math.floor(random() * ODD_STRINGS.length)]!;
    case 4:
      return [];
    default:
      return {};
  }
}

/** One mutation of the JSON text `text` (returned unchanged when it does not parse: byte mutations can break it). */
export function mutateJson(text: string, random: () => number): string {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return text;
  }
  const all = containers(root);
  const target = all[Math.floor(random() * all.length)]!;
  const keys: (string | number)[] = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  const key = keys[Math.floor(random() * keys.length)];
  const set = (k: string | number, value: Json): void => {
    if (Array.isArray(target)) target[k as number] = value;
    else target[k as string] = value;
  };
  let raw: string | undefined;
  switch (Math.floor(random() * 7)) {
    case 0:
      if (key !== undefined) set(key, otherValue(random));
      break;
    case 1:
      if (key !== undefined) set(key, EXTREME_NUMBERS[Math.floor(random() * EXTREME_NUMBERS.length)]!);
      break;
    case 2:
      if (key !== undefined) set(key, ODD_STRINGS[Math.floor(random() * ODD_STRINGS.length)]!);
      break;
    case 3:
      // Dropped: an array element or an object's field.
      if (Array.isArray(target)) target.splice(Math.floor(random() * target.length), 1);
      else if (key !== undefined) delete target[key as string];
      break;
    case 4:
      // A sibling repeated: 1 to 2,000 copies (sources beyond the limit, duplicate ids).
      if (Array.isArray(target) && target.length > 0) {
        const copies = random() < 0.5 ? 1 : Math.floor(random() * 2000);
        target.push(...new Array<Json>(copies).fill(structuredClone(target[0]!)));
      }
      break;
    default:
      raw = rawText(random);
      if (Array.isArray(target)) target.push('__fuzz_placeholder__');
      // A "__proto__" key of the object itself, or a value at one of its keys.
      else target[random() < 0.3 ? PROTO_STAND_IN : ((key as string | undefined) ?? 'fuzz')] = '__fuzz_placeholder__';
  }
  const written = JSON.stringify(root, null, random() < 0.5 ? 2 : undefined).replace(`"${PROTO_STAND_IN}"`, '"__proto__"');
  return raw === undefined ? written : written.replace(PLACEHOLDER, raw);
}
