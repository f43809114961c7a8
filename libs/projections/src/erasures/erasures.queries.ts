import type Database from 'better-sqlite3';
import type { DataSubject } from '@cohesion/domain';
import { cachedStatement, fromJsonColumn, keysetList, when } from '../sql-kit';
import type { ErasureStep, ErasureView } from './erasures.views';

interface ErasureRow {
  readonly erasure_id: string;
  readonly seq: number;
  readonly subject_kind: DataSubject['kind'];
  readonly subject_id: string;
  readonly subjects: string;
  readonly status: ErasureView['status'];
  readonly requested_by: string;
  readonly requested_at: string;
  readonly request_reason: string;
  readonly answered_by: string | null;
  readonly answered_at: string | null;
  readonly answer_reason: string | null;
}

const dataSubjectOf = (row: ErasureRow): DataSubject =>
  row.subject_kind === 'person'
    ? { kind: 'person', personId: row.subject_id }
    : { kind: 'resident', feedbackId: row.subject_id };

function answerOf(row: ErasureRow): ErasureStep | null {
  const { answered_by: by, answered_at: at, answer_reason: reason } = row;
  return by === null || at === null || reason === null ? null : { by, at, reason };
}

const erasureView = (row: ErasureRow): ErasureView => ({
  erasureId: row.erasure_id,
  dataSubject: dataSubjectOf(row),
  subjects: fromJsonColumn<string[]>(row.subjects),
  status: row.status,
  requested: { by: row.requested_by, at: row.requested_at, reason: row.request_reason },
  carriedOut: row.status === 'carried_out' ? answerOf(row) : null,
  declined: row.status === 'declined' ? answerOf(row) : null,
});

/** The erasure of this id, or undefined for an id never requested. */
export function erasureById(db: Database.Database, erasureId: string): ErasureView | undefined {
  const row = cachedStatement(db, 'SELECT * FROM erasures_requests WHERE erasure_id = ?').get(
    erasureId,
  ) as ErasureRow | undefined;
  return row && erasureView(row);
}

export interface ErasureFilters {
  readonly status?: ErasureView['status'];
  /** Only the erasures of this person, or of the resident of this feedback. */
  readonly subjectId?: string;
  /** The `seq` of the last erasure of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

/** `limit + 1` erasures in the order they were requested (the extra one tells a next page exists). */
export function listErasures(
  db: Database.Database,
  filters: ErasureFilters,
): (ErasureView & { readonly seq: number })[] {
  return keysetList<ErasureRow>(db, {
    select: '*',
    from: 'erasures_requests',
    key: 'seq',
    filters: [
      when(filters.status, (status) => ['status = ?', status]),
      when(filters.subjectId, (subjectId) => ['subject_id = ?', subjectId]),
    ],
    after: filters.after,
    limit: filters.limit,
  }).map((row) => ({ ...erasureView(row), seq: row.seq }));
}
