// The type a chart is drawn in and how wide its text runs: SVG text cannot be measured before it is drawn, so
// labels are fitted (cut, or wrapped onto a few lines) by an estimate of Roboto's average advance (a little
// generous, so nothing spills).
export const CHART_FONT = 'Roboto, Arial, sans-serif';
export const LABEL_SIZE = 12;
export const TITLE_SIZE = 16;
export const LABEL_COLOR = '#444444';
export const TITLE_COLOR = '#202124';
export const GRID_COLOR = '#e0e0e0';
export const BASELINE_COLOR = '#7c7c7c';

/** About how wide `text` runs at `size` px. */
export function textWidth(text: string, size = LABEL_SIZE): number {
  return text.length * size * 0.54;
}

/** `text` cut to fit `width` px, with an ellipsis when cut. */
export function fitText(text: string, width: number, size = LABEL_SIZE): string {
  if (textWidth(text, size) <= width) return text;
  const keep = Math.max(0, Math.floor(width / (size * 0.54)) - 1);
  return keep > 0 ? `${text.slice(0, keep)}…` : '';
}

/** `text` broken between words onto at most `maxLines` lines of at most `width` px; null if it cannot be. */
export function wrapText(text: string, width: number, maxLines = 3, size = LABEL_SIZE): string[] | null {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else if (textWidth(word, size) <= width) lines.push(word);
    else return null;
  }
  return lines.length <= maxLines ? lines : null;
}
