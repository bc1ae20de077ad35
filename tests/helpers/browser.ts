/**
 * A real headless Chromium for the HTML report's tests: the one the CLI itself would print with
 * ($CHROME_PATH or chromium/chrome on PATH), driven by puppeteer-core. Nothing is downloaded: with
 * no browser the tests skip and say why, except when BROWSER_REQUIRED (CI; .ci/run installs Debian's
 * chromium), where a missing browser fails them.
 */
import { spawnSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { findBrowser } from '../../src/report/pdf.js';

export const BROWSER_PATH = findBrowser();
export const NO_BROWSER = 'no Chromium or Chrome on this machine (install the chromium package or set CHROME_PATH; .ci/run installs it)';
/** CI and .ci/run promise a browser (and pdftotext): there, a missing one fails the tests instead of skipping them. */
export const BROWSER_REQUIRED = Boolean(process.env.CI || process.env.BREACHREADY_REQUIRE_BROWSER);
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/** Launches the browser; under CI a missing one is an error, not a skip. */
export async function launch(): Promise<Browser> {
  if (!BROWSER_PATH) throw new Error(NO_BROWSER);
  // Chromium's sandbox refuses to run as root (containers, CI runners).
  return puppeteer.launch({ executablePath: BROWSER_PATH, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [], headless: true });
}

export interface PageLog {
  /** Console messages and page errors, as text. */
  console: string[];
  /** Every request but the page itself. */
  requests: string[];
}

/**
 * Opens a file and records what it logs and asks for: request interception blocks and lists every
 * request after the document (a self-contained report makes none).
 */
export async function openLogged(browser: Browser, url: string, viewport = { width: 1000, height: 1300 }): Promise<{ page: Page; log: PageLog; loadMs: number }> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const log: PageLog = { console: [], requests: [] };
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log.console.push(`pageerror: ${String(error)}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url && request.isNavigationRequest()) return void request.continue();
    log.requests.push(request.url());
    void request.abort();
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = performance.now() - started;
  return { page, log, loadMs };
}

/** Standard deviation of the grey level of a PNG, measured in a blank page of the same browser. */
export async function pixelDeviation(browser: Browser, png: Uint8Array): Promise<number> {
  const page = await browser.newPage();
  try {
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    // Runs in the browser (the project's TypeScript has no DOM types, so it is passed as text).
    return (await page.evaluate(`(async () => {
      const image = new Image();
      image.src = ${JSON.stringify(dataUrl)};
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let sum = 0, squares = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
        sum += grey;
        squares += grey * grey;
      }
      return Math.sqrt(squares / n - (sum / n) ** 2);
    })()`)) as number;
  } finally {
    await page.close();
  }
}

/** Every element as `tag[attribute names]`, the shape of a DOM without its text. */
export async function domShape(page: Page): Promise<string[]> {
  return (await page.evaluate(
    `[...new Set([...document.querySelectorAll('*')].map((e) => e.tagName.toLowerCase() + '[' + [...e.attributes].map((a) => a.name).sort().join(',') + ']'))].sort()`,
  )) as string[];
}
