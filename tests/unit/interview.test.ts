import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { input, select } from '@inquirer/prompts';
import { parseMaxAge } from '../../src/answers/freshness.js';
import type { Answer, EvidenceItem } from '../../src/answers/model.js';
import { CliError } from '../../src/errors.js';
import { buildCatalog } from '../../src/catalog.js';
import { runInterview } from '../../src/interview/interview.js';
import type { EvidenceIO } from '../../src/interview/interview.js';
import { revisitPlan } from '../../src/interview/revisit.js';
import { cleanPrompter } from '../../src/interview/prompter.js';
import type { Choice, Prompter } from '../../src/interview/prompter.js';
import { inputConfig, selectConfig } from '../../src/interview/prompts.js';
import { answers, checklist, question } from '../helpers/build.js';

const catalog = buildCatalog([
  checklist('c', [
    question('gate', { gate: true }),
    question('a', { when: { question: 'gate', is: 'yes' } }),
    question('b', { level: 2 }),
    question('c'),
  ]),
]);

/** A prompter that plays a script of replies and records what was asked. */
function scripted(replies: (string | number)[]) {
  const asked: string[] = [];
  const printed: string[] = [];
  const offered: string[][] = [];
  const prompter: Prompter = {
    async select<T>(message: string, choices: Choice<T>[], defaultValue?: T) {
      asked.push(`select:${message}${defaultValue === undefined ? '' : ` [${String(defaultValue)}]`}`);
      offered.push(choices.filter((c) => !c.separator).map((c) => c.name));
      const reply = replies.shift();
      if (reply === undefined) throw Object.assign(new Error('script ended'), { name: 'ExitPromptError' });
      const choice = choices.find((c) => !c.separator && c.value === reply);
      if (!choice || choice.disabled) throw new Error(`no enabled choice ${String(reply)} for ${message}`);
      return choice.value;
    },
    async input(message) {
      asked.push(`input:${message}`);
      const reply = replies.shift();
      if (reply === undefined) throw Object.assign(new Error('script ended'), { name: 'ExitPromptError' });
      return String(reply);
    },
    async confirm() {
      return true;
    },
    print: (text) => printed.push(text),
  };
  return { prompter, asked, printed, offered };
}

function recorder() {
  const saved: [string, Answer][] = [];
  return { saved, save: (id: string, answer: Answer) => void saved.push([id, { ...answer }]) };
}

const options = { level: 3 as const, review: false, color: false, width: 80 };

