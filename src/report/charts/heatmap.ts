/** A heat map: rows × columns, each cell shaded by its count and the count written in it. */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface HeatMapData {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column]. */
  cells: readonly (readonly number[])[];
}

/** Five steps from white to the accent: the shade only repeats what the number says. */
const SHADES = ['#ffffff', '#fde2d4', '#f6b08f', '#e0703f', '#a83a12'];

export function heatMapChart(data: HeatMapData, options: ChartOptions): string {
  const width = options.width ?? 560;
  const labelWidth = 190;
  const cellWidth = (width - labelWidth) / Math.max(data.columns.length, 1);
  const cellHeight = 24;
  const top = 22;
  const max = Math.max(1, ...data.cells.flat());
  const header = data.columns.map((c, j) => label(labelWidth + j * cellWidth + cellWidth / 2, 15, clip(c, 14), 'text-anchor="middle" font-weight="700"')).join('');
  const rows = data.rows
    .map((row, i) => {
      const y = top + i * cellHeight;
      const cells = data.columns
        .map((_, j) => {
          const count = data.cells[i]?.[j] ?? 0;
          const step = count === 0 ? 0 : 1 + Math.min(3, Math.floor(((count - 1) / max) * 4));
          const x = labelWidth + j * cellWidth;
          return (
            `<rect x="${num(x)}" y="${num(y)}" width="${num(cellWidth)}" height="${cellHeight}" fill="${SHADES[step]}" stroke="${PALETTE.grid}"/>` +
            label(x + cellWidth / 2, y + 16, count === 0 ? '·' : String(count), `text-anchor="middle"${step >= 3 ? ' fill="#ffffff" font-weight="700"' : ''}`)
          );
        })
        .join('');
      return `<g class="heat-row">${label(labelWidth - 8, y + 16, clip(row, 25), 'text-anchor="end"')}${cells}</g>`;
    })
    .join('');
  return frame({ ...options, width }, top + data.rows.length * cellHeight + 4, header + rows);
}
