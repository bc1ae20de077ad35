/**
 * The failures the press blamed for the 2014 Sony Pictures breach, each tied to the questions that
 * test it, and how each stands in an assessment. Pure data and a pure function: no I/O.
 *
 * Sources are spelt exactly as in the checklists' `sources:` so the report can cite them alike.
 * `basis: 'stated'` means an article blamed this failure in so many words; `'implied'` means the
 * articles reported what happened (an extortion deadline, leaked records, floods of traffic) and the
 * failure to be ready for it is our reading, not the press's verdict.
 */
import type { Source } from '../checklist/schema.js';
import type { Assessment, QuestionResult } from './model.js';

export type LessonSource = Pick<Source, 'publication' | 'title' | 'date'>;

const THR: LessonSource = { publication: 'The Hollywood Reporter', title: 'Sony Pictures Targeted by Widespread Hack', date: '2014-11-24' };
const CHINA_TOPIX: LessonSource = { publication: 'China Topix', title: 'Sony Pictures Hacked and Blackmailed', date: '2014-11-24' };
const TNW_VIA_BLOG: LessonSource = {
  publication: 'TechNewsWorld and The Hollywood Reporter, quoted in a security blog',
  title: 'Sony Pictures hack coverage (headline not preserved)',
  date: '2014-12',
};
const INFOSEC_BLOG: LessonSource = { publication: 'Information-security blog', title: 'The Truth Behind the Sony Cyber Attack', date: '2015-01' };

export interface Lesson {
  /** Stable kebab-case id. */
  id: string;
  /** The failure, as a short phrase. */
  failure: string;
  /** One line: what went wrong and why it mattered. */
  description: string;
  basis: 'stated' | 'implied';
  sources: readonly LessonSource[];
  /** Global question ids (`<checklist-id>/<question-id>`) that test this lesson. */
  questions: readonly string[];
}

