/**
 * Typed reads of one ADM XML element's attributes and children, each refusal a
 * FieldError naming the source, the element's line:column, the element and its ID.
 */
import { FieldError } from '../../core/fieldError';
import type { XmlElement } from './xmlReader';
import { parseAdmTime } from './admTime';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export class AdmElementReader {
  constructor(
    readonly element: XmlElement,
    private readonly source: string,
    /** e.g. `audioObject AO_1001`. */
    private readonly label: string,
  ) {}

  fail(problem: string, at: XmlElement = this.element): never {
    throw new FieldError(this.source, `${at.line}:${at.column}`, `${this.label}: ${problem}`);
  }

  child(localName: string): XmlElement | undefined {
    return this.element.children.find((c) => c.localName === localName);
  }

  childrenNamed(localName: string): XmlElement[] {
    return this.element.children.filter((c) => c.localName === localName);
  }

  /** The texts of the children called `localName` (ID references), trimmed. */
  refs(localName: string): string[] {
    return this.childrenNamed(localName).map((c) => {
      const id = c.text.trim();
      if (id === '') this.fail(`empty <${localName}> (expected an ID)`, c);
      return id;
    });
  }

  attribute(name: string): string | undefined {
    return this.element.attributes.get(name);
  }

  requiredAttribute(name: string): string {
    const value = this.attribute(name);
    if (value === undefined || value.trim() === '') this.fail(`no ${name} attribute (expected one)`);
    return value.trim();
  }

  numberAttribute(name: string, min = -Infinity, max = Infinity): number | undefined {
    const text = this.attribute(name);
    return text === undefined ? undefined : this.number(text, `attribute ${name}`, min, max);
  }

  timeAttribute(name: string): number | undefined {
    const text = this.attribute(name);
    if (text === undefined) return undefined;
    const seconds = parseAdmTime(text);
    if (seconds === undefined) this.fail(`attribute ${name} is ${JSON.stringify(text.slice(0, 40))} (expected a time hh:mm:ss.fffff or hh:mm:ss.fffffSsssss)`);
    return seconds;
  }

  /** A number in [min, max] read from text (an attribute value or an element's text). */
  number(text: string, what: string, min = -Infinity, max = Infinity, at: XmlElement = this.element): number {
    const trimmed = text.trim();
    const value = Number(trimmed);
    if (!NUMBER.test(trimmed) || !Number.isFinite(value)) this.fail(`${what} is ${JSON.stringify(trimmed.slice(0, 40))} (expected a number)`, at);
    if (value < min || value > max) this.fail(`${what} is ${value} (expected ${min} to ${max})`, at);
    return value;
  }

  /** A child's text as a number, or undefined when there is no such child. */
  childNumber(localName: string, min = -Infinity, max = Infinity): number | undefined {
    const element = this.child(localName);
    return element === undefined ? undefined : this.number(element.text, `<${localName}>`, min, max, element);
  }

  /** A flag written 0/1 (or false/true). */
  flag(text: string, what: string, at: XmlElement = this.element): boolean {
    const trimmed = text.trim();
    if (trimmed === '1' || trimmed === 'true') return true;
    if (trimmed === '0' || trimmed === 'false') return false;
    this.fail(`${what} is ${JSON.stringify(trimmed.slice(0, 40))} (expected 0 or 1)`, at);
  }

  childFlag(localName: string): boolean | undefined {
    const element = this.child(localName);
    return element === undefined ? undefined : this.flag(element.text, `<${localName}>`, element);
  }

  flagAttribute(name: string): boolean | undefined {
    const text = this.attribute(name);
    return text === undefined ? undefined : this.flag(text, `attribute ${name}`);
  }
}
