import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { input, select } from '@inquirer/prompts';
import type { Answer } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import { runInterview } from '../../src/interview/interview.js';
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
  const prompter: Prompter = {
    async select<T>(message: string, choices: Choice<T>[], defaultValue?: T) {
      asked.push(`select:${message}${defaultValue === undefined ? '' : ` [${String(defaultValue)}]`}`);
      const reply = replies.shift();
      if (reply === undefined) throw Object.assign(new Error('script ended'), { name: 'ExitPromptError' });
      const choice = choices.find((c) => !c.separator && c.value === reply);
      if (!choice || choice.disabled) throw new Error(`no enabled choice ${String(reply)} for ${message}`);
      return choice.value;
    },
    async input(message) {
      asked.push(`input:${message}`);
      return String(replies.shift() ?? '');
    },
    async confirm() {
      return true;
    },
    print: (text) => printed.push(text),
  };
  return { prompter, asked, printed };
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
    const given = answers({ 'c/gate': 'yes', 'c/a': { value: 'partial', note: 'half done', evidence: 'TICKET-1' }, 'c/b': 'no', 'c/c': 'yes' });
    const { prompter, asked } = scripted(['yes', 'partial', 'half done, rest in Q1', 'no', '', 'yes']);
    const { saved, save } = recorder();
    await runInterview(catalog, given, { ...options, review: true }, { prompter, save });
    const preselected = asked.filter((a) => a.startsWith('select')).map((a) => /\[(\w+)\]$/.exec(a)?.[1]);
    expect(preselected).toEqual(['yes', 'partial', 'no', 'yes']);
    expect(saved[1]).toEqual(['c/a', { value: 'partial', note: 'half done, rest in Q1', evidence: 'TICKET-1' }]);
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
