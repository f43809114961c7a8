import type Database from 'better-sqlite3';
import { cachedStatement, foldedText, when, whereOf } from '../sql-kit';
import {
  type MeetingRow,
  meetingView,
  type ObjectiveRow,
  objectiveView,
  type PartnerRow,
  type PartnershipRow,
  partnershipSummary,
  partnerView,
} from './partnership-overview-rows';
import type {
  MeetingView,
  PartnershipOverviewView,
  PartnershipSummaryView,
} from './partnership-overview.views';

export interface PartnershipFilters {
  readonly status?: PartnershipSummaryView['status'];
  readonly territory?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  /** The id of the last partnership of the previous page (partnerships are listed by id). */
  readonly after?: string;
  readonly limit: number;
}

/** `limit + 1` partnerships after `after`, by id, with their counts. */
export function listPartnerships(
  db: Database.Database,
  filters: PartnershipFilters,
): PartnershipSummaryView[] {
  const { where, parameters } = whereOf([
    when(filters.status, (status) => ['status = ?', status]),
    // Words of the territory, whatever their case and accents: "tilleuls" finds "Les Tilleuls".
    when(filters.territory, (territory) => [
      'instr(folded(territory), ?) > 0',
      foldedText(territory.trim()),
    ]),
    when(filters.partnershipIn, (ids) => [
      'partnership_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(ids),
    ]),
    when(filters.after, (id) => ['partnership_id > ?', id]),
  ]);
  const rows = cachedStatement(
    db,
    `SELECT * FROM partnership_overview_partnerships ${where} ORDER BY partnership_id LIMIT ?`,
  ).all(...parameters, filters.limit + 1) as PartnershipRow[];
  return rows.map(partnershipSummary);
}

/** The partnership with its partners (current and former) and objectives; `undefined` if unknown. */
export function findPartnershipOverview(
  db: Database.Database,
  partnershipId: string,
): PartnershipOverviewView | undefined {
  const row = cachedStatement(
    db,
    'SELECT * FROM partnership_overview_partnerships WHERE partnership_id = ?',
  ).get(partnershipId) as PartnershipRow | undefined;
  if (!row) return undefined;
  const partners = (
    cachedStatement(
      db,
      `SELECT * FROM partnership_overview_partners WHERE partnership_id = ?
       ORDER BY joined_position`,
    ).all(partnershipId) as PartnerRow[]
  ).map(partnerView);
  const objectives = (
    cachedStatement(
      db,
      `SELECT * FROM partnership_overview_objectives WHERE partnership_id = ?
       ORDER BY set_position`,
    ).all(partnershipId) as ObjectiveRow[]
  ).map(objectiveView);
  return {
    ...partnershipSummary(row),
    partners: partners.filter((partner) => partner.status === 'member'),
    formerPartners: partners.filter((partner) => partner.status === 'left'),
    objectives,
  };
}

export interface MeetingFilters {
  readonly partnershipId: string;
  /** First and last day (inclusive) the meetings were held on. */
  readonly from?: string;
  readonly to?: string;
  /** The (heldOn, meetingId) of the last meeting of the previous page. */
  readonly after?: readonly [heldOn: string, meetingId: string];
  readonly limit: number;
}

/** `limit + 1` meetings of a partnership, by the day they were held on (then by id). */
export function listMeetings(db: Database.Database, filters: MeetingFilters): MeetingView[] {
  const { where, parameters } = whereOf([
    ['partnership_id = ?', filters.partnershipId],
    when(filters.from, (from) => ['held_on >= ?', from]),
    when(filters.to, (to) => ['held_on <= ?', to]),
    when(filters.after, ([heldOn, meetingId]) => [
      '(held_on, meeting_id) > (?, ?)',
      heldOn,
      meetingId,
    ]),
  ]);
  const rows = cachedStatement(
    db,
    `SELECT * FROM partnership_overview_meetings ${where} ORDER BY held_on, meeting_id LIMIT ?`,
  ).all(...parameters, filters.limit + 1) as MeetingRow[];
  return rows.map(meetingView);
}

