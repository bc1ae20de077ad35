/**
 * OSCAL 1.2.3 assessment results (`-o results.oscal-ar.json`): one result for the interview, with
 * the SP 800-53 controls reviewed, an observation per answered question, a finding per scored
 * question and a risk per gap. Valid against NIST's JSON Schema (tests check it, and the
 * references the schema cannot check). Pure and deterministic: ids are version 5 UUIDs.
 */
import type { Assessment } from '../../scoring/model.js';
import type { ToolInfo } from '../json.js';
import { markupLine, markupMultiline, nonEmpty, startOfDay } from './common.js';
import { oscalJson } from './layout.js';
import { oscalElements, resultProps } from './elements.js';

export interface OscalOptions {
  tool: ToolInfo;
}

/** The assessment results document as data. */
export function assessmentResults(assessment: Assessment, { tool }: OscalOptions) {
  const elements = oscalElements(assessment, tool);
  const { ids } = elements;
  const organization = assessment.organization ? `: ${assessment.organization}` : '';
  const checklists = assessment.checklists.map((c) => c.checklist.title).join(', ');
  const controls = elements.controlTokens.map((id) => ({ 'control-id': id }));
  return {
    'assessment-results': {
      uuid: ids('assessment-results'),
      metadata: elements.metadata(`breachready readiness assessment${organization}`),
      'import-ap': {
        href: `#${elements.interviewResource.uuid as string}`,
        remarks: 'breachready has no separate assessment plan: the back-matter resource describes the interview.',
      },
      results: [
        {
          uuid: ids('result'),
          title: markupLine(`Interview as of ${assessment.asOf}`, 'Interview'),
          description: markupMultiline(`Self-assessment by interview with breachready against ${checklists || 'no checklist'}.`, 'Self-assessment by interview.'),
          start: startOfDay(assessment.date ?? assessment.asOf),
          props: resultProps(assessment),
          'local-definitions': { components: [elements.toolComponent] },
          'reviewed-controls': {
            'control-selections': [
              controls.length
                ? { 'include-controls': controls }
                : // No question maps to SP 800-53: an empty selection (every control excluded) rather than a claim to have reviewed all.
                  { description: 'No question of this assessment maps to an SP 800-53 control.', 'include-all': {}, 'exclude-controls': [{ 'control-id': 'none' }] },
            ],
          },
          observations: nonEmpty([...elements.observations.values()]),
          findings: nonEmpty([...elements.findings.values()]),
          risks: nonEmpty([...elements.risks.values()]),
        },
      ],
      'back-matter': { resources: [elements.interviewResource, ...[...elements.evidenceResources.values()].flat()] },
    },
  };
}

/** Renders the assessment results (see layout.ts). */
export function renderOscalAssessmentResults(assessment: Assessment, options: OscalOptions): string {
  return oscalJson(assessmentResults(assessment, options));
}
