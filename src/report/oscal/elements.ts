/**
 * The OSCAL elements of an assessment, built once for both documents: an observation per answered
 * question, a finding per scored question, a risk per gap (with its remediation and milestone from
 * the roadmap), the back-matter resources (the interview, evidence files) and the parties.
 * Pure: the same assessment gives the same elements, ids included.
 */
import type { EvidenceItem } from '../../answers/model.js';
import { hasCurrentEvidence } from '../../answers/freshness.js';
import { STATUSES, isGap } from '../../scoring/model.js';
import type { Assessment, QuestionResult, Status } from '../../scoring/model.js';
import { roadmap, windowLabel } from '../../scoring/roadmap.js';
import type { RoadmapItem } from '../../scoring/roadmap.js';
import { answerSentence, describeAnswer, formatScore } from '../common.js';

import type { ToolInfo } from '../json.js';
import {
  BREACHREADY_NS,
  OSCAL_VERSION,
  compareControlTokens,
  controlToken,
  endOfDay,
  markupLine,
  markupMultiline,
  nonEmpty,
  oscalIds,
  pathReference,
  plain,
  props,
  questionToken,
  refProps,
  startOfDay,
  webReference,
} from './common.js';
import type { Prop } from './common.js';
import { jsonText } from './layout.js';
import type { JsonText } from './layout.js';

const ASSESSOR_ROLE = 'assessor';

/** OSCAL objects as plain data: the schemas (tests) check their shape. A field left undefined is not written (cheaper than spreading). */
type Json = Record<string, unknown>;

export interface OscalElements {
  ids: ReturnType<typeof oscalIds>;
  metadata: (title: string) => Json;
  /** breachready as a component: the tool risks are characterised by. */
  toolComponent: Json;
  interviewResource: Json;
  /** The back-matter resources of each answer's evidence files. */
  evidenceResources: Map<QuestionResult, Json[]>;
  controlTokens: string[];
  /** The elements, each written as it was made (see JsonText). */
  observations: Map<QuestionResult, JsonText>;
  findings: Map<QuestionResult, JsonText>;
  risks: Map<QuestionResult, JsonText>;
  /** What a POA&M item of each gap with a risk repeats or links to. */
  gaps: Map<QuestionResult, GapElements>;
  /** Where the roadmap puts each open gap. */
  roadmap: Map<QuestionResult, RoadmapItem>;
}

/** A gap's risk title and remediation (already escaped) and the uuids of its elements. */
export interface GapElements {
  title: string;
  remediation: string;
  risk: string;
  finding: string;
  observation?: string;
}

/** `satisfied`/`not-satisfied` with OSCAL's reason; a scored question's answer decides it (na: the control does not apply, so nothing is missing). */
const FINDING_STATUS: Record<Status, { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other' }> = {
  yes: { state: 'satisfied', reason: 'pass' },
  na: { state: 'satisfied', reason: 'other' },
  partial: { state: 'not-satisfied', reason: 'fail' },
  no: { state: 'not-satisfied', reason: 'fail' },
  unknown: { state: 'not-satisfied', reason: 'other' },
  unanswered: { state: 'not-satisfied', reason: 'other' },
};

const FINDING_SENTENCE = { satisfied: 'Satisfied.', 'not-satisfied': 'Not satisfied.' } as const;

/** OSCAL implementation states for the answers that say one. */
const IMPLEMENTATION_STATE: Partial<Record<Status, string>> = { yes: 'implemented', partial: 'partial', na: 'not-applicable' };

