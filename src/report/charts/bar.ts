/** Horizontal bars, each with its label before it and its value after it. */
import { PALETTE, clip, frame, label, num } from './svg.js';
import type { ChartOptions } from './svg.js';

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar; defaults to the value. */
  valueText?: string;
  /** Fill colour (one of ours, never input); the label says what it means. */
  color?: string;
}

/** A label is cut to this many characters (the table beside the chart has it whole). */
const BAR_LABEL_CHARS = 22;
/** A generous width per character at the chart's 12px font. */
const BAR_CHAR_WIDTH = 7;

export function barChart(bars: readonly Bar[], options: ChartOptions & { max?: number }): string {
  const width = options.width ?? 400;
  // Room for the longest label as drawn, at a generous width per character, so none runs off the left edge.
  const labels = bars.map((bar) => clip(bar.label, BAR_LABEL_CHARS));
  const labelWidth = 12 + BAR_CHAR_WIDTH * Math.max(4, ...labels.map((l) => [...l].length));
  const valueWidth = 44;
  const rowHeight = 26;
  const max = Math.max(options.max ?? 0, ...bars.map((b) => b.value), 1);
  const scale = (width - labelWidth - valueWidth) / max;
  const rows = bars
    .map((bar, i) => {
      const y = 8 + i * rowHeight;
      const length = Math.max(bar.value * scale, bar.value > 0 ? 2 : 0);
      return (
        `<g class="bar">` +
        label(labelWidth - 8, y + 13, labels[i]!, 'text-anchor="end"') +
        `<rect x="${num(labelWidth)}" y="${num(y)}" width="${num(length)}" height="18" fill="${bar.color ?? PALETTE.accent}"/>` +
        label(labelWidth + length + 6, y + 13, bar.valueText ?? String(bar.value), 'font-weight="700"') +
        `</g>`
      );
    })
    .join('');
  const axis = `<line x1="${num(labelWidth)}" y1="4" x2="${num(labelWidth)}" y2="${num(8 + bars.length * rowHeight)}" stroke="${PALETTE.muted}"/>`;
  return frame({ ...options, width }, 12 + bars.length * rowHeight, axis + rows);
}
