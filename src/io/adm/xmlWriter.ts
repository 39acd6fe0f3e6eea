/**
 * Writes an element tree as an XML 1.0 document (UTF-8 declaration, two-space indent).
 * Text escapes &, < and >, and carriage return as &#13; (a reader turns a literal one into a
 * newline); attribute values also ", tab and newline, which a reader's attribute-value
 * normalisation would turn into spaces. A character
 * XML cannot carry (control characters, lone surrogates) is refused with a RangeError.
 */

export interface XmlNode {
  readonly name: string;
  /** Attributes in the order written; undefined values are left out. */
  readonly attributes?: readonly (readonly [string, string | number | undefined])[];
  readonly children?: readonly XmlNode[];
  /** Text content; an element has either text or children. */
  readonly text?: string;
}

/** The document of `root`. */
export function writeXml(root: XmlNode): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // An explicit stack: [node, depth, closing?].
  const stack: [XmlNode, number, boolean][] = [[root, 0, false]];
  while (stack.length > 0) {
    const [node, depth, closing] = stack.pop()!;
    const indent = '  '.repeat(depth);
    if (closing) {
      lines.push(`${indent}</${node.name}>`);
      continue;
    }
    checkName(node.name);
    const attributes = (node.attributes ?? [])
      .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
      .map(([name, value]) => {
        checkName(name);
        return ` ${name}="${escapeAttribute(String(value))}"`;
      })
      .join('');
    const children = node.children ?? [];
    if (node.text !== undefined && children.length > 0) throw new RangeError(`writeXml: <${node.name}> has both text and children`);
    if (node.text !== undefined) lines.push(`${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
    else if (children.length === 0) lines.push(`${indent}<${node.name}${attributes}/>`);
    else {
      lines.push(`${indent}<${node.name}${attributes}>`);
      stack.push([node, depth, true]);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1, false]);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function escapeText(text: string): string {
  checkChars(text);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function checkName(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(name)) throw new RangeError(`writeXml: ${JSON.stringify(name)} is not an XML name this writer writes`);
}

function checkChars(text: string): void {
  // Allowed: tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD, and surrogate pairs.
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (bad !== null) throw new RangeError(`writeXml: character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${bad.index} cannot be written in XML`);
}
