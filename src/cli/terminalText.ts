/**
 * Text the command line prints, made safe for a terminal. Scenes, file names and audio
 * files come from anyone: a source named "\x1b]0;...\x07" would retitle the terminal,
 * "\x1b[2J" clear it, a right-to-left override reorder what follows, and a 50 MB name
 * would flood it. Every line the commands print passes through printableLines; strings
 * of the user's put into a message go through shownText first, so they are also short.
 */

/** Longest user string shown whole inside a message. */
export const MAX_SHOWN_CHARS = 120;
/** Longest line printed whole. */
export const MAX_LINE_CHARS = 2000;

/**
 * C0 controls, DEL, C1 controls, and the invisible format characters that reorder or hide
 * text (bidi embeddings, overrides and isolates, marks, zero-width joiners, BOM). Line
 * feed and tab are matched too; printableLines keeps them.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A control character as visible text: \n, \t, \r, \e (escape), else \xNN or \uNNNN. */
function escapeControl(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\u001b': '\\e' };
  const code = char.charCodeAt(0);
  return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` cut to `maxChars` with the count of what was left out. */
function cut(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}...(${text.length - maxChars} more characters)`;
}

/** A user's string as it is shown in a message: every control character escaped visibly, at most `maxChars` (then a count). */
export function shownText(text: string, maxChars = MAX_SHOWN_CHARS): string {
  return cut(text, maxChars).replace(CONTROL, escapeControl);
}

/** Text to print: lines kept, tabs kept, every other control character escaped, each line at most MAX_LINE_CHARS. */
export function printableLines(text: string): string {
  return text
    .split('\n')
    .map((line) => cut(line, MAX_LINE_CHARS).replace(CONTROL, (char) => (char === '\t' ? char : escapeControl(char))))
    .join('\n');
}
