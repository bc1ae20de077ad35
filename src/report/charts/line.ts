/**
 * A line chart over named points in time (x categories), one line per series, each labelled at its
 * last point with its name and value and at every point with its value. For before/after and trends.
 */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface LineSeries {
  label: string;
  /** One value per x category; null leaves a gap in the line. */
  values: readonly (number | null)[];
}

export function lineChart(data: { x: readonly string[]; series: readonly LineSeries[] }, options: ChartOptions & { max?: number; height?: number }): string {
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const left = 36;
  const right = 170;
  const top = 12;
  const bottom = 28;
  const max = options.max ?? Math.max(1, ...data.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const xAt = (i: number) => left + (data.x.length <= 1 ? plotWidth / 2 : (plotWidth * i) / (data.x.length - 1));
  const yAt = (v: number) => top + plotHeight * (1 - Math.min(Math.max(v / max, 0), 1));
  const grid = [0, 0.5, 1]
    .map((f) => {
      const y = yAt(max * f);
      return `<line x1="${left}" y1="${num(y)}" x2="${num(left + plotWidth)}" y2="${num(y)}" stroke="${PALETTE.grid}"/>${label(left - 4, y + 4, num(max * f), `text-anchor="end" font-size="10" fill="${PALETTE.muted}"`)}`;
    })
    .join('');
  const xLabels = data.x.map((x, i) => label(xAt(i), height - 8, clip(x, 16), 'text-anchor="middle"')).join('');
  const lines = data.series
    .map((series) => {
      const points = series.values.flatMap((v, i) => (v === null ? [] : [{ x: xAt(i), y: yAt(v), v }]));
      const path = points.length > 1 ? `<polyline points="${points.map((p) => `${num(p.x)},${num(p.y)}`).join(' ')}" fill="none" stroke="${PALETTE.accent}" stroke-width="2"/>` : '';
      const marks = points.map((p) => `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="3" fill="${PALETTE.accent}"/>`).join('');
      const last = points.at(-1);
      const end = last ? label(last.x + 8, last.y + 4, `${clip(series.label, 18)} ${num(last.v)}`, 'font-size="11"') : '';
      return `<g class="line-series">${path}${marks}${end}</g>`;
    })
    .join('');
  return frame({ ...options, width }, height, grid + xLabels + lines);
}
