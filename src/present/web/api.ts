/** JSON API client for the dashboard; errors carry the server's message and offending parameter. */
import type { MetricRow, MetricTable, Summary } from '../../analyze/metrics.js';
import type { Publication, StudyRow } from '../server/dataset.js';
import type { RegistrationView } from '../server/responses.js';
import type { TrialLink } from '../../analyze/types.js';

// The server's own types (type-only imports: nothing of analyze/ or server/ is bundled).
export type { MetricRow, MetricTable, RegistrationView, StudyRow, TrialLink };

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly parameter: string | null,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const qs = params && [...params.keys()].length ? `?${params.toString()}` : '';
  const res = await fetch(`${path}${qs}`, { signal, headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const b = (body ?? {}) as { error?: string; parameter?: string | null };
    throw new ApiFailure(b.error ?? `HTTP ${res.status}`, res.status, b.parameter ?? null);
  }
  return body as T;
}

export interface SnapshotInfo {
  id: number;
  label: string | null;
  createdAt: string;
  studyCount: number;
  /** Ruleset version of the snapshot's newest labels; null when it was never classified. */
  rulesetVersion?: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Meta {
  snapshot: SnapshotInfo;
  rulesetVersion: string | null;
  studies: number;
  labelled: number;
  facets: Record<string, FacetValue[]>;
  dates: { firstPosted: [string, string] | null; start: [string, string] | null };
  sortKeys: string[];
  maxPageSize: number;
  review: {
    trialsReviewed: number;
    fieldsReviewed: number;
    trialsCorrected: number;
    fieldsDisagreeing: number;
    changedSinceDecision: number;
  };
}

export interface StudiesPage {
  snapshotId: number;
  total: number;
  page: number;
  pageSize: number;
  rows: StudyRow[];
}

export interface MetricsResponse {
  snapshotId: number;
  metrics: {
    summary: Summary;
    tables: Record<string, MetricTable>;
  };
}

export interface Evidence {
  label: string;
  value: string;
  field: string;
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface StudyDetail {
  snapshotId: number;
  rulesetVersion: string | null;
  summary: StudyRow;
  study: Record<string, unknown> & { nctId: string; briefTitle: string | null };
  labels: (Record<string, unknown> & { evidence: Evidence[] }) | null;
  evidence: Evidence[];
  /** Every registration of the trial when it is registered more than once; null otherwise. */
  trial: { id: string; labelsFrom: string; registrations: RegistrationView[]; links: TrialLink[] } | null;
  links: {
    registry: string;
    references: Array<{ pmid: string; type: string | null; citation: string | null; url: string }>;
    publications: Publication[];
  };
}

export interface ReviewQueue {
  snapshotId: number;
  /** The server accepts decisions (false: started with --read-only). */
  writable: boolean;
  /** Trials in the queue. */
  total: number;
  /** Position in the queue of items[0] (the page asks for one trial's neighbours only: ?at=NCT). */
  offset: number;
  firstUnreviewed: string | null;
  items: Array<{ nctId: string; tier: number; reason: string; reviewed: boolean }>;
  vocab: {
    fields: string[];
    kinds: Record<string, 'enum' | 'set' | 'bool' | 'text' | 'json'>;
    values: Record<string, string[]>;
  };
}

export interface FieldReview {
  decision: { reviewer: string; decidedAt: string; note: string | null; value: unknown };
  classifierValue: unknown;
  agrees: boolean;
  changedSinceDecision: boolean;
}

export type ReviewDetail = StudyDetail & {
  review: {
    classifier: (Record<string, unknown> & { evidence: Evidence[] }) | null;
    fields: Record<string, FieldReview | undefined>;
    disagrees: boolean;
  } | null;
};
