/**
 * `-o report.pdf`: the HTML report printed by a Chromium or Chrome already on this machine (found in
 * $CHROME_PATH or on PATH), run headless as a child process. Nothing is downloaded. The dates the
 * browser stamps into the PDF are set to the as-of date, so the same inputs give the same bytes
 * (as far as the browser's own output is stable; see the README).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from '../errors.js';
import { PAGE_SIZE_CSS } from './paper.js';
import type { Paper } from './paper.js';

/** Names the browser goes by on Linux, macOS (via PATH) and Windows. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to print with: $CHROME_PATH when set, else the first of the usual names on PATH. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of BROWSER_NAMES) for (const dir of dirs) for (const suffix of suffixes) if (executable(join(dir, name + suffix))) return join(dir, name + suffix);
  return undefined;
}

export const NO_BROWSER =
  'cannot write a PDF: no Chromium or Chrome found (set CHROME_PATH or put chromium on PATH); or write the HTML report (-o report.html) and print it from a browser';

/** `D:20261122000000Z`-style dates the PDF carries, replaced at the same length so the file's offsets stay right. */
export function fixPdfDates(pdf: Buffer, asOf: string): Buffer {
  const stamp = asOf.replace(/-/g, '');
  const text = pdf.toString('latin1').replace(/\((D:)(\d{8})(\d{6})([^)]*)\)/g, (_m, d: string, _date: string, _time: string, zone: string) => `(${d}${stamp}000000${zone.replace(/[0-9]/g, '0')})`);
  return Buffer.from(text, 'latin1');
}

/** Prints the HTML to PDF; a missing or failing browser is a one-line error (exit 2), and nothing is written. */
export async function printPdf(html: string, asOf: string, paper: Paper): Promise<Buffer> {
  const browser = findBrowser();
  if (!browser) throw new CliError(NO_BROWSER);
  const dir = mkdtempSync(join(tmpdir(), 'breachready-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    // The page size goes in as one more stylesheet of ours (the page's CSP allows inline styles).
    writeFileSync(page, html.replace('</head>', `<style>${PAGE_SIZE_CSS[paper]}</style>\n</head>`), { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to run as root with its sandbox (containers, CI); the page has no script anyway.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new CliError(`cannot write a PDF: ${browser} failed (${error.code ?? error.signal ?? 'error'}): ${String(stderr).trim().split('\n').at(-1) ?? ''}`));
        else resolve();
      });
    });
    let pdf: Buffer;
    try {
      pdf = readFileSync(out);
    } catch {
      throw new CliError(`cannot write a PDF: ${browser} printed nothing`);
    }
    return fixPdfDates(pdf, asOf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
