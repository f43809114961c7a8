import { createHash, randomUUID } from 'node:crypto';
import { eventIdFor, type NewEvent } from '@cohesion/event-store';

/**
 * The events every store benchmark appends: the real shape of a ContributionRecorded event (about
 * 220 bytes of JSON data) with the metadata the API records (actor, command, correlation and
 * causation ids, schema version, command fingerprint).
 */
export function contributionRecorded(sequence: number, count = 1): NewEvent[] {
  const commandId = randomUUID();
  const fingerprint = createHash('sha256').update(commandId).digest('hex');
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type: 'ContributionRecorded',
    data: {
      contributionId: `mentoring-${String(sequence + index).padStart(7, '0')}`,
      partnershipId: 'youth',
      partnerId: 'sos-jeunes',
      kind: 'volunteer_time',
      quantity: 12.5,
      unit: 'hours',
      date: '2026-11-20',
      description: 'Mentoring',
      commitmentId: 'tutoring-hours',
    },
    metadata: {
      actor: { sub: 'ana@acme.example', partnerId: 'acme', roles: ['partner'] },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
      commandFingerprint: fingerprint,
    },
  }));
}

/** Bytes of the JSON data of one event, reported in each suite's setup. */
export function payloadBytes(): number {
  return Buffer.byteLength(JSON.stringify(contributionRecorded(0)[0].data));
}

/** Stream names `contribution-0` … `contribution-<count - 1>`. */
export function streamName(index: number): string {
  return `contribution-${index}`;
}