/** The elements of every applicable question, or of `only` these (the POA&M needs the open gaps' alone). */
export function oscalElements(assessment: Assessment, tool: ToolInfo, only?: readonly QuestionResult[]): OscalElements {
  const ids = oscalIds(assessment.organization);
  const assessor = plain(assessment.assessor ?? '');
  const assessorUuid = ids('assessor');
  const toolUuid = ids('tool');
  const plan = new Map(roadmap(assessment).map((item) => [item.result, item]));
  const evidenceResources = new Map<QuestionResult, Json[]>();
  const observations = new Map<QuestionResult, JsonText>();
  const findings = new Map<QuestionResult, JsonText>();
  const risks = new Map<QuestionResult, JsonText>();
  const gaps = new Map<QuestionResult, GapElements>();
  const controls = new Set<string>();

  const metadata = (title: string): Json => ({
    title: markupLine(title, 'breachready readiness assessment'),
    'last-modified': startOfDay(assessment.asOf),
    version: assessment.asOf,
    'oscal-version': OSCAL_VERSION,
    ...(assessor && {
      roles: [{ id: ASSESSOR_ROLE, title: 'Assessor' }],
      parties: [{ uuid: assessorUuid, type: 'person', name: assessor }],
      'responsible-parties': [{ 'role-id': ASSESSOR_ROLE, 'party-uuids': [assessorUuid] }],
    }),
  });

  const toolComponent: Json = {
    uuid: toolUuid,
    type: 'software',
    title: 'breachready',
    description: 'The breachready command-line tool: it interviewed, scored the answers and wrote this document.',
    props: props([['version', tool.version]]),
    status: { state: 'operational' },
  };

  const checklistList = assessment.checklists.map((c) => `${c.checklist.id} ${c.checklist.version}`).join(', ');
  const interviewResource: Json = {
    uuid: ids('interview'),
    title: 'breachready interview',
    description: markupMultiline(
      `breachready has no separate assessment plan: the assessment is an interview on the questions of these checklists, at level ${assessment.level}: ${checklistList || 'none'}. ` +
        `Each question maps to the controls named in the findings' props.`,
      'The breachready interview.',
    ),
    props: props([['level', assessment.level], ...assessment.checklists.map((c): [string, string] => ['checklist', `${c.checklist.id} ${c.checklist.version}`])]),
  };

  const observation = (result: QuestionResult, answer: NonNullable<QuestionResult['answer']>, title: string): Json => {
    const evidence = answer.evidence ?? [];
    const expires = evidence.flatMap((item) => item.expires ?? []).sort()[0];
    const resources: Json[] = [];
    const relevant = evidence.map((item, index) => relevantEvidence(item, ids('evidence', result.globalId, index), resources));
    if (resources.length) evidenceResources.set(result, resources);
    const note = answer.note ? ` ${answer.note}` : '';
    return {
      uuid: ids('observation', result.globalId),
      title,
      description: markupMultiline(`${answerSentence(result)}${note}`, answerSentence(result)),
      props: nonEmpty(props([['question-id', result.globalId], ['answer', result.status], ['answered-by', answer.by]])),
      methods: hasCurrentEvidence(answer, assessment.asOf) ? ['INTERVIEW', 'EXAMINE'] : ['INTERVIEW'],
      'relevant-evidence': nonEmpty(relevant),
      collected: startOfDay(answer.answered ?? assessment.date ?? assessment.asOf),
      expires: expires && endOfDay(expires),
    };
  };

  /** One piece of evidence: a web address as is, a file as a back-matter resource with its SHA-256, the shorthand's text as words. */
  const relevantEvidence = (item: EvidenceItem, uuid: string, resources: Json[]): Json => {
    const dates = [item.collected && `collected ${item.collected}`, item.expires && `expires ${item.expires}`].filter(Boolean).join(', ');
    const when = dates ? ` (${dates})` : '';
    if (item.href !== undefined) return { href: webReference(item.href), description: markupMultiline(`Web page: ${item.href}${when}`, 'Web page.') };
    if (item.path !== undefined) {
      resources.push({
        uuid,
        title: markupLine(`Evidence file ${item.path}`, 'Evidence file'),
        description: 'A file kept with the answers file (the path is relative to its folder).',
        rlinks: [{ href: pathReference(item.path), ...(item.sha256 && { hashes: [{ algorithm: 'SHA-256', value: item.sha256 }] }) }],
      });
      return { href: `#${uuid}`, description: markupMultiline(`File ${item.path}${item.sha256 ? `, SHA-256 ${item.sha256}` : ''}${when}`, 'Evidence file.') };
    }
    return { description: markupMultiline(item.text ?? '', 'Evidence named in the answers file.') };
  };

  const finding = (result: QuestionResult, title: string, observationUuid: string | undefined, riskUuid: string | undefined): Json => {
    const tokens = (result.question.refs['nist-800-53'] ?? []).map(controlToken);
    const status = FINDING_STATUS[result.status];
    const implementation = IMPLEMENTATION_STATE[result.status];
    return {
      uuid: ids('finding', result.globalId),
      title,
      // Why it matters is the risk's statement: said once, as OSCAL documents can be large.
      description: markupMultiline(`${FINDING_SENTENCE[status.state]} ${answerSentence(result)}`, answerSentence(result)),
      props: props([['question-id', result.globalId], ['severity', result.question.severity], ...refProps(result.question.refs)]),
      target: {
        // The question's first 800-53 control, as the statement id of the NIST catalog; else the question itself.
        type: tokens[0] ? 'statement-id' : 'objective-id',
        'target-id': tokens[0] ? `${tokens[0]}_smt` : questionToken(result.globalId),
        status: { state: status.state, reason: status.reason },
        'implementation-status': implementation && { state: implementation },
      },
      'related-observations': observationUuid && [{ 'observation-uuid': observationUuid }],
      'related-risks': riskUuid && [{ 'risk-uuid': riskUuid }],
    };
  };

  const risk = (result: QuestionResult, uuid: string, title: string, observationUuid: string | undefined, remedy: Json): Json => {
    const item = plan.get(result);
    const acceptance = result.answer?.accepted;
    const deadline = result.accepted ? acceptance?.until : item?.target;
    const note = result.answer?.note ? ` ${result.answer.note}` : '';
    const accepted = acceptance && (result.accepted || result.expired) ? ` ${acceptanceSentence(result)}` : '';
    return {
      uuid,
      title,
      description: markupMultiline(`Answered: ${describeAnswer(result)}.${note}${accepted}`, answerSentence(result)),
      statement: markupMultiline(result.question.why, 'See the finding.'),
      props: props([['question-id', result.globalId], ['owner', result.answer?.owner]]),
      status: result.accepted ? 'deviation-approved' : 'open',
      characterizations: [
        {
          origin: { actors: [{ type: 'tool', 'actor-uuid': toolUuid }] },
          facets: [{ name: 'severity', system: BREACHREADY_NS, value: result.question.severity }],
        },
      ],
      deadline: deadline && endOfDay(deadline),
      remediations: [remedy],
      'related-observations': observationUuid && [{ 'observation-uuid': observationUuid }],
    };
  };

  const remediation = (result: QuestionResult, item: RoadmapItem | undefined): Json => {
    const milestone = item?.target && {
      uuid: ids('milestone', result.globalId),
      type: 'milestone',
      title: item.dueFromAnswers ? `Gap closed by the due date${item.overdue ? ' (overdue)' : ''}` : `Gap closed: ${windowLabel(item.window).toLowerCase()}`,
      timing: { 'on-date': { date: endOfDay(item.target) } },
    };
    return {
      uuid: ids('remediation', result.globalId),
      lifecycle: result.answer?.owner || item?.dueFromAnswers ? 'planned' : 'recommendation',
      title: `Fix for ${result.globalId}`,
      description: markupMultiline(result.question.fix, 'See the checklist.'),
      tasks: milestone && [milestone],
    };
  };

  for (const result of only ?? assessment.results) {
    for (const id of result.question.refs['nist-800-53'] ?? []) controls.add(controlToken(id));
    const title = markupLine(result.question.ask, result.globalId);
    const answer = result.status === 'unanswered' ? undefined : result.answer;
    const observed = answer && observation(result, answer, title);
    if (observed) observations.set(result, jsonText(observed));
    if (result.question.gate) continue;
    const observationUuid = observed?.uuid as string | undefined;
    const riskUuid = isGap(result) ? ids('risk', result.globalId) : undefined;
    const found = finding(result, title, observationUuid, riskUuid);
    findings.set(result, jsonText(found));
    if (riskUuid) {
      const remedy = remediation(result, plan.get(result));
      risks.set(result, jsonText(risk(result, riskUuid, title, observationUuid, remedy)));
      gaps.set(result, { title, remediation: remedy.description as string, risk: riskUuid, finding: found.uuid as string, observation: observationUuid });
    }
  }

  return {
    ids,
    metadata,
    toolComponent,
    interviewResource,
    evidenceResources,
    controlTokens: [...controls].sort(compareControlTokens),
    observations,
    findings,
    risks,
    gaps,
    roadmap: plan,
  };
}

/** `Risk accepted by CISO until 2027-03-31: reason` or the expired form (untrusted text inside). */
function acceptanceSentence(result: QuestionResult): string {
  const { by, reason, until } = result.answer!.accepted!;
  return result.accepted ? `Risk accepted by ${by} until ${until}: ${reason}` : `Risk acceptance by ${by} expired on ${until}: ${reason}`;
}

/** The props of the result: score, grade and what was scored. */
export function resultProps(assessment: Assessment): Prop[] {
  return props([
    ['score', formatScore(assessment.score)],
    ['grade', assessment.grade ?? 'n/a'],
    ['level', assessment.level],
    ['applicable', assessment.counts.applicable],
    ['open-gaps', assessment.openGaps.length],
    ...STATUSES.map((status): [string, number] => [`answers-${status}`, assessment.counts[status]]),
  ]);
}
