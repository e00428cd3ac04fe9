// What the /v1 API answers with, as the console reads it.

export type Level = 'NO_EVIDENCE' | 'BEGINNING' | 'APPROACHING' | 'MASTERED' | 'EXCEEDING';

export const LEVELS: Level[] = ['NO_EVIDENCE', 'BEGINNING', 'APPROACHING', 'MASTERED', 'EXCEEDING'];

export const LEVEL_VALUE: Record<Level, number> = {
  NO_EVIDENCE: 0,
  BEGINNING: 1,
  APPROACHING: 2,
  MASTERED: 3,
  EXCEEDING: 4,
};

export const LEVEL_LABEL: Record<Level, string> = {
  NO_EVIDENCE: 'no evidence',
  BEGINNING: 'beginning',
  APPROACHING: 'approaching',
  MASTERED: 'mastered',
  EXCEEDING: 'exceeding',
};

export const GRADE_BANDS = ['K-2', '3-5', '6-8', '9-12'];

export type Role = 'teacher' | 'curriculum' | 'admin' | 'platform';

export interface Session {
  tenantId: string;
  tenantName: string;
  roles: Role[];
  displayName: string;
  signedInWith: string;
  signedInAt: string;
  idleTimeoutSeconds: number;
  csrfToken: string;
}

export interface Explanation {
  rule: string | null;
  text: string;
}

export interface Standard {
  competencyId: string;
  name: string;
  parentId: string | null;
  code: string | null;
  leaf: boolean;
}

export interface ChartRow {
  learnerId: string;
  schoolId: string;
  grade: number;
  levels: Record<string, Level>;
  scores: Record<string, number>;
}

export interface ChartSummary {
  competencyId: string;
  learners: number;
  atLevel: Record<Level, number>;
  mastered: number;
  percentMastered: number;
}

export interface MasteryReport {
  frameworkId: string;
  frameworkName: string;
  scope: string;
  generatedAt: string;
  levels: Level[];
  standards: Standard[];
  learners: ChartRow[];
  summary: ChartSummary[];
  total: number;
  offset: number;
  limit: number | null;
}

export interface CellExplanation {
  learnerId: string;
  competencyId: string;
  name: string;
  parentId: string | null;
  level: Level;
  levelValue: number;
  score: number;
  method: string;
  evidenceCount: number;
  lastEvidenceAt: string | null;
  decidedBy: 'rules' | 'override' | 'none';
  decision: {
    evidenceId: string;
    observedAt: string;
    policyVersion: string;
    from: Level;
    to: Level;
    fromScore: number;
    toScore: number;
    explanation: string;
    why: Explanation | null;
    shortfalls: Explanation[];
  } | null;
  override: Override | null;
  observations: { evidenceId: string; score: number; kind: string; at: string }[];
  children: { competencyId: string; name: string; level: Level }[];
}

export interface Override {
  id: string;
  kind: string;
  competencyId: string | null;
  activityId: string | null;
  level: Level | null;
  author: string;
  reason: string;
  at: string;
}

export interface Flagged {
  learnerId: string;
  schoolId: string;
  grade: number;
  gradeBand: string;
  kind: 'BEHIND_PACE' | 'STRUGGLING' | 'STALLED';
  competencyId: string | null;
  competencyName: string | null;
  goalId: string | null;
  amount: number;
  support: string | null;
  why: Explanation | null;
}

export interface FlagQueue {
  school: string | null;
  gradeBand: string | null;
  kind: string | null;
  evaluatedAt: string;
  policyVersion: string;
  learners: number;
  total: number;
  byKind: Record<string, number>;
  offset: number;
  limit: number;
  flags: Flagged[];
}

export interface Group {
  competencyId: string;
  competencyName: string;
  need: string;
  gradeBand: string;
  learnerIds: string[];
  belowMinimumSize: boolean;
  suggestedActivity: { id: string; title: string; kind: string; modality: string } | null;
  why: string;
}

export interface Groups {
  school: string | null;
  competency: string | null;
  groups: Group[];
}

export interface Competency {
  id: string;
  name: string;
  parentId: string | null;
  prerequisiteIds: string[];
  gradeLevel: number | null;
  externalId: string | null;
}

export interface Framework {
  id: string;
  name: string;
  competencies: Competency[];
}

export interface FrameworkSummary {
  id: string;
  name: string;
  competencies: number;
  updatedAt: string;
}

export interface Learner {
  learnerId: string;
  gradeBand: string;
  profile: {
    grade: number;
    schoolId: string;
    interests: string[];
    preferredModalities: string[];
    goals: { id: string; description: string; competencyIds: string[]; targetDate: string | null }[];
  };
  version: number;
  evidenceCount: number;
  observationCount: number;
  overrideCount: number;
}

