/**
 * The methodology in HTML, from the same generated text as the Markdown report (so it cannot drift
 * from the scoring). That text is ours, built from constants: only bold, emphasis, code spans and
 * simple tables occur in it, and it is escaped before those few marks are turned into tags.
 */
import type { Level } from '../../checklist/schema.js';
import { methodology } from '../markdown.js';
import { el, table, text } from './markup.js';
import type { Html } from './markup.js';

function inline(markdown: string): Html {
  return text(markdown.replace(/\\([\\`*_[\]!~|#<>&$])/g, '$1'))
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

function markdownTable(block: string, caption: string): Html {
  const rows = block.split('\n').map((row) => row.replace(/^\| | \|$/g, '').split(' | '));
  const [headers, delimiter, ...body] = rows;
  const numeric = delimiter!.flatMap((d, i) => (d.endsWith(':') ? [i] : []));
  return table(caption, headers!, body.map((row) => row.map((cell) => ({ html: inline(cell) }))), numeric);
}

export function methodologyHtml(level: Level): Html {
  const blocks = methodology(level).split('\n\n');
  return blocks
    .map((block, i) => {
      if (!block.startsWith('|')) return el('p', {}, inline(block));
      // The paragraph before a table introduces it ("**Weights.** Each question ..."): its bold lead names it.
      const lead = /^\*\*([^*]+?)\.?\*\*/.exec(blocks[i - 1] ?? '')?.[1] ?? 'Table';
      return markdownTable(block, lead);
    })
    .join('');
}
