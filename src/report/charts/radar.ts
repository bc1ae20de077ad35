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

export function radarChart(axes: readonly RadarAxis[], options: ChartOptions & { max?: number }): string {
  const width = options.width ?? 560;
  const height = width * 0.7;
  const cx = width / 2;
  const cy = height / 2;
  // Room at the sides for labels of up to 24 characters, above and below for one line.
  const r = Math.min(cx - 130, cy - 28);
  const max = options.max ?? 100;
  const n = Math.max(axes.length, 1);
  // Axis i points up and then clockwise.
  const point = (i: number, fraction: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + r * fraction * Math.cos(angle), cy + r * fraction * Math.sin(angle)];
  };
  const ring = (fraction: number) =>
    `<polygon class="radar-ring" points="${axes.map((_, i) => point(i, fraction).map(num).join(',')).join(' ')}" fill="none" stroke="${PALETTE.grid}"/>`;
  const rings = axes.length >= 3 ? [0.25, 0.5, 0.75, 1].map(ring).join('') : '';
  const spokes = axes
    .map((axis, i) => {
      const [x, y] = point(i, 1);
      const [lx, ly] = point(i, 1.12);
      const anchor = Math.abs(lx - cx) < 4 ? 'middle' : lx < cx ? 'end' : 'start';
      return `<g class="radar-axis"><line x1="${num(cx)}" y1="${num(cy)}" x2="${num(x)}" y2="${num(y)}" stroke="${PALETTE.grid}"/>${label(lx, ly + 4, clip(axis.label, 24), `text-anchor="${anchor}"`)}</g>`;
    })
    .join('');
  const fractions = axes.map((a) => (a.value === null ? 0 : Math.min(Math.max(a.value / max, 0), 1)));
  const shape = axes.length
    ? `<polygon class="radar-value" points="${fractions.map((f, i) => point(i, f).map(num).join(',')).join(' ')}" fill="${PALETTE.accentFill}" stroke="${PALETTE.accent}" stroke-width="2"/>`
    : '';
  const values = axes
    .map((axis, i) => {
      const [x, y] = point(i, fractions[i]!);
      // The value sits just outside its point, along the axis, so neighbours do not collide.
      const [tx, ty] = point(i, fractions[i]! + 0.13);
      const text = axis.valueText ?? (axis.value === null ? 'n/a' : num(axis.value));
      return `<circle cx="${num(x)}" cy="${num(y)}" r="3" fill="${PALETTE.accent}"/>${label(tx, ty + 4, text, 'text-anchor="middle" font-size="11" font-weight="700"')}`;
    })
    .join('');
  return frame({ ...options, width }, height, rings + spokes + shape + values);
}
