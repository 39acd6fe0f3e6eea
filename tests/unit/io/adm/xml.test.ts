import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../src/core/fieldError';
import { parseXml } from '../../../../src/io/adm/xmlReader';
import type { XmlLimits } from '../../../../src/io/adm/xmlReader';
import { writeXml } from '../../../../src/io/adm/xmlWriter';

function refusal(text: string, limits?: XmlLimits): string {
  try {
    parseXml(text, 'x.xml', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA, the five entities and character references; skips comments and PIs', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&lt;&#65;&#x42;\'>\n  <dc:b>t&gt;&quot;&apos;<![CDATA[<raw&>]]></dc:b><?pi?><c/>\n</a>\n',
      'x.xml',
    );
    expect(root.name).toBe('a');
    expect([...root.attributes]).toEqual([['x', '1 & 2'], ['y', '<AB']]);
    expect(root.children.map((c) => [c.name, c.localName, c.line, c.column])).toEqual([['dc:b', 'b', 4, 3], ['c', 'c', 4, 57]]);
    expect(root.children[0]!.text).toBe('t>"\'<raw&>');
    expect(root.line).toBe(3);
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', /^x\.xml: 1:1: a DOCTYPE declaration/],
    ['<a>&e;</a>', /^x\.xml: 1:4: unknown entity reference &e;/],
    ['<a>&#0;</a>', /1:4: character reference &#0; to a character XML does not allow/],
    ['<a>\n <b></a>', /^x\.xml: 2:5: end tag <\/a> where <\/b> was expected \(element opened at 2:2\)/],
    ['<a>\n<b>', /end of document inside <b> opened at 2:1/],
    ['<a x="1" x="2"/>', /1:10: attribute x given twice/],
    ['<a x="<"/>', /"<" in the value of attribute x/],
    ['<a/><b/>', /1:5: content after the root element/],
    ['text', /1:1: text before the root element/],
    ['', /no root element/],
    ['<a>\u0001</a>', /1:4: character U\+0001/],
    ['<a><!ENTITY e "x"></a>', /1:4: a markup declaration inside the document/],
    ['</a>', /1:1: expected the root element's start tag/],
  ])('refuses %j with a message naming line:column', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('bounds depth, element count, attribute count and size before the work they cause', () => {
    const limits: XmlLimits = { maxChars: 1000, maxDepth: 3, maxElements: 5, maxAttributesPerElement: 2 };
    expect(refusal('<a><b><c><d/></c></b></a>', limits)).toMatch(/1:10: elements nested more than 3 deep/);
    expect(refusal('<a><b/><b/><b/><b/><b/></a>', limits)).toMatch(/more than 5 elements/);
    expect(refusal('<a x="" y="" z=""/>', limits)).toMatch(/more than 2 attributes in <a>/);
    expect(refusal(`<a>${' '.repeat(1000)}</a>`, limits)).toMatch(/XML of 1007 characters \(expected at most 1000\)/);
    // A million nested elements are refused at the limit (64), not by a stack overflow.
    expect(refusal('<a>'.repeat(1_000_000))).toMatch(/nested more than 64 deep/);
  });
});

describe('writeXml', () => {
  it('escapes text and attributes so the reader gives them back exactly', () => {
    const tricky = 'a & b < c > d " e \' f\tg\nh\r i \u00e9 \u{1F600}';
    const text = writeXml({ name: 'r', attributes: [['v', tricky], ['n', 3], ['gone', undefined]], children: [{ name: 'c', text: tricky }, { name: 'e' }] });
    const root = parseXml(text, 'w.xml');
    expect([...root.attributes]).toEqual([['v', tricky], ['n', '3']]);
    expect(root.children[0]!.text).toBe(tricky);
    expect(root.children[1]!.name).toBe('e');
  });

  it('refuses characters XML cannot carry and names that are not XML names', () => {
    expect(() => writeXml({ name: 'r', text: 'a\u0000' })).toThrow(/character U\+0000 at 1/);
    expect(() => writeXml({ name: 'r', text: '\uD800' })).toThrow(/U\+D800/);
    expect(() => writeXml({ name: '1r' })).toThrow(/not an XML name/);
  });
});
