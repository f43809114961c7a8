import type Database from 'better-sqlite3';
import type { PartnerKind, PartnershipEvent } from '@cohesion/domain';
import type { ProjectionHandler } from '../projector';
import { cachedStatement, dispatch } from '../sql-kit';

export interface RosterPartnership {
  readonly partnershipId: string;
  readonly name: string;
}

/** A partner of a partnership as it stands now; one who left stays, with `member: false`. */
export interface RosterPartner {
  readonly partnershipId: string;
  readonly partnerId: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly role: string;
  readonly responsibilities: readonly string[];
  readonly member: boolean;
}

/**
 * The partnerships and their partners (name, kind, role, responsibilities), for read models that
 * report per partner. Each read model keeps its own copy, in tables under its own prefix, so it
 * can be dropped and rebuilt alone.
 */
export interface PartnerRoster {
  readonly tables: readonly string[];
  readonly schema: string;
  bind(db: Database.Database): ProjectionHandler;
  partnership(db: Database.Database, partnershipId: string): RosterPartnership | undefined;
  /** Every partner that ever joined the partnership, by partner id. */
  partnersOf(db: Database.Database, partnershipId: string): RosterPartner[];
  /** The partnerships a partner ever joined, by partnership id. */
  membershipsOf(db: Database.Database, partnerId: string): RosterPartner[];
}

interface PartnerRow {
  partnership_id: string;
  partner_id: string;
  name: string;
  kind: PartnerKind;
  role: string;
  responsibilities: string;
  left_at: string | null;
}

export function partnerRoster(prefix: string): PartnerRoster {
  const partnerships = `${prefix}_partnerships`;
  const partners = `${prefix}_partners`;
  const columns = 'partnership_id, partner_id, name, kind, role, responsibilities, left_at';
  const toPartner = (row: PartnerRow): RosterPartner => ({
    partnershipId: row.partnership_id,
    partnerId: row.partner_id,
    name: row.name,
    kind: row.kind,
    role: row.role,
    responsibilities: JSON.parse(row.responsibilities) as string[],
    member: row.left_at === null,
  });
  return {
    tables: [partnerships, partners],
    schema: `
      CREATE TABLE ${partnerships} (
        partnership_id TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        founded_at     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE ${partners} (
        partnership_id   TEXT NOT NULL,
        partner_id       TEXT NOT NULL,
        name             TEXT NOT NULL,
        kind             TEXT NOT NULL,
        role             TEXT NOT NULL,
        responsibilities TEXT NOT NULL,
        joined_at        TEXT NOT NULL,
        left_at          TEXT,
        PRIMARY KEY (partnership_id, partner_id)
      ) STRICT;
      CREATE INDEX ${partners}_by_partner ON ${partners} (partner_id, partnership_id);
    `,
    bind(db) {
      const found = db.prepare(
        `INSERT OR IGNORE INTO ${partnerships} (partnership_id, name, founded_at) VALUES (?, ?, ?)`,
      );
      // A partner who left and joins again is a member again, with the role it joins with.
      const join = db.prepare(
        `INSERT INTO ${partners} (partnership_id, partner_id, name, kind, role, responsibilities, joined_at)
         VALUES (@partnershipId, @partnerId, @name, @kind, @role, @responsibilities, @at)
         ON CONFLICT (partnership_id, partner_id) DO UPDATE SET name = excluded.name,
           kind = excluded.kind, role = excluded.role, responsibilities = excluded.responsibilities,
           joined_at = excluded.joined_at, left_at = NULL`,
      );
      const leave = db.prepare(
        `UPDATE ${partners} SET left_at = ? WHERE partnership_id = ? AND partner_id = ?`,
      );
      const changeRole = db.prepare(
        `UPDATE ${partners} SET role = ?, responsibilities = ? WHERE partnership_id = ? AND partner_id = ?`,
      );
      return dispatch<PartnershipEvent>({
        PartnershipFounded: ({ partnershipId, name }, { metadata }) =>
          found.run(partnershipId, name, metadata.recordedAt),
        PartnerJoined: (data, { metadata }) =>
          join.run({
            partnershipId: data.partnershipId,
            partnerId: data.partnerId,
            name: data.name,
            kind: data.kind,
            role: data.role,
            responsibilities: JSON.stringify(data.responsibilities),
            at: metadata.recordedAt,
          }),
        PartnerLeft: ({ partnershipId, partnerId }, { metadata }) =>
          leave.run(metadata.recordedAt, partnershipId, partnerId),
        PartnerRoleChanged: ({ partnershipId, partnerId, role, responsibilities }) =>
          changeRole.run(role, JSON.stringify(responsibilities), partnershipId, partnerId),
      });
    },
    partnership(db, partnershipId) {
      const row = cachedStatement(
        db,
        `SELECT partnership_id, name FROM ${partnerships} WHERE partnership_id = ?`,
      ).get(partnershipId) as { partnership_id: string; name: string } | undefined;
      return row && { partnershipId: row.partnership_id, name: row.name };
    },
    partnersOf(db, partnershipId) {
      const rows = cachedStatement(
        db,
        `SELECT ${columns} FROM ${partners} WHERE partnership_id = ? ORDER BY partner_id`,
      ).all(partnershipId) as PartnerRow[];
      return rows.map(toPartner);
    },
    membershipsOf(db, partnerId) {
      const rows = cachedStatement(
        db,
        `SELECT ${columns} FROM ${partners} WHERE partner_id = ? ORDER BY partnership_id`,
      ).all(partnerId) as PartnerRow[];
      return rows.map(toPartner);
    },
  };
}
