import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  EVENT_STORE,
  type EventStore,
  eventIdFor,
  type ExpectedRevision,
  type RecordedEvent,
} from '@cohesion/event-store';
import { isSealed, type KeyStore } from '@cohesion/personal-data';
import { PERSONAL_DATA_KEYS } from './personal-data-keys';
import { residentContactOf } from './personal-fields';
import { monthsBefore } from './retention-calendar';

/** Who records the shredding: the ledger itself, on its schedule or by an operator's command. */
export const RETENTION_ACTOR: Actor = { sub: 'retention', roles: [] };

/** The stream of a partnership's retention runs, apart from its business events. */
export const retentionStreamOf = (partnershipId: string): string => `retention-${partnershipId}`;

/** The audited record of one run for one partnership: whose contacts were shredded, and why. */
export interface FeedbackContactsShreddedData {
  readonly partnershipId: string;
  readonly feedbackIds: readonly string[];
  /** Contacts of feedback recorded before this instant were past the retention. */
  readonly before: string;
  readonly retentionMonths: number;
}

export interface PartnershipRetentionOutcome {
  readonly partnershipId: string;
  readonly retentionMonths: number;
  readonly before: string;
  /** The feedback whose contact key this run destroyed. */
  readonly shredded: readonly string[];
  /** Past the retention but in clear (a legacy event): only a re-recording could remove them. */
  readonly inClear: readonly string[];
}

export interface RetentionRun {
  readonly at: string;
  readonly partnerships: readonly PartnershipRetentionOutcome[];
  readonly shredded: number;
}

/** What `/health/details` shows: how the retention stands, as a signal (never a failure). */
export interface RetentionSignal {
  readonly checkedAt: string;
  /** This process's last run (scheduled or not), null before the first. */
  readonly lastRun: { readonly at: string; readonly shredded: number } | null;
  /** When the log last recorded a shredding (any process, the CLI included). */
  readonly lastShreddedAt: string | null;
  readonly partnershipsWithRetention: number;
  /** Sealed contacts past their partnership's retention, not shredded yet. */
  readonly overdue: number;
  /** Contacts past the retention held in clear by legacy events (see `ledger personal-data scan`). */
  readonly overdueInClear: number;
}

interface Contact {
  readonly feedbackId: string;
  readonly recordedAt: string;
  /** The contact's key id; undefined for a contact in clear (recorded before sealing). */
  readonly keyId: string | undefined;
}

/** What the log says of every partnership's retention, its contacts, and what was recorded. */
interface PartnershipRecords {
  months: number | null;
  readonly contacts: Contact[];
  readonly recorded: Set<string>;
  revision: ExpectedRevision;
}

const RETENTION_EVENT_TYPES = [
  'FeedbackContactRetentionSet',
  'FeedbackSubmitted',
  'FeedbackContactsShredded',
];

/**
 * Shreds the contact details residents left with feedback once their partnership's retention
 * has passed: destroys the key `residentContactOf(feedbackId)`, so that every copy of the contact
 * (log, exports, backups) reads as erased. The run is recorded first (`FeedbackContactsShredded`,
 * in the partnership's retention stream), then the keys destroyed: a crash between the two leaves
 * a record whose keys the next run destroys without recording them again. Re-running is harmless.
 */
