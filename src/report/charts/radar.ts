/**
 * A radar (spider) chart: one axis per item from the centre, rings at 25/50/75/100, the values
 * joined into a polygon and written at their points. An item without a value sits at the centre
 * and says n/a. Fewer than three axes still draw (as a line or a point), but read better as bars.
 */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface RadarAxis {
  label: string;
  /** 0..max, or null for "nothing to score". */
  value: number | null;
  valueText?: string;
}

/** An axis label is at most RADAR_LABEL_LINES lines of this many characters (the table beside the chart has it whole). */
const RADAR_LABEL_CHARS = 18;
const RADAR_LABEL_LINES = 3;
/** A generous width per character at the chart's 12px font, so a label never runs off the edge. */
const RADAR_CHAR_WIDTH = 7;
const LINE_HEIGHT = 14;
/** Room between the outer ring and a label. */
const GAP = 10;
/** A value this far out (of max) is written inside its point, clear of the axis label. */
const WRITE_INSIDE_FROM = 0.78;
/** The distance, in pixels, between the values written on neighbouring axes. */
const VALUE_SPACING = 34;

/** Words into at most RADAR_LABEL_LINES lines of RADAR_LABEL_CHARS; what does not fit is cut with an ellipsis. */
function labelLines(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && [...`${last} ${word}`].length <= RADAR_LABEL_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const kept = lines.slice(0, RADAR_LABEL_LINES);
  if (lines.length > RADAR_LABEL_LINES) kept[RADAR_LABEL_LINES - 1] = `${kept[RADAR_LABEL_LINES - 1]} ${lines[RADAR_LABEL_LINES]}`;
  return kept.map((line) => clip(line, RADAR_LABEL_CHARS));
}

export function radarChart(axes: readonly RadarAxis[], options: ChartOptions & { max?: number }): string {
  const width = options.width ?? 560;
  const cx = width / 2;
  const labels = axes.map((axis) => labelLines(axis.label));
  const n = Math.max(axes.length, 1);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  // Room at the sides for the widest label line, above and below for the most lines.
  const tallest = Math.max(1, ...labels.map((lines) => lines.length));
  const widest = Math.max(0, ...labels.flat().map((l) => [...l].length)) * RADAR_CHAR_WIDTH;
  const margin = GAP + tallest * LINE_HEIGHT + 4;
  // How far the shape reaches up and down, in radii: a triangle reaches half as far down as up, so
  // it is drawn lower in a shorter frame rather than above an empty band.
  const sines = [0, ...axes.map((_, i) => Math.sin(angle(i)))];
  const [top, bottom] = [Math.min(...sines), Math.max(...sines)];
  const reach = Math.max(bottom - top, 1);
  const byWidth = cx - GAP - widest - 4;
  const height = Math.min(width * 0.7, reach * byWidth + 2 * margin);
  const r = Math.max(20, Math.min(byWidth, (height - 2 * margin) / reach));
  const cy = height / 2 - (r * (top + bottom)) / 2;
  const max = options.max ?? 100;
  // Axis i points up and then clockwise.
  const point = (i: number, fraction: number): [number, number] => [cx + r * fraction * Math.cos(angle(i)), cy + r * fraction * Math.sin(angle(i))];
  const ring = (fraction: number) =>
    `<polygon class="radar-ring" points="${axes.map((_, i) => point(i, fraction).map(num).join(',')).join(' ')}" fill="none" stroke="${PALETTE.grid}"/>`;
  const rings = axes.length >= 3 ? [0.25, 0.5, 0.75, 1].map(ring).join('') : '';
  const spokes = axes
    .map((_, i) => {
      const [x, y] = point(i, 1);
      return `<g class="radar-axis"><line x1="${num(cx)}" y1="${num(cy)}" x2="${num(x)}" y2="${num(y)}" stroke="${PALETTE.grid}"/>${axisLabel(i)}</g>`;
    })
    .join('');
  // A label grows away from the chart: to the right on the right, up at the top, down at the bottom.
  function axisLabel(i: number): string {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const lines = labels[i]!;
    const x = cx + (r + GAP) * cos;
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos < 0 ? 'end' : 'start';
    const blockHeight = lines.length * LINE_HEIGHT;
    // The baseline of the first line: centred on the spoke's end at the sides, clear of it above and below.
    const top = cy + (r + GAP) * sin - blockHeight / 2 + (sin * blockHeight) / 2;
    return lines.map((line, k) => label(x, top + (k + 1) * LINE_HEIGHT - 3, line, `text-anchor="${anchor}"`)).join('');
  }
  const fractions = axes.map((a) => (a.value === null ? 0 : Math.min(Math.max(a.value / max, 0), 1)));
  const shape = axes.length
    ? `<polygon class="radar-value" points="${fractions.map((f, i) => point(i, f).map(num).join(',')).join(' ')}" fill="${PALETTE.accentFill}" stroke="${PALETTE.accent}" stroke-width="2"/>`
    : '';
  // Low values crowd the centre: no value is written nearer to it than where neighbours stand a label apart.
  const nearest = axes.length > 1 ? Math.min(VALUE_SPACING / (2 * r * Math.sin(Math.PI / axes.length)), WRITE_INSIDE_FROM - 0.16) : 0;
  const values = axes
    .map((axis, i) => {
      const f = fractions[i]!;
      const [x, y] = point(i, f);
      // Along the axis, so neighbours do not collide: outside the point, or inside it near the edge.
      const [tx, ty] = point(i, Math.max(f >= WRITE_INSIDE_FROM ? f - 0.16 : f + 0.14, nearest));
      const text = axis.valueText ?? (axis.value === null ? 'n/a' : num(axis.value));
      return `<circle cx="${num(x)}" cy="${num(y)}" r="3" fill="${PALETTE.accent}"/>${label(tx, ty + 4, text, 'class="radar-value-text" text-anchor="middle" font-size="11" font-weight="700"')}`;
    })
    .join('');
  return frame({ ...options, width }, height, rings + spokes + shape + values);
}
