/** Framework coverage, shared by the Markdown and HTML reports: which controls were assessed, which have open gaps. */
import { FRAMEWORKS } from '../checklist/vocabulary.js';
import type { Framework, Refs } from '../checklist/schema.js';
import type { Assessment } from '../scoring/model.js';

export const FRAMEWORK_LABEL: Record<Framework, { short: string; name: string }> = {
  'nist-csf-2': { short: 'CSF', name: 'NIST Cybersecurity Framework 2.0' },
  'cis-v8': { short: 'CIS', name: 'CIS Critical Security Controls v8' },
  'iso-27001-2022': { short: 'ISO', name: 'ISO/IEC 27001:2022 Annex A' },
  'nist-800-53': { short: '800-53', name: 'NIST SP 800-53' },
};

/** `CSF PR.AA-01, PR.AA-05; CIS 5.2; ISO A.5.17; 800-53 IA-5(1)` (untrusted ids: each renderer escapes), or '' when there are none. */
export function refsText(refs: Refs): string {
  return FRAMEWORKS.flatMap((framework) => {
    const ids = refs[framework];
    return ids?.length ? [`${FRAMEWORK_LABEL[framework].short} ${ids.join(', ')}`] : [];
  }).join('; ');
}

export interface FrameworkCoverage {
  framework: Framework;
  /** Controls at least one applicable question maps to. */
  assessed: number;
  /** Controls with an open gap, in natural order. */
  open: string[];
}

/** Natural order for control ids (`5.2` before `15.1`, `AC-2` before `AC-2(9)` before `AC-17`), locale-free. */
export function compareControlIds(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) return Number(p) - Number(q) || p.length - q.length;
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** One row per framework, in the vocabulary's order. */
export function frameworkCoverage(assessment: Pick<Assessment, 'results' | 'openGaps'>): FrameworkCoverage[] {
  return FRAMEWORKS.map((framework) => {
    const assessed = new Set<string>();
    const open = new Set<string>();
    for (const r of assessment.results) for (const id of r.question.refs[framework] ?? []) assessed.add(id);
    for (const r of assessment.openGaps) for (const id of r.question.refs[framework] ?? []) open.add(id);
    return { framework, assessed: assessed.size, open: [...open].sort(compareControlIds) };
  });
}
