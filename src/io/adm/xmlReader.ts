/**
 * A small XML 1.0 reader for ADM metadata: elements, attributes, text, CDATA; comments,
 * processing instructions and the XML declaration are skipped. Safe on untrusted text:
 * a DOCTYPE (and with it every DTD, external entity and entity expansion) is refused;
 * only the five predefined entities and character references are decoded; size, depth,
 * element and attribute counts are bounded before the work they would cause; no
 * recursion. Errors are FieldErrors naming the source and line:column.
 *
 * Namespaces are not resolved: element and attribute names keep their prefix (`dc:title`),
 * and `localName` drops it, which is how ADM documents are read (their elements sit in
 * the default namespace of ebuCore or of BS.2076's `ituADM`).
 */
import { FieldError } from '../../core/fieldError';

export interface XmlElement {
  /** The qualified name as written, e.g. `audioObject` or `dc:title`. */
  readonly name: string;
  /** The name without its prefix. */
  readonly localName: string;
  /** Attributes in document order, names as written, values decoded. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (its direct text and CDATA, concatenated), entities decoded. */
  readonly text: string;
  /** 1-based position of the element's `<`. */
  readonly line: number;
  readonly column: number;
}

export interface XmlLimits {
  /** Longest document, in characters. */
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxAttributesPerElement: number;
}

/** Bounds for ADM `axml`: the 2094 common definitions are 320 kB and 4 levels deep below the ADM root. */
export const ADM_XML_LIMITS: XmlLimits = { maxChars: 64 * 1024 * 1024, maxDepth: 64, maxElements: 2_000_000, maxAttributesPerElement: 64 };