describe('runInterview()', () => {
  it('asks every applicable question in order and saves each answer at once', async () => {
    const { prompter, asked } = scripted(['yes', 'partial', 'only on laptops', 'no', '', 'unknown', '']);
    const { saved, save } = recorder();
    const given = answers({});
    const outcome = await runInterview(catalog, given, options, { prompter, save });
    expect(asked.filter((a) => a.startsWith('select')).length).toBe(4);
    expect(saved).toEqual([
      ['c/gate', { value: 'yes' }],
      ['c/a', { value: 'partial' }],
      ['c/a', { value: 'partial', note: 'only on laptops' }],
      ['c/b', { value: 'no' }],
      ['c/c', { value: 'unknown' }],
    ]);
    expect(outcome).toEqual({ asked: 4, skipped: 0 });
  });

  it('skips `when` questions that do not apply given the answers so far', async () => {
    const { prompter, asked } = scripted(['no', 'yes', 'yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, answers({}), options, { prompter, save });
    expect(saved.map(([id]) => id)).toEqual(['c/gate', 'c/b', 'c/c']);
    expect(asked.join('\n')).not.toContain('Is a in place?');
  });

  it('honours the level', async () => {
    const { prompter } = scripted(['yes', 'yes', 'yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, answers({}), { ...options, level: 1 }, { prompter, save });
    expect(saved.map(([id]) => id)).toEqual(['c/gate', 'c/a', 'c/c']);
  });

  it('requires a note for not applicable', async () => {
    const { prompter, asked } = scripted(['yes', 'na', 'we have no laptops', 'yes', 'yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, answers({}), options, { prompter, save });
    expect(asked).toContain('input:Why does it not apply here? (required)');
    expect(saved[1]).toEqual(['c/a', { value: 'na', note: 'we have no laptops' }]);
  });

  it('goes back to the previous question and skips for now', async () => {
    const { prompter, asked } = scripted(['yes', 'back', 'no', 'skip', 'yes', 'yes']);
    const { saved, save } = recorder();
    const outcome = await runInterview(catalog, answers({}), options, { prompter, save });
    // gate yes, back to gate -> no (a no longer applies), b skipped, c yes.
    expect(saved.map(([id, a]) => `${id}=${a.value}`)).toEqual(['c/gate=yes', 'c/gate=no', 'c/c=yes']);
    expect(outcome.skipped).toBe(1);
    expect(asked.filter((a) => a.includes('Is gate in place?'))).toHaveLength(2);
  });

  it('resumes at the first unanswered question', async () => {
    const { prompter, asked } = scripted(['yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, answers({ 'c/gate': 'yes', 'c/a': 'yes', 'c/b': 'no' }), options, { prompter, save });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Is c in place?');
    expect(saved.map(([id]) => id)).toEqual(['c/c']);
  });

  it('--review walks every question with the current answer preselected and keeps notes', async () => {
    const given = answers({ 'c/gate': 'yes', 'c/a': { value: 'partial', note: 'half done', evidence: [{ text: 'TICKET-1' }] }, 'c/b': 'no', 'c/c': 'yes' });
    const { prompter, asked } = scripted(['yes', 'partial', 'replace', 'half done, rest in Q1', 'no', '', 'yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, given, { ...options, review: true }, { prompter, save });
    const preselected = asked.filter((a) => a.startsWith('select:Is')).map((a) => /\[(\w+)\]$/.exec(a)?.[1]);
    expect(preselected).toEqual(['yes', 'partial', 'no', 'yes']);
    expect(saved[1]).toEqual(['c/a', { value: 'partial', note: 'half done, rest in Q1', evidence: [{ text: 'TICKET-1' }] }]);
  });

  it('offers a scoping (gate) question Yes, No and Don\'t know only, besides help, skip and back', async () => {
    const { prompter, offered, printed } = scripted(['yes', 'partial', 'x']);
    await runInterview(catalog, answers({}), options, { prompter, save: () => undefined }).catch(() => undefined);
    // Its header says it is a scoping question, not a severity it is never scored at.
    expect(printed.find((p) => p.includes('c/gate'))).toMatch(/SCOPING · level 1 · c\/gate/);
    expect(printed.find((p) => p.includes('c/a'))).toMatch(/MEDIUM · level 1 · c\/a/);
    expect(offered[0]).toEqual(['Yes', 'No', "Don't know", 'Help: what a good answer looks like, and why it matters', 'Skip for now', 'Back to the previous question']);
    expect(offered[1]).toContain('Partly');
    expect(offered[1]).toContain('Not applicable');
  });

  it('Back goes to the question before in checklist order, and forward walks every question again up to where the person was', async () => {
    const ordered = buildCatalog([
      checklist('c', [question('q1'), question('gate', { gate: true }), question('a', { when: { question: 'gate', is: 'yes' } }), question('b'), question('c')]),
    ]);
    // q1 yes, gate no (a hidden), b yes, then at c: Back x3 to q1; forward: q1, gate now yes (a appears), a, b, c.
    const { prompter, asked } = scripted(['yes', 'no', 'yes', 'back', 'back', 'back', 'yes', 'yes', 'no', '', 'yes', 'yes']);
    const { saved, save } = recorder();
    await runInterview(ordered, answers({}), options, { prompter, save });
    const questions = asked.filter((a) => a.startsWith('select:Is')).map((a) => /Is (\w+) in place/.exec(a)?.[1]);
    expect(questions).toEqual(['q1', 'gate', 'b', 'c', 'b', 'gate', 'q1', 'gate', 'a', 'b', 'c']);
    expect(saved.map(([id, a]) => `${id}=${a.value}`).slice(-5)).toEqual(['c/q1=yes', 'c/gate=yes', 'c/a=no', 'c/b=yes', 'c/c=yes']);
  });

  it('after going back in a resumed sitting, Back never repeats a question and forward never jumps over one', async () => {
    const { prompter, asked } = scripted(['back', 'yes', 'back', 'back', 'yes', 'yes', 'yes', 'yes']);
    const { save } = recorder();
    await runInterview(catalog, answers({ 'c/gate': 'no', 'c/b': 'yes' }), options, { prompter, save });
    const questions = asked.filter((a) => a.startsWith('select:Is')).map((a) => /Is (\w+) in place/.exec(a)?.[1]);
    // c, back to b, b answered -> c, back to b, back to gate, gate yes -> a (now applies) -> b -> c.
    expect(questions).toEqual(['c', 'b', 'c', 'b', 'gate', 'a', 'b', 'c']);
  });

  it('a changed answer shows its old note and the person keeps, replaces or clears it', async () => {
    const given = () => answers({ 'c/gate': 'yes', 'c/a': { value: 'no', note: 'Passwords live in a shared spreadsheet' }, 'c/b': 'yes', 'c/c': 'yes' });
    const review = { ...options, review: true };
    const cleared = scripted(['yes', 'yes', 'clear', 'yes', 'yes']);
    const clearing = recorder();
    await runInterview(catalog, given(), review, { prompter: cleared.prompter, save: clearing.save });
    expect(cleared.printed.join('')).toContain('Note (written for the answer no): "Passwords live in a shared spreadsheet"');
    expect(cleared.asked).toContain('select:Keep this note? [keep]');
    expect(clearing.saved.at(-3)).toEqual(['c/a', { value: 'yes' }]);
    expect(clearing.saved.at(-3)?.[1]).not.toHaveProperty('note', expect.anything());

    const emptied = scripted(['yes', 'partial', 'replace', '', 'yes', 'yes']);
    const emptying = recorder();
    await runInterview(catalog, given(), review, { prompter: emptied.prompter, save: emptying.save });
    expect(emptied.asked).toContain('input:Note (optional: what is in place, what is missing; Enter on an empty line: no note)');
    expect(emptying.saved.at(-3)?.[1].note).toBeUndefined();

    const kept = scripted(['yes', 'yes', 'keep', 'yes', 'yes']);
    const keeping = recorder();
    await runInterview(catalog, given(), review, { prompter: kept.prompter, save: keeping.save });
    expect(keeping.saved.at(-3)).toEqual(['c/a', { value: 'yes', note: 'Passwords live in a shared spreadsheet' }]);
  });

  it('saves the answer chosen before asking for its note, so Ctrl-C at the note keeps it', async () => {
    const { prompter } = scripted(['yes', 'no']);
    const { saved, save } = recorder();
    await expect(runInterview(catalog, answers({}), options, { prompter, save })).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(saved).toEqual([
      ['c/gate', { value: 'yes' }],
      ['c/a', { value: 'no' }],
    ]);
  });

  it('stops on Ctrl-C after saving what was answered', async () => {
    const { prompter } = scripted(['yes']);
    const { saved, save } = recorder();
    await expect(runInterview(catalog, answers({}), options, { prompter, save })).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(saved).toEqual([['c/gate', { value: 'yes' }]]);
  });
});

describe('runInterview(): evidence and --revisit', () => {
  const graded = buildCatalog([
    checklist('e', [question('gate', { gate: true, severity: 'critical' }), question('crit', { severity: 'critical' }), question('high', { severity: 'high' }), question('med')]),
  ]);
  /** An evidence port that takes links and `ok.pdf`, refuses anything else, and records what it saves. */
  function evidencePort() {
    const recorded: [string, EvidenceItem][] = [];
    const evidence: EvidenceIO = {
      async fromInput(text) {
        if (text.startsWith('https://')) return { href: text };
        if (text === 'ok.pdf') return { path: text, sha256: 'a'.repeat(64), collected: '2026-11-22' };
        throw new CliError(`evidence file not found: "${text}"`);
      },
      save: (id, item) => void recorded.push([id, item]),
    };
    return { recorded, evidence };
  }

  it('offers one optional evidence prompt after a yes or partial to a high or critical question only', async () => {
    const { prompter, asked } = scripted(['yes', 'yes', 'https://wiki.example/mfa', 'partial', '', '', 'yes']);
    const { evidence, recorded } = evidencePort();
    const given = answers({});
    await runInterview(graded, given, options, { prompter, save: recorder().save, evidence });
    const prompts = asked.filter((a) => a.startsWith('input:Evidence'));
    // crit (yes) and high (partial): asked; the scoping question and the medium one: not.
    expect(prompts).toHaveLength(2);
    expect(recorded).toEqual([['e/crit', { href: 'https://wiki.example/mfa' }]]);
    expect(given.answers.get('e/crit')?.evidence).toEqual([{ href: 'https://wiki.example/mfa' }]);
  });

  it('refuses input that cannot be evidence with its reason, and asks again', async () => {
    const { prompter, printed } = scripted(['no', 'yes', 'missing.pdf', 'ok.pdf', 'no', '', 'no', '']);
    const { evidence, recorded } = evidencePort();
    await runInterview(graded, answers({}), options, { prompter, save: recorder().save, evidence });
    expect(printed.join('')).toContain('evidence file not found: "missing.pdf"');
    expect(recorded).toEqual([['e/crit', { path: 'ok.pdf', sha256: 'a'.repeat(64), collected: '2026-11-22' }]]);
  });

  it('--revisit asks only the questions due, showing the old answer, its note, evidence and age first', async () => {
    const given = answers({
      'e/gate': { value: 'yes', answered: '2026-11-01' },
      'e/crit': { value: 'yes', answered: '2025-10-01', by: 'Jane Doe', note: 'all admins', evidence: [{ href: 'https://a.example', expires: '2026-01-01' }] },
      'e/high': { value: 'no', answered: '2026-11-01' },
    });
    const plan = revisitPlan(graded.entries, given.answers, '2026-11-22', parseMaxAge('12m'));
    const { prompter, asked, printed } = scripted(['yes', '', 'yes']);
    const { saved, save } = recorder();
    await runInterview(graded, given, { ...options, revisit: plan, asOf: '2026-11-22' }, { prompter, save, evidence: evidencePort().evidence });
    // e/crit (stale, expired evidence, unverified) and e/med (unanswered): e/gate and e/high are fresh.
    expect(asked.filter((a) => a.startsWith('select'))).toEqual(['select:Is crit in place? [yes]', 'select:Is med in place?']);
    expect(saved.map(([id]) => id)).toEqual(['e/crit', 'e/med']);
    // Re-confirmed: dated on the day of the sitting, in memory as in the file.
    expect(given.answers.get('e/crit')?.answered).toBe('2026-11-22');
    expect(printed.join('')).toContain(
      [
        '  Asked again: stale, expired evidence, unverified.',
        '  Last answer: yes (answered 2025-10-01, 417 days ago by Jane Doe)',
        '  Note: "all admins"',
        '  Evidence: https://a.example (expired 2026-01-01)',
      ].join('\n'),
    );
  });
});

describe('the terminal prompts (@inquirer/testing)', () => {
  const choices: Choice<string>[] = [
    { name: 'Yes', value: 'yes' },
    { name: 'Partly', value: 'partial' },
    { name: '', value: 'sep', separator: true },
    { name: 'Back', value: 'back', disabled: '(first)' },
  ];

  it('select: arrows move, Enter answers, the default is preselected', async () => {
    const { answer, events, getScreen } = await render(select, selectConfig('Is MFA on?', choices, 'partial'));
    expect(getScreen()).toContain('❯ Partly');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe('yes');
  });

  it('select: a disabled choice shows why and cannot be picked', async () => {
    const { answer, events, getScreen } = await render(select, selectConfig('Is MFA on?', choices));
    expect(getScreen()).toContain('(first)');
    events.keypress('down');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toContain('❯ Back (first)');
    events.keypress('enter');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe('partial');
  });

  it('input: a required note refuses a blank answer', async () => {
    const { answer, events, getScreen, nextRender } = await render(input, inputConfig('Why?', { required: true }));
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toMatch(/justification|required/i);
    events.type('no laptops');
    events.keypress('enter');
    await expect(answer).resolves.toBe('no laptops');
  });
});

describe('cleanPrompter(): the one door to the screen', () => {
  const evil = '\u001b]0;PWNED\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m \u202eRLO';
  const raw = /\u001b(?!\[[0-9;]*m)|\u0007|[\u0080-\u009f]|\u202e/;

  it('strips control sequences from messages, choices, defaults and printed lines, keeping colour codes', async () => {
    const seen: string[] = [];
    const inner: Prompter = {
      async select<T>(message: string, choices: Choice<T>[]) {
        seen.push(message, ...choices.flatMap((c) => [c.name, c.description ?? '', typeof c.disabled === 'string' ? c.disabled : '']));
        return choices[0]!.value;
      },
      async input(message, options) {
        seen.push(message, options?.default ?? '');
        return '';
      },
      async confirm(message) {
        seen.push(message);
        return true;
      },
      print: (text) => void seen.push(text),
    };
    const clean = cleanPrompter(inner);
    await clean.select(`ask ${evil}`, [{ name: `name ${evil}`, value: 1, description: `d ${evil}`, disabled: `x ${evil}` }]);
    await clean.input(`note ${evil}`, { default: `old ${evil}` });
    await clean.confirm(`sure ${evil}?`, true);
    clean.print(`\u001b[1mbold\u001b[22m ${evil}\n`);
    for (const text of seen) expect(text).not.toMatch(raw);
    expect(seen).toContain('old RLO');
    expect(seen.at(-1)).toBe('\u001b[1mbold\u001b[22m  RLO\n');
  });
});