export const SONY_LESSONS: readonly Lesson[] = [
  {
    id: 'shared-social-credentials',
    failure: 'Shared credentials on most Twitter accounts',
    description: 'Several brand accounts fell at once, read by experts as one password reused across most of them.',
    basis: 'stated',
    sources: [CHINA_TOPIX],
    questions: ['social-media/unique-credentials', 'social-media/password-manager', 'social-media/mfa-on-accounts', 'social-media/offboarding-rotation'],
  },
  {
    id: 'privileged-identity',
    failure: 'No proper privileged identity management',
    description: 'A security vendor faulted the security chief for lacking privileged identity management; the attackers reached computers studio-wide.',
    basis: 'stated',
    sources: [TNW_VIA_BLOG],
    questions: [
      'privileged-access/dedicated-admin-accounts',
      'privileged-access/no-daily-admin-rights',
      'privileged-access/admin-mfa',
      'privileged-access/jit-privileged-access',
      'privileged-access/entitlement-review',
      'privileged-access/service-accounts',
      'privileged-access/admin-workstations',
    ],
  },
  {
    id: 'no-disaster-recovery',
    failure: 'No disaster-recovery and backup plan for business continuity',
    description: 'Critics said nothing was ready to restore systems and keep the studio working once malware left computers unusable.',
    basis: 'stated',
    sources: [TNW_VIA_BLOG],
    questions: [
      'backup-recovery/critical-services-rto-rpo',
      'backup-recovery/automated-backups',
      'backup-recovery/offline-immutable-copy',
      'backup-recovery/restore-tests',
      'backup-recovery/backup-admin-separation',
      'backup-recovery/continuity-plan-wiper',
      'backup-recovery/continuity-exercise',
      'backup-recovery/identity-rebuild',
      'secure-configuration/mobile-and-remote-devices',
    ],
  },
  {
    id: 'unencrypted-email',
    failure: 'E-mail not encrypted',
    description: 'Critics faulted how Sony encrypted its e-mail; mail left readable on a server goes with the rest of any stolen data.',
    basis: 'stated',
    sources: [TNW_VIA_BLOG],
    questions: ['email-security/tls-in-transit', 'email-security/encrypt-external', 'email-security/mta-sts-enforced', 'email-security/executive-mail-retention'],
  },
  {
    id: 'unpatched-systems',
    failure: 'Systems not updated properly; feature changes opening holes',
    description: 'Missed updates and unreviewed changes are the openings attackers look for first.',
    basis: 'stated',
    sources: [THR, TNW_VIA_BLOG],
    questions: [
      'patch-management/risk-based-deadlines',
      'patch-management/automated-patching',
      'patch-management/internet-facing-first',
      'patch-management/end-of-life-software',
      'patch-management/vulnerability-scans',
      'patch-management/change-control',
      'secure-configuration/default-passwords-and-baseline',
      'security-testing/dependency-patching',
    ],
  },
  {
    id: 'no-self-hacking',
    failure: 'No continuous self-hacking exercises',
    description: 'Weak spots are found by testing your own defences all the time, before criminals find them.',
    basis: 'stated',
    sources: [THR],
    questions: [
      'security-testing/external-exposure-check',
      'security-testing/findings-to-closure',
      'security-testing/pen-test-programme',
      'security-testing/independent-external-test',
      'security-testing/assume-breach-test',
      'security-testing/app-testing-before-release',
      'security-testing/red-team-exercise',
    ],
  },
  {
    id: 'logs-not-watched',
    failure: 'Logs not watched for anomalies, including during diversions',
    description: 'Experts urged close watch of system logs; the theft surfaced only when the attackers announced it, perhaps after a decoy.',
    basis: 'stated',
    sources: [THR],
    questions: [
      'log-monitoring/security-logging-enabled',
      'log-monitoring/central-tamper-proof-logs',
      'log-monitoring/named-alert-reviewer',
      'log-monitoring/round-the-clock-triage',
      'log-monitoring/login-and-admin-anomalies',
      'log-monitoring/watch-during-diversions',
    ],
  },
  {
    id: 'incident-response-extortion',
    failure: 'Going offline and facing extortion without a rehearsed plan',
    description: 'Staff were told to shut computers down while the attackers set a deadline for unstated demands and later threatened employees.',
    basis: 'implied',
    sources: [THR, CHINA_TOPIX, INFOSEC_BLOG],
    questions: [
      'incident-response/ir-plan-named-lead',
      'incident-response/pre-authorised-isolation',
      'incident-response/out-of-band-channel',
      'incident-response/outside-help-contacts',
      'incident-response/staff-threat-guidance',
      'incident-response/extortion-decision-process',
      'incident-response/executive-tabletop',
      'backup-recovery/out-of-band-communications',
    ],
  },
  {
    id: 'studio-wide-spread',
    failure: 'One compromised server, then every screen in the studio',
    description: 'A single server was reported compromised, yet the same message appeared on every employee computer: nothing stopped the spread.',
    basis: 'implied',
    sources: [TNW_VIA_BLOG, INFOSEC_BLOG],
    questions: [
      'identity-access/staff-mfa',
      'identity-access/leavers-disabled',
      'secure-configuration/host-firewalls-block-spread',
      'secure-configuration/network-segmentation',
      'secure-configuration/application-allowlisting',
      'third-party-access/vendor-access-accounts',
    ],
  },
  {
    id: 'sensitive-data-exposed',
    failure: 'Sensitive data exposed: 47,000 Social Security numbers and unreleased films',
    description: 'Identity numbers of current and former staff and whole films left the network in bulk unnoticed.',
    basis: 'implied',
    sources: [INFOSEC_BLOG, CHINA_TOPIX],
    questions: [
      'data-protection/sensitive-data-inventory',
      'data-protection/no-plaintext-secrets',
      'data-protection/encryption-at-rest',
      'data-protection/need-to-know-access',
      'data-protection/retention-and-disposal',
      'data-protection/bulk-exfiltration-controls',
      'data-protection/pre-release-watermarking',
      'data-protection/device-encryption',
      'data-protection/people-controls',
      'incident-response/notify-affected-people',
      'log-monitoring/bulk-outbound-alerts',
    ],
  },
  {
    id: 'warnings-and-claims',
    failure: 'Government warnings and public breach claims',
    description: 'The FBI warned other businesses about the malware; a claim of stolen PlayStation credentials was denied outright the day before the studio hack.',
    basis: 'implied',
    sources: [TNW_VIA_BLOG, THR],
    questions: ['log-monitoring/threat-advisories', 'incident-response/verify-breach-claims', 'identity-access/customer-credential-protection'],
  },
  {
    id: 'ddos',
    failure: 'Denial-of-service floods against Sony servers',
    description: 'Several groups aimed traffic floods at Sony on top of the intrusion; a target that size must absorb them.',
    basis: 'implied',
    sources: [INFOSEC_BLOG],
    questions: [
      'ddos-resilience/ddos-mitigation-in-place',
      'ddos-resilience/origin-locked-down',
      'ddos-resilience/login-rate-limiting',
      'ddos-resilience/ddos-runbook',
      'ddos-resilience/traffic-baseline-alerting',
      'ddos-resilience/tested-failover',
    ],
  },
  {
    id: 'under-investment',
    failure: "Under-investment: \"it won't happen to me\"",
    description: 'Security needs leadership, time and money; hoping an attack will not come is not a plan.',
    basis: 'implied',
    sources: [INFOSEC_BLOG, TNW_VIA_BLOG],
    questions: [
      'governance/accountable-security-executive',
      'governance/approved-security-policy',
      'governance/risk-based-security-budget',
      'governance/cyber-risk-register',
      'governance/threat-assessment',
      'governance/board-security-reporting',
      'governance/independent-assurance',
    ],
  },
];

/**
 * - `open`: at least one of the lesson's questions is an open gap (including expired acceptances);
 * - `accepted`: its only gaps are covered by acceptances in force;
 * - `closed`: every applicable question of the lesson was answered yes or not applicable;
 * - `not assessed`: none of its questions applies in this assessment (level, `when`, or not loaded).
 */
export type LessonState = 'open' | 'accepted' | 'closed' | 'not assessed';

export interface LessonStatus {
  lesson: Lesson;
  status: LessonState;
  /** The lesson's questions that apply in this assessment, in the lesson's order. */
  assessed: QuestionResult[];
  /** The lesson's open gaps, in priority order. */
  open: QuestionResult[];
  /** The lesson's gaps covered by an acceptance in force, in priority order. */
  accepted: QuestionResult[];
}

/** How each lesson stands in the assessment; question ids absent from it are ignored. */
export function lessonStatus(assessment: Assessment, lessons: readonly Lesson[] = SONY_LESSONS): LessonStatus[] {
  const byId = new Map(assessment.results.map((r) => [r.globalId, r]));
  return lessons.map((lesson) => {
    const ids = new Set(lesson.questions);
    const assessed = lesson.questions.flatMap((id) => byId.get(id) ?? []);
    const open = assessment.openGaps.filter((r) => ids.has(r.globalId));
    const accepted = assessment.accepted.filter((r) => ids.has(r.globalId));
    const status: LessonState = assessed.length === 0 ? 'not assessed' : open.length > 0 ? 'open' : accepted.length > 0 ? 'accepted' : 'closed';
    return { lesson, status, assessed, open, accepted };
  });
}