interface MutableElement {
  name: string;
  localName: string;
  attributes: Map<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
  column: number;
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_REST = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

/** Parses `text` (an XML document) into its root element. Throws a FieldError naming `source` and the line:column of the fault. */
export function parseXml(text: string, source: string, limits: XmlLimits = ADM_XML_LIMITS): XmlElement {
  return new XmlParser(text, source, limits).document();
}

class XmlParser {
  private pos = 0;
  private elementCount = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly source: string,
    private readonly limits: XmlLimits,
  ) {
    if (text.length > limits.maxChars) throw new FieldError(source, '', `XML of ${text.length} characters (expected at most ${limits.maxChars})`);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  document(): XmlElement {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipMisc();
    if (this.pos >= this.text.length) this.fail(this.pos, 'no root element (expected an XML document)');
    if (this.text[this.pos] !== '<') this.fail(this.pos, 'text before the root element (expected "<")');
    const root = this.elements();
    this.skipMisc();
    if (this.pos < this.text.length) this.fail(this.pos, 'content after the root element (expected the end of the document)');
    return root;
  }

  /** Misc outside the root: whitespace, comments, processing instructions; a DOCTYPE is refused. */
  private skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.text.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.text.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else if (this.text.startsWith('<!DOCTYPE', this.pos)) this.fail(this.pos, 'a DOCTYPE declaration (DTDs and their entities are not read; expected none)');
      else return;
    }
  }

  /** The root element and everything in it, with an explicit stack instead of recursion. */
  private elements(): XmlElement {
    const stack: MutableElement[] = [];
    let root: MutableElement | undefined;
    do {
      const at = this.pos;
      const open = stack[stack.length - 1];
      if (open === undefined && !/^<[^/!?]/.test(this.text.slice(at, at + 2))) this.fail(at, 'expected the root element\'s start tag');
      if (this.text.startsWith('</', at)) {
        const element = stack.pop()!;
        this.pos += 2;
        const name = this.name();
        this.skipWhitespace();
        this.expect('>');
        if (name !== element.name) this.fail(at, `end tag </${name}> where </${element.name}> was expected (element opened at ${element.line}:${element.column})`);
      } else if (this.text.startsWith('<!--', at)) {
        this.skipComment();
      } else if (this.text.startsWith('<![CDATA[', at)) {
        const end = this.text.indexOf(']]>', at + 9);
        if (end < 0) this.fail(at, 'CDATA section without "]]>"');
        this.checkChars(at + 9, end);
        if (open !== undefined) open.text += this.text.slice(at + 9, end);
        this.pos = end + 3;
      } else if (this.text.startsWith('<?', at)) {
        this.skipProcessingInstruction();
      } else if (this.text.startsWith('<!', at)) {
        this.fail(at, 'a markup declaration inside the document (DTDs are not read; expected an element, text, comment or CDATA)');
      } else if (this.text[at] === '<') {
        const { element, selfClosing } = this.startTag();
        if (open === undefined) root = element;
        else open.children.push(element);
        if (stack.length + 1 > this.limits.maxDepth) this.fail(at, `elements nested more than ${this.limits.maxDepth} deep`);
        if (!selfClosing) stack.push(element);
      } else {
        const end = this.text.indexOf('<', at);
        const stop = end < 0 ? this.text.length : end;
        const decoded = this.decode(at, stop);
        if (open !== undefined) open.text += decoded;
        this.pos = stop;
      }
      if (stack.length > 0 && this.pos >= this.text.length) {
        const unclosed = stack[stack.length - 1]!;
        this.fail(this.pos, `end of document inside <${unclosed.name}> opened at ${unclosed.line}:${unclosed.column} (expected </${unclosed.name}>)`);
      }
    } while (stack.length > 0);
    return root!;
  }

  private startTag(): { element: MutableElement; selfClosing: boolean } {
    const at = this.pos;
    this.elementCount++;
    if (this.elementCount > this.limits.maxElements) this.fail(at, `more than ${this.limits.maxElements} elements`);
    this.pos++;
    const name = this.name();
    const { line, column } = this.position(at);
    const element: MutableElement = { name, localName: localNameOf(name), attributes: new Map(), children: [], text: '', line, column };
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { element, selfClosing: true };
      }
      if (this.text[this.pos] === '>') {
        this.pos++;
        return { element, selfClosing: false };
      }
      if (this.pos >= this.text.length) this.fail(at, `end of document inside the start tag of <${name}>`);
      if (!hadSpace) this.fail(this.pos, `expected whitespace, ">" or "/>" in the start tag of <${name}>`);
      const attributeAt = this.pos;
      const attribute = this.name();
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(this.pos, `attribute ${attribute} of <${name}> without a quoted value`);
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail(this.pos, `attribute ${attribute} of <${name}>: value without its closing quote`);
      const lt = this.text.indexOf('<', this.pos + 1);
      if (lt >= 0 && lt < end) this.fail(lt, `"<" in the value of attribute ${attribute} of <${name}> (expected &lt;)`);
      if (element.attributes.has(attribute)) this.fail(attributeAt, `attribute ${attribute} given twice in <${name}>`);
      if (element.attributes.size >= this.limits.maxAttributesPerElement) this.fail(attributeAt, `more than ${this.limits.maxAttributesPerElement} attributes in <${name}>`);
      element.attributes.set(attribute, this.decode(this.pos + 1, end, true));
      this.pos = end + 1;
    }
  }

  private name(): string {
    const start = this.pos;
    if (!NAME_START.test(this.text[start] ?? '')) this.fail(start, `expected a name, found ${describeChar(this.text[start])}`);
    let end = start + 1;
    while (end < this.text.length && NAME_REST.test(this.text[end]!)) end++;
    this.pos = end;
    return this.text.slice(start, end);
  }

  /**
   * Text from `start` to `end` with its entity and character references decoded; in an
   * attribute value, literal tab, newline and carriage return first become spaces (XML's
   * attribute-value normalisation), while their character references are kept.
   */
  private decode(start: number, end: number, isAttribute = false): string {
    this.checkChars(start, end);
    const literal = this.text.slice(start, end);
    const raw = isAttribute ? literal.replace(/[\t\n\r]/g, ' ') : literal;
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      out += raw.slice(from, amp);
      const semicolon = raw.indexOf(';', amp);
      const reference = semicolon < 0 || semicolon - amp > 12 ? '' : raw.slice(amp + 1, semicolon);
      out += this.reference(reference, start + amp);
      from = semicolon + 1;
    }
    return out + raw.slice(from);
  }

  private reference(reference: string, at: number): string {
    const predefined = PREDEFINED_ENTITIES[reference];
    if (predefined !== undefined && Object.hasOwn(PREDEFINED_ENTITIES, reference)) return predefined;
    const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(reference);
    if (numeric !== null) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (isXmlChar(code)) return String.fromCodePoint(code);
      this.fail(at, `character reference &${reference}; to a character XML does not allow`);
    }
    this.fail(at, `unknown entity reference ${reference === '' ? '"&" without a reference' : `&${reference};`} (expected &lt; &gt; &amp; &quot; &apos; or a character reference; write "&" as &amp;)`);
  }

  /** Refuses characters XML 1.0 does not allow (control characters other than tab, newline, carriage return; lone surrogates; U+FFFE, U+FFFF). */
  private checkChars(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const code = this.text.codePointAt(i)!;
      if (code > 0xffff) {
        i++;
        continue;
      }
      if (!isXmlChar(code)) this.fail(i, `character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`);
    }
  }

  private skipComment(): void {
    const end = this.text.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail(this.pos, 'comment without "-->"');
    this.pos = end + 3;
  }

  private skipProcessingInstruction(): void {
    const end = this.text.indexOf('?>', this.pos + 2);
    if (end < 0) this.fail(this.pos, 'processing instruction without "?>"');
    this.pos = end + 2;
  }

  private skipWhitespace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
    return this.pos > start;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail(this.pos, `expected "${char}", found ${describeChar(this.text[this.pos])}`);
    this.pos++;
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  private fail(offset: number, problem: string): never {
    const { line, column } = this.position(Math.min(offset, this.text.length));
    throw new FieldError(this.source, `${line}:${column}`, problem);
  }
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function localNameOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'the end of the document';
  return /[\x21-\x7e]/.test(char) ? `"${char}"` : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