export interface PathwayEntry {
  competencyId: string;
  name: string;
  status: 'MASTERED' | 'IN_PROGRESS' | 'READY' | 'LOCKED';
  level: Level;
  missingPrerequisites: string[];
}

export interface Pathway {
  learnerId: string;
  frameworkId: string;
  competencies: PathwayEntry[];
}

export interface MasteryChange {
  competencyId: string;
  from: Level;
  to: Level;
  fromScore: number;
  toScore: number;
  method: string;
  evidenceCount: number;
  explanation: string;
  why: Explanation | null;
  shortfalls: Explanation[];
}

export interface FlagJson {
  kind: string;
  competencyId: string | null;
  goalId: string | null;
  amount: number;
  support: string | null;
  why: Explanation | null;
}

export interface NextStep {
  rank: number;
  activityId: string;
  competencyId: string;
  kind: string;
  modality: string;
  grouping: string;
  required: boolean;
  remediation: boolean;
  reasons: string[];
}

export interface PathUpdate {
  learnerId: string;
  policyVersion: string;
  evaluatedAt: string;
  masteryChanges: MasteryChange[];
  flags: FlagJson[];
  nextSteps: NextStep[];
  requiredSteps: { activityId: string; competencyId: string; reason: string; why: Explanation | null }[];
  optionLimit: Explanation | null;
}

export interface TimelineEntry {
  seq: number;
  evidenceId: string;
  competencyId: string | null;
  activityId: string | null;
  raw: number;
  min: number;
  max: number;
  kind: string;
  source: string;
  observedAt: string;
  receivedAt: string;
  policyVersion: string;
  status: 'counted' | 'voided' | 'cut-off';
  voidedBy: string | null;
  evaluationError: string | null;
  masteryChanges: MasteryChange[];
  flags: FlagJson[];
}

export interface Timeline {
  learnerId: string;
  total: number;
  evidence: TimelineEntry[];
  nextBefore: number | null;
}

export interface PolicySummary {
  id: string;
  activeVersion: string;
  versionLabel: string;
  contentHash: string;
  ruleFiles: string[];
  activatedAt: string | null;
}

export type Parameters = Record<string, unknown>;

export interface PolicyDetail {
  policy: PolicySummary;
  files: { path: string; layer: string; replaces: string | null }[];
  district: Record<string, Parameters>;
  schools: Record<string, Record<string, Parameters>>;
}

export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface PolicyReport {
  ok: boolean;
  summary: string;
  problems: PolicyProblem[];
  scenarios: { scenario: string; file: string; passed: boolean; difference: string }[];
}

export interface PolicyVersion {
  policyId: string;
  version: string;
  versionLabel: string;
  author: string;
  createdAt: string;
  message: string | null;
  contentHash: string;
  active: boolean;
  status: string;
  activatedAt: string | null;
  files: string[];
  outcome: string | null;
  report: PolicyReport | null;
}

export interface PolicyHistory {
  policyId: string;
  activeVersion: string;
  versions: PolicyVersion[];
  refused: { version: string; author: string; createdAt: string; message: string | null; contentHash: string; report: PolicyReport }[];
}

export interface PolicyFile {
  path: string;
  content: string;
}

export interface VersionFiles {
  policyId: string;
  version: string;
  author: string;
  createdAt: string;
  message: string | null;
  contentHash: string;
  active: boolean;
  activatedAt: string | null;
  files: PolicyFile[];
  report: PolicyReport | null;
}

export interface LevelDiff {
  competencyId: string;
  before: string;
  after: string;
  whyBefore: string;
  whyAfter: string;
}

export interface LearnerDiff {
  learnerId: string;
  gradeBand: string;
  school: string;
  levels: LevelDiff[];
  flagsBefore: string[];
  flagsAfter: string[];
  stepsBefore: string[];
  stepsAfter: string[];
}

export interface Simulation {
  currentVersion: string;
  candidateVersion: string;
  learners: number;
  evidence: number;
  skippedEvidence: number;
  changedLearners: number;
  changed: string[];
  byGradeBand: Record<string, { changed: number; total: number }>;
  bySchool: Record<string, { changed: number; total: number }>;
  sample: LearnerDiff[];
  text: string;
}

export interface ApiKey {
  id: string;
  role: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedKey {
  id: string;
  role: string;
  label: string;
  createdAt: string;
  key: string;
}

export interface CaseImportResult {
  status: string;
  frameworkId: string;
  documentIdentifier: string;
  title: string;
  packageHash: string;
  items: number;
  hierarchyLinks: number;
  prerequisiteLinks: number;
  otherAssociations: Record<string, number>;
  added: string[];
  changed: string[];
  removed: { competencyId: string; externalId: string | null; learnersWithEvidence: number; evidence: string }[];
}