@Injectable()
export class FeedbackContactRetention {
  private lastRun: RetentionSignal['lastRun'] = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore,
  ) {}

  async apply(now: Date): Promise<RetentionRun> {
    const { partnerships } = await this.survey();
    const outcomes: PartnershipRetentionOutcome[] = [];
    for (const [partnershipId, records] of partnerships) {
      if (records.months === null) continue;
      const before = monthsBefore(now, records.months);
      const { due, inClear } = this.pastRetention(records, before);
      const unrecorded = due.filter((feedbackId) => !records.recorded.has(feedbackId));
      if (unrecorded.length > 0) {
        await this.record(partnershipId, records.revision, {
          partnershipId,
          feedbackIds: unrecorded,
          before: before.toISOString(),
          retentionMonths: records.months,
        });
      }
      for (const feedbackId of due)
        this.keys.destroySubjectKeys(residentContactOf(feedbackId), now);
      outcomes.push({
        partnershipId,
        retentionMonths: records.months,
        before: before.toISOString(),
        shredded: due,
        inClear,
      });
    }
    const shredded = outcomes.reduce((total, { shredded: ids }) => total + ids.length, 0);
    this.lastRun = { at: now.toISOString(), shredded };
    return { at: now.toISOString(), partnerships: outcomes, shredded };
  }

  async signal(now: Date): Promise<RetentionSignal> {
    const { partnerships, lastShreddedAt } = await this.survey();
    let overdue = 0;
    let overdueInClear = 0;
    let withRetention = 0;
    for (const records of partnerships.values()) {
      if (records.months === null) continue;
      withRetention += 1;
      const { due, inClear } = this.pastRetention(records, monthsBefore(now, records.months));
      overdue += due.length;
      overdueInClear += inClear.length;
    }
    return {
      checkedAt: now.toISOString(),
      lastRun: this.lastRun,
      lastShreddedAt,
      partnershipsWithRetention: withRetention,
      overdue,
      overdueInClear,
    };
  }

  /** The contacts recorded before `before`: sealed ones whose key is still there, ones in clear. */
  private pastRetention(records: PartnershipRecords, before: Date) {
    const past = records.contacts.filter(
      ({ recordedAt }) => Date.parse(recordedAt) < before.getTime(),
    );
    return {
      due: past
        .filter(({ keyId }) => keyId !== undefined && this.keys.keyById(keyId).state === 'open')
        .map(({ feedbackId }) => feedbackId),
      inClear: past.filter(({ keyId }) => keyId === undefined).map(({ feedbackId }) => feedbackId),
    };
  }

  private async record(
    partnershipId: string,
    expectedRevision: ExpectedRevision,
    data: FeedbackContactsShreddedData,
  ): Promise<void> {
    const commandId = randomUUID();
    await this.store.append(
      retentionStreamOf(partnershipId),
      [
        {
          id: eventIdFor(commandId, 0),
          type: 'FeedbackContactsShredded',
          data: { ...data, feedbackIds: [...data.feedbackIds] },
          metadata: {
            actor: RETENTION_ACTOR,
            commandId,
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
      // A concurrent run appends first and this one fails, rather than both recording the same.
      { expectedRevision },
    );
  }

  private async survey() {
    const partnerships = new Map<string, PartnershipRecords>();
    const of = (partnershipId: string) => {
      const found = partnerships.get(partnershipId);
      if (found) return found;
      const made: PartnershipRecords = {
        months: null,
        contacts: [],
        recorded: new Set(),
        revision: 'no_stream',
      };
      partnerships.set(partnershipId, made);
      return made;
    };
    let lastShreddedAt: string | null = null;
    const events = this.store.readAll({ filter: { eventTypes: RETENTION_EVENT_TYPES } });
    for await (const event of events) {
      // Ids are strings in every event of these types (their deciders' data).
      const partnershipId = event.data.partnershipId as string;
      switch (event.type) {
        case 'FeedbackContactRetentionSet':
          of(partnershipId).months = event.data.months as number | null;
          break;
        case 'FeedbackSubmitted': {
          const contact = contactOf(event);
          if (contact) of(partnershipId).contacts.push(contact);
          break;
        }
        case 'FeedbackContactsShredded': {
          const records = of(partnershipId);
          for (const feedbackId of event.data.feedbackIds as string[])
            records.recorded.add(feedbackId);
          records.revision = event.revision;
          lastShreddedAt = event.metadata.recordedAt;
          break;
        }
      }
    }
    return { partnerships, lastShreddedAt };
  }
}

function contactOf(event: RecordedEvent): Contact | undefined {
  const { contact, feedbackId } = event.data;
  if (contact === undefined || contact === null) return undefined;
  return {
    feedbackId: feedbackId as string,
    recordedAt: event.metadata.recordedAt,
    keyId: isSealed(contact) ? contact.key : undefined,
  };
}
