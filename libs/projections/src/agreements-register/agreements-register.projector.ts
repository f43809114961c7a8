import type Database from 'better-sqlite3';
import type { AgreementEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { type ActColumns, actColumnsOf } from '../projection-kit';
import { type EventTypes, handledEventOf, toJsonColumn } from '../sql-kit';
import {
  AGREEMENTS_REGISTER_SCHEMA,
  AGREEMENTS_REGISTER_TABLES,
} from './agreements-register.schema';

const AGREEMENT_EVENTS: EventTypes<AgreementEvent> = {
  AgreementProposed: true,
  AgreementAmended: true,
  AgreementSigned: true,
  AgreementEnteredIntoForce: true,
  AgreementDeclined: true,
  AgreementTerminated: true,
  AgreementExpired: true,
};

/** Where and when an event happened, as every statement records it. */
interface Envelope extends ActColumns {
  readonly id: string;
  readonly at: string;
  readonly revision: number;
  readonly actor: string;
}

function statementsOf(db: Database.Database) {
  const touch = 'updated_at = @at, revision = @revision WHERE agreement_id = @id';
  return {
    propose: db.prepare(
      `INSERT INTO agreements_register_agreements (agreement_id, seq, partnership_id, title, status,
         parties, signed_by, current_version, current_terms_hash, ends_on, proposed_at, updated_at,
         revision)
       VALUES (@id, @seq, @partnershipId, @title, 'awaiting_signatures', @parties, '[]', @version,
         @termsHash, @endsOn, @at, @at, @revision)`,
    ),
    party: db.prepare(
      'INSERT INTO agreements_register_parties (party_id, seq, agreement_id) VALUES (?, ?, ?)',
    ),
    version: db.prepare(
      `INSERT INTO agreements_register_versions (agreement_id, version, terms_hash, clauses, reason,
         by_party, actor, recorded_at, effective_date, backfill_reason)
       VALUES (@id, @version, @termsHash, @clauses, @reason, @byParty, @actor, @at, @effectiveDate,
         @backfillReason)`,
    ),
    amend: db.prepare(
      `UPDATE agreements_register_agreements SET status = 'awaiting_signatures', signed_by = '[]',
         current_version = @version, current_terms_hash = @termsHash, in_force_since = NULL, ${touch}`,
    ),
    sign: db.prepare(
      `UPDATE agreements_register_agreements SET signed_by = json_insert(signed_by, '$[#]', @partyId),
         ${touch}`,
    ),
    signature: db.prepare(
      `INSERT INTO agreements_register_signatures (agreement_id, version, party_id, terms_hash,
         signed_at, signed_on, backfill_reason, actor)
       VALUES (@id, @version, @partyId, @termsHash, @at, @effectiveDate, @backfillReason, @actor)`,
    ),
    inForce: db.prepare(
      `UPDATE agreements_register_agreements SET status = 'in_force', in_force_since = @at, ${touch}`,
    ),
    versionInForce: db.prepare(
      `UPDATE agreements_register_versions SET entered_into_force_at = @at
       WHERE agreement_id = @id AND version = @version`,
    ),
    close: db.prepare(
      `UPDATE agreements_register_agreements SET status = @status, closed_at = @at,
         closed_by = @closedBy, closed_reason = @reason, ${touch}`,
    ),
  };
}

type Statements = ReturnType<typeof statementsOf>;

function apply(sql: Statements, event: AgreementEvent, envelope: Envelope, seq: number): void {
  switch (event.type) {
    case 'AgreementProposed': {
      const { partnershipId, title, parties, version, clauses, termsHash, endsOn } = event.data;
      sql.propose.run({
        ...envelope,
        seq,
        partnershipId,
        title,
        parties: toJsonColumn(parties),
        version,
        termsHash,
        endsOn: endsOn ?? null,
      });
      for (const partyId of new Set(parties)) sql.party.run(partyId, seq, envelope.id);
      sql.version.run({
        ...envelope,
        version,
        termsHash,
        clauses: toJsonColumn(clauses),
        reason: null,
      });
      return;
    }
    case 'AgreementAmended': {
      const { version, termsHash, clauses, reason, amendedBy } = event.data;
      sql.amend.run({ ...envelope, version, termsHash });
      sql.version.run({
        ...envelope,
        version,
        termsHash,
        clauses: toJsonColumn(clauses),
        reason,
        byParty: amendedBy,
      });
      return;
    }
    case 'AgreementSigned': {
      const { partyId, version, termsHash } = event.data;
      sql.sign.run({ ...envelope, partyId });
      sql.signature.run({ ...envelope, partyId, version, termsHash });
      return;
    }
    case 'AgreementEnteredIntoForce':
      sql.inForce.run(envelope);
      sql.versionInForce.run({ ...envelope, version: event.data.version });
      return;
    case 'AgreementDeclined': {
      const { partyId, reason } = event.data;
      sql.close.run({ ...envelope, status: 'declined', closedBy: partyId, reason });
      return;
    }
    case 'AgreementTerminated': {
      const { terminatedBy, reason } = event.data;
      sql.close.run({ ...envelope, status: 'terminated', closedBy: terminatedBy, reason });
      return;
    }
    case 'AgreementExpired':
      sql.close.run({ ...envelope, status: 'expired', closedBy: null, reason: null });
      return;
  }
}

/** Agreements: status, current terms version and hash, signatures, amendment history. */
export const agreementsRegisterProjector: Projector = {
  name: 'agreements_register',
  version: 3,
  tables: AGREEMENTS_REGISTER_TABLES,
  schema: AGREEMENTS_REGISTER_SCHEMA,
  bind(db) {
    const sql = statementsOf(db);
    return (recorded: RecordedEvent) => {
      const event = handledEventOf<AgreementEvent>(AGREEMENT_EVENTS, recorded);
      if (!event) return;
      const { metadata } = recorded;
      const envelope: Envelope & { byParty: string | null } = {
        id: event.data.agreementId,
        at: metadata.recordedAt,
        revision: Number(recorded.revision),
        actor: metadata.actor.sub,
        byParty: metadata.actor.partnerId ?? null,
        ...actColumnsOf(recorded),
      };
      apply(sql, event, envelope, Number(recorded.position));
    };
  },
};
