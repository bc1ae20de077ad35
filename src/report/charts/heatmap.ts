/** A heat map: rows × columns, each cell shaded by its value (a count, by default) and the value written in it. */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface HeatMapData {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column]; null for no value. */
  cells: readonly (readonly (number | null)[])[];
}

/** How a cell's value is shaded (a step of SHADES, 0 white) and written. */
export interface HeatScale {
  step(value: number | null): number;
  text(value: number | null): string;
}

/** Five steps from white to the accent: the shade only repeats what the number says. */
const SHADES = ['#ffffff', '#fde2d4', '#f6b08f', '#e0703f', '#a83a12'];

/** Counts: none is white and a dot, more is darker. */
function countScale(max: number): HeatScale {
  return {
    step: (count) => (!count ? 0 : 1 + Math.min(3, Math.floor(((count - 1) / max) * 4))),
    text: (count) => (!count ? '·' : String(count)),
  };
}

export function heatMapChart(data: HeatMapData, options: ChartOptions & { scale?: HeatScale }): string {
  const width = options.width ?? 560;
  const labelWidth = 190;
  const cellWidth = (width - labelWidth) / Math.max(data.columns.length, 1);
  const cellHeight = 24;
  const top = 22;
  const scale = options.scale ?? countScale(Math.max(1, ...data.cells.flat().map((v) => v ?? 0)));
  const header = data.columns.map((c, j) => label(labelWidth + j * cellWidth + cellWidth / 2, 15, clip(c, 14), 'text-anchor="middle" font-weight="700"')).join('');
  const rows = data.rows
    .map((row, i) => {
      const y = top + i * cellHeight;
      const cells = data.columns
        .map((_, j) => {
          const value = data.cells[i]?.[j] ?? null;
          const step = scale.step(value);
          const x = labelWidth + j * cellWidth;
          return (
            `<rect x="${num(x)}" y="${num(y)}" width="${num(cellWidth)}" height="${cellHeight}" fill="${SHADES[step]}" stroke="${PALETTE.grid}"/>` +
            label(x + cellWidth / 2, y + 16, scale.text(value), `text-anchor="middle"${step >= 3 ? ' fill="#ffffff" font-weight="700"' : ''}`)
          );
        })
        .join('');
      return `<g class="heat-row">${label(labelWidth - 8, y + 16, clip(row, 25), 'text-anchor="end"')}${cells}</g>`;
    })
    .join('');
  return frame({ ...options, width }, top + data.rows.length * cellHeight + 4, header + rows);
}