/** Whether the partnership was ever founded (its meetings of one never founded are a 404). */
export function partnershipExists(db: Database.Database, partnershipId: string): boolean {
  return (
    cachedStatement(
      db,
      'SELECT 1 FROM partnership_overview_partnerships WHERE partnership_id = ?',
    ).get(partnershipId) !== undefined
  );
}

/** The partnerships a partner is a current member of (for scoping what it may read). */
export function memberPartnershipIds(db: Database.Database, partnerId: string): string[] {
  const rows = cachedStatement(
    db,
    `SELECT partnership_id FROM partnership_overview_partners
     WHERE partner_id = ? AND status = 'member' ORDER BY partnership_id`,
  ).all(partnerId) as { partnership_id: string }[];
  return rows.map((row) => row.partnership_id);
}

/** The partnerships a partner ever joined, left or not (what its reports of the past concern). */
export function joinedPartnershipIds(db: Database.Database, partnerId: string): string[] {
  const rows = cachedStatement(
    db,
    `SELECT partnership_id FROM partnership_overview_partners
     WHERE partner_id = ? ORDER BY partnership_id`,
  ).all(partnerId) as { partnership_id: string }[];
  return rows.map((row) => row.partnership_id);
}

/** Whether the partner is a current member of the partnership (one primary-key lookup). */
export function isCurrentMember(
  db: Database.Database,
  partnershipId: string,
  partnerId: string,
): boolean {
  return (
    cachedStatement(
      db,
      `SELECT 1 FROM partnership_overview_partners
       WHERE partnership_id = ? AND partner_id = ? AND status = 'member'`,
    ).get(partnershipId, partnerId) !== undefined
  );
}

/** The one text column a lookup by key reads; `undefined` when no row has the key. */
function textAt(db: Database.Database, sql: string, ...key: string[]): string | undefined {
  return (cachedStatement(db, sql).get(...key) as { text: string } | undefined)?.text;
}

/** The partnership's name; `undefined` if it was never founded. */
export function partnershipName(db: Database.Database, partnershipId: string): string | undefined {
  return textAt(
    db,
    'SELECT name AS text FROM partnership_overview_partnerships WHERE partnership_id = ?',
    partnershipId,
  );
}

/** The valuation policy the partnership's reports use when they name none, if it set one. */
export function partnershipDefaultValuationPolicy(
  db: Database.Database,
  partnershipId: string,
): string | undefined {
  return (
    textAt(
      db,
      `SELECT default_valuation_policy_id AS text FROM partnership_overview_partnerships
       WHERE partnership_id = ?`,
      partnershipId,
    ) ?? undefined
  );
}

/**
 * The name a partner joined a partnership under (kept after it left); `undefined` if it never
 * joined it. A partner may join each partnership under its own name.
 */
export function partnerName(
  db: Database.Database,
  partnershipId: string,
  partnerId: string,
): string | undefined {
  return textAt(
    db,
    `SELECT name AS text FROM partnership_overview_partners
     WHERE partnership_id = ? AND partner_id = ?`,
    partnershipId,
    partnerId,
  );
}

/** The name a partner last joined any partnership under, for what no partnership frames (audits). */
export function latestPartnerName(db: Database.Database, partnerId: string): string | undefined {
  return textAt(
    db,
    `SELECT name AS text FROM partnership_overview_partners
     WHERE partner_id = ? ORDER BY joined_position DESC LIMIT 1`,
    partnerId,
  );
}

/** The title of one of the partnership's objectives, as it reads now. */
export function objectiveTitle(
  db: Database.Database,
  partnershipId: string,
  objectiveId: string,
): string | undefined {
  return textAt(
    db,
    `SELECT title AS text FROM partnership_overview_objectives
     WHERE partnership_id = ? AND objective_id = ?`,
    partnershipId,
    objectiveId,
  );
}
