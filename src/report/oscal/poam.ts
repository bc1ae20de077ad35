/**
 * OSCAL 1.2.3 plan of action and milestones (`-o plan.oscal-poam.json`): one item per open gap,
 * linked to its finding, observation and risk (the same elements, with the same ids, as in the
 * assessment results). Pure and deterministic.
 */
import type { Assessment, QuestionResult } from '../../scoring/model.js';
import { nonEmpty, props } from './common.js';
import { jsonText, oscalJson } from './layout.js';
import { oscalElements } from './elements.js';
import type { OscalOptions } from './assessment-results.js';

/** The POA&M document as data. */
export function planOfActionAndMilestones(assessment: Assessment, { tool }: OscalOptions) {
  const open = assessment.openGaps;
  const elements = oscalElements(assessment, tool, open);
  const { ids } = elements;
  const organization = assessment.organization ? `: ${assessment.organization}` : '';
  const pick = <T>(map: Map<QuestionResult, T>) => open.flatMap((gap) => map.get(gap) ?? []);
  const item = (gap: QuestionResult, index: number) => {
    const roadmap = elements.roadmap.get(gap);
    // Every open gap has a risk, whose title and remediation the item repeats (already escaped).
    const linked = elements.gaps.get(gap)!;
    return {
      uuid: ids('poam-item', gap.globalId),
      title: linked.title,
      description: linked.remediation,
      props: props([
        ['question-id', gap.globalId],
        ['priority', index + 1],
        ['severity', gap.question.severity],
        ['roadmap-window', roadmap?.window],
        ['target', roadmap?.target],
        ['owner', gap.answer?.owner],
      ]),
      'related-findings': [{ 'finding-uuid': linked.finding }],
      ...(linked.observation && { 'related-observations': [{ 'observation-uuid': linked.observation }] }),
      'related-risks': [{ 'risk-uuid': linked.risk }],
    };
  };
  // The model needs at least one item: with no open gap, one says so.
  const items = open.length
    ? open.map((gap, index) => jsonText(item(gap, index)))
    : [{ uuid: ids('poam-item'), title: 'No open gaps', description: `No open gap as of ${assessment.asOf}: nothing to plan.` }];
  const resources = pick(elements.evidenceResources).flat();
  return {
    'plan-of-action-and-milestones': {
      uuid: ids('poam'),
      metadata: elements.metadata(`breachready remediation plan${organization}`),
      'system-id': { 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: ids('system') },
      'local-definitions': { components: [elements.toolComponent] },
      observations: nonEmpty(pick(elements.observations)),
      risks: nonEmpty(pick(elements.risks)),
      findings: nonEmpty(pick(elements.findings)),
      'poam-items': items,
      ...(resources.length && { 'back-matter': { resources } }),
    },
  };
}

/** Renders the POA&M (see layout.ts). */
export function renderOscalPoam(assessment: Assessment, options: OscalOptions): string {
  return oscalJson(planOfActionAndMilestones(assessment, options));
}
