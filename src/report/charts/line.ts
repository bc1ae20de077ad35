/**
 * A line chart over named points in time (x categories), one line per series, each labelled at its
 * last point with its name and value (labels that would overlap are spread apart). For
 * before/after and trends.
 */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface LineSeries {
  label: string;
  /** One value per x category; null leaves a gap in the line. */
  values: readonly (number | null)[];
  /** Line colour (one of ours, never input); the label says what the line is. */
  color?: string;
}

/** The end labels' baselines, moved apart just enough that none overlaps the next (order of y kept, equal y in series order). */
function spreadLabels(ys: readonly number[], gap: number, lowest: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  // Pushed below the chart: move them back up, each keeping its distance from the next.
  for (let k = order.length - 1; k >= 0; k--) order[k]!.y = Math.min(order[k]!.y, k === order.length - 1 ? lowest : order[k + 1]!.y - gap);
  const spread = [...ys];
  for (const { y, i } of order) spread[i] = y;
  return spread;
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
  const drawn = data.series.map((series) => ({ series, points: series.values.flatMap((v, i) => (v === null ? [] : [{ x: xAt(i), y: yAt(v), v }])) }));
  const ends = drawn.flatMap(({ points }, i) => (points.length ? [{ i, y: points.at(-1)!.y + 4 }] : []));
  const endYs = new Map(spreadLabels(ends.map((e) => e.y), 12, top + plotHeight + 4).map((y, k) => [ends[k]!.i, y]));
  const lines = drawn
    .map(({ series, points }, i) => {
      const color = series.color ?? PALETTE.accent;
      const path = points.length > 1 ? `<polyline points="${points.map((p) => `${num(p.x)},${num(p.y)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>` : '';
      const marks = points.map((p) => `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="3" fill="${color}"/>`).join('');
      const last = points.at(-1);
      const end = last ? label(last.x + 8, endYs.get(i)!, `${clip(series.label, 18)} ${num(last.v)}`, 'font-size="11"') : '';
      return `<g class="line-series">${path}${marks}${end}</g>`;
    })
    .join('');
  return frame({ ...options, width }, height, grid + xLabels + lines);
}
