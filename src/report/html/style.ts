/**
 * The report's stylesheet, inline (the CSP forbids loading anything). Screen and print: A4 and
 * Letter both fit (margins, not a fixed page size), the summary on page one, each section on a new
 * page, table headers repeated, charts and rows never cut, page numbers in the footer margin box.
 */
export const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #c8c8c8; --accent: #1f5fa8; --band: #f3f5f8; }
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; color: var(--muted); }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--band); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.date { white-space: nowrap; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0 1rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; align-items: start; }
.chart-figure.wide { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: center; margin: 1rem 0; }
figure { margin: 0; }
.small-chart figcaption { font-size: .8rem; font-weight: 600; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .5rem; margin: .5rem 0 1rem; }
.chart { max-width: 100%; height: auto; display: block; }
.chart-data table { font-size: .78rem; }
.sev { font-weight: 700; }
.sev-critical { color: #8b1a1a; } .sev-high { color: #b23a0b; } .sev-medium { color: #7a4a00; } .sev-low { color: #4b5563; }
.gap { border-left: 4px solid var(--rule); padding-left: .8rem; margin: 1rem 0; }
.gap dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
.gap dt { font-weight: 600; } .gap dd { margin: 0; }
.prose { white-space: pre-line; }
.toc ol { columns: 2; }
.scope { background: var(--band); padding: .5rem .9rem; border-left: 4px solid var(--accent); }
.scope p { margin: .25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A report of thousands of questions opens fast: off-screen sections are laid out only when scrolled to. */
@media screen { main > section:not(#summary) { content-visibility: auto; contain-intrinsic-size: auto 1200px; } }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }

@page { margin: 14mm 12mm 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #595959; } }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  section { break-before: page; }
  #summary { break-before: avoid; }
  #summary h2 { margin-top: .6rem; }
  #summary .chart-data { display: none; }
  #summary .overview { grid-template-columns: 1.5fr 1fr 1fr; gap: .5rem; }
  #summary .chart { max-height: 38mm; margin: 0 auto; }
  #summary .chart-figure.wide { display: block; margin: .2rem 0; }
  #summary .chart-figure.wide .chart { max-height: 54mm; }
  #summary .meta { grid-template-columns: max-content 1fr; font-size: 9pt; }
  #summary h3 { margin: .4rem 0 .1rem; font-size: 10.5pt; }
  .scope { break-inside: avoid; padding: .2rem .8rem; font-size: 9pt; }
  #summary .meta { margin: .2rem 0; }
  #summary p, #summary li { margin: .1rem 0; font-size: 9.5pt; }
  .toc { display: none; }
  thead { display: table-header-group; }
  tr, figure, .chart, .gap dl, h2, h3, h4 { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
`;
