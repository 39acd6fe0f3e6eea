/** Display colours for new sources: distinct hues that read on the dark stage. */
export const SOURCE_PALETTE: readonly string[] = [
  '#4cc2ff',
  '#ff7a6b',
  '#8ce99a',
  '#f2c94c',
  '#b197fc',
  '#38d9a9',
  '#ffa94d',
  '#f783ac',
  '#74c0fc',
  '#c0eb75',
];

/** The first palette colour no source uses yet; when all are taken, the palette cycles on `index`. */
export function paletteColor(usedColors: ReadonlySet<string>, index: number): string {
  const free = SOURCE_PALETTE.find((color) => !usedColors.has(color));
  return free ?? SOURCE_PALETTE[index % SOURCE_PALETTE.length]!;
}
