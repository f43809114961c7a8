import { GENESIS_HASH, hashEvent, type RecordedEvent } from '@cohesion/event-store';
import { exportLine, parseExportLine } from './exported-event';

const content = {
  id: '6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f',
  stream: 'partnership-youth',
  revision: 0n,
  type: 'PartnershipFounded',
  data: { partnershipId: 'youth', name: 'Youth' },
  metadata: {
    actor: { sub: 'admin' },
    commandId: 'c-1',
    correlationId: 'c-1',
    causationId: 'c-1',
    schemaVersion: 1,
    recordedAt: '2026-01-05T09:00:00.000Z',
  },
  prevHash: GENESIS_HASH,
};
const event: RecordedEvent = { ...content, position: 1n, hash: hashEvent(content) };

describe('an exported event', () => {
  it('reads back as the event it was written from', () => {
    expect(parseExportLine(exportLine(event), 1)).toEqual(event);
  });

  it('is refused with its line number when its content no longer matches its hash', () => {
    const line = exportLine({ ...event, data: { ...event.data, name: 'Changed' } });
    expect(() => parseExportLine(line, 12)).toThrow(
      `line 12: event ${event.id} does not match its hash: the line was changed after the export`,
    );
  });

  it.each([
    ['not JSON', '{"id":', 'line 4: not JSON (each line must be one exported event)'],
    ['not an object', '[1, 2]', 'line 4: not a JSON object (each line must be one exported event)'],
    [
      'no stream',
      JSON.stringify({ ...JSON.parse(exportLine(event)), stream: '' }),
      'line 4: "stream" must be a non-empty string',
    ],
    [
      'a numeric revision',
      JSON.stringify({ ...JSON.parse(exportLine(event)), revision: 0 }),
      'line 4: "revision" must be a whole number written as a decimal string',
    ],
    [
      'no recordedAt',
      JSON.stringify({ ...JSON.parse(exportLine(event)), metadata: { actor: { sub: 'admin' } } }),
      'line 4: "metadata" must be a JSON object with "recordedAt"',
    ],
    [
      'a short hash',
      JSON.stringify({ ...JSON.parse(exportLine(event)), hash: 'abc' }),
      'line 4: "prevHash" and "hash" must be 64 hex digits',
    ],
  ])('is refused when it has %s', (_, line, message) => {
    expect(() => parseExportLine(line, 4)).toThrow(message);
  });
});
