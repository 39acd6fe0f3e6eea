import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, printableLines, shownText } from '../../../src/cli/terminalText';

describe('text the command line prints', () => {
  it('escapes terminal controls visibly: escape sequences, bell, carriage return, DEL, C1 and bidi overrides', () => {
    expect(shownText('\u001b[31mred\u001b[0m \u001b]0;title\u0007 a\rb\u007f\u009b\u202egnp.exe')).toBe(
      '\\e[31mred\\e[0m \\e]0;title\\x07 a\\rb\\x7f\\x9b\\u202egnp.exe',
    );
  });

  it('shows a user string on one line: line feeds and tabs escaped too', () => {
    expect(shownText('a\nb\tc')).toBe('a\\nb\\tc');
  });

  it('cuts a 50 MB string to 120 characters and says how many were left out', () => {
    const shown = shownText('x'.repeat(50_000_000));
    expect(shown).toBe(`${'x'.repeat(120)}...(49999880 more characters)`);
  });

  it('keeps the lines and tabs of printed text, escapes the rest, and cuts each line', () => {
    expect(printableLines('one\ttwo\nthree \u001b[2J')).toBe('one\ttwo\nthree \\e[2J');
    const long = printableLines(`${'y'.repeat(MAX_LINE_CHARS + 5)}\nshort`);
    expect(long).toBe(`${'y'.repeat(MAX_LINE_CHARS)}...(5 more characters)\nshort`);
  });

  it('leaves ordinary text as it is, accents and all', () => {
    expect(printableLines('Sängerin — voix «lead» 30°')).toBe('Sängerin — voix «lead» 30°');
  });
});
