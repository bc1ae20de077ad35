/** Invisible characters in ids and messages are shown, so two different ids never look the same. */
import { describe, expect, it } from 'vitest';
import { oneLine, quote, stderrLine } from '../../src/text.js';

describe('invisible characters in messages', () => {
  it.each([
    ['zero-width space', '\u200b', '\\u200b'],
    ['zero-width joiner', '\u200d', '\\u200d'],
    ['left-to-right mark', '\u200e', '\\u200e'],
    ['Arabic letter mark', '\u061c', '\\u061c'],
    ['soft hyphen', '\u00ad', '\\u00ad'],
    ['no-break space', '\u00a0', '\\u00a0'],
    ['narrow no-break space', '\u202f', '\\u202f'],
    ['word joiner', '\u2060', '\\u2060'],
    ['zero-width no-break space', '\ufeff', '\\ufeff'],
    ['tag character', '\u{e0041}', '\\u{e0041}'],
  ])('%s is shown as an escape in quoted ids and in stderr lines', (_what, character, shown) => {
    expect(quote(`unique${character}-credentials`)).toBe(`"unique${shown}-credentials"`);
    expect(stderrLine(`a.yaml:1:1: id unique${character}-credentials`)).toBe(`a.yaml:1:1: id unique${shown}-credentials`);
    expect(oneLine(character)).toBe(shown);
  });

  it('plain text, including letters beyond ASCII, is left alone', () => {
    expect(quote('café naïve – ok')).toBe('"café naïve – ok"');
    expect(stderrLine('plain: text')).toBe('plain: text');
  });
});
