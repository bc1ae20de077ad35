/**
 * The frame every chart shares: an accessible `<svg role="img">` with a title and a description,
 * numbers written the same way every time (so a report is byte-identical), and the palette.
 * Pure string building; untrusted labels go through escapeHtml here and nowhere else in the charts.
 */
import { escapeHtml } from '../../text.js';

export interface ChartOptions {
  /** Unique in the page: the title and description ids derive from it. Must be our own, never input. */
  id: string;
  /** Read by screen readers and shown as a tooltip; may contain untrusted text (escaped). */
  title: string;
  desc: string;
  width?: number;
}

/** Colours readable on white and in greyscale print; meaning is always carried by text too. */
export const PALETTE = {
  ink: '#1a1a1a',
  muted: '#595959',
  grid: '#c8c8c8',
  accent: '#1f5fa8',
  accentFill: '#1f5fa833',
  good: '#2e7d32',
  severity: { critical: '#8b1a1a', high: '#c2410c', medium: '#a16207', low: '#4b5563' },
} as const;

/** A coordinate or length with at most one decimal, `-0` written as `0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** Untrusted text for an SVG text node or attribute. */
export const esc = escapeHtml;

/** A label cut to `max` characters with an ellipsis (the full text is in the table beside the chart). */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** `<text>` at a point; `content` is untrusted and escaped. */
export function label(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${esc(content)}</text>`;
}

/** The outer element: role, labelled by its title and description, scalable by its viewBox. */
export function frame(options: ChartOptions, height: number, body: string): string {
  const width = options.width ?? 400;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${esc(options.id)}" role="img" viewBox="0 0 ${num(width)} ${num(height)}" ` +
    `width="${num(width)}" height="${num(height)}" aria-labelledby="${esc(titleId)} ${esc(descId)}" font-family="inherit" font-size="12" fill="${PALETTE.ink}">` +
    `<title id="${esc(titleId)}">${esc(options.title)}</title><desc id="${esc(descId)}">${esc(options.desc)}</desc>${body}</svg>`
  );
}
