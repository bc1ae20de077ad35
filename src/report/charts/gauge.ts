/** A half-circle gauge for a 0-100 score with the value and a caption (the grade) written inside. */
import { PALETTE, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface GaugeData {
  /** 0-100, or null when there is nothing to score (the arc stays empty and says n/a). */
  value: number | null;
  /** What the big number says, e.g. `54.3`. */
  valueText: string;
  /** A line under it, e.g. `Grade D`. */
  caption: string;
}

/** The point on the arc for a fraction 0..1, left to right over the top. */
function polar(cx: number, cy: number, r: number, fraction: number): [number, number] {
  const angle = Math.PI * (1 - fraction);
  return [cx + r * Math.cos(angle), cy - r * Math.sin(angle)];
}

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const [x0, y0] = polar(cx, cy, r, from);
  const [x1, y1] = polar(cx, cy, r, to);
  return `M${num(x0)} ${num(y0)}A${num(r)} ${num(r)} 0 0 1 ${num(x1)} ${num(y1)}`;
}

export function gaugeChart(data: GaugeData, options: ChartOptions): string {
  const width = options.width ?? 240;
  const cx = width / 2;
  const r = width / 2 - 34;
  const cy = r + 30;
  const fraction = data.value === null ? 0 : Math.min(Math.max(data.value / 100, 0), 1);
  const track = `<path d="${arc(cx, cy, r, 0, 1)}" fill="none" stroke="${PALETTE.grid}" stroke-width="18"/>`;
  const value = fraction > 0 ? `<path class="gauge-value" d="${arc(cx, cy, r, 0, fraction)}" fill="none" stroke="${PALETTE.accent}" stroke-width="18"/>` : '';
  const ticks = [0, 50, 100]
    .map((t) => {
      const [x, y] = polar(cx, cy, r + 14, t / 100);
      return label(x, y + 4, String(t), `text-anchor="middle" font-size="10" fill="${PALETTE.muted}"`);
    })
    .join('');
  const texts = label(cx, cy - 8, data.valueText, 'text-anchor="middle" font-size="30" font-weight="700"') + label(cx, cy + 12, data.caption, 'text-anchor="middle" font-size="13"');
  return frame({ ...options, width }, cy + 24, track + value + ticks + texts);
}
