import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { input, select } from '@inquirer/prompts';
import type { Answer } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import { runInterview } from '../../src/interview/interview.js';
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
