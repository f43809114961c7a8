import type { ErasureEvent } from '@cohesion/domain';
import { type GivenEvent, project } from '../testing';
import { erasuresProjector } from './erasures.projector';
import { erasureById, listErasures } from './erasures.queries';

const erasure = <T extends ErasureEvent['type']>(
  type: T,
  data: Extract<ErasureEvent, { type: T }>['data'],
  at: string,
): GivenEvent => ({ stream: `erasure-${data.erasureId}`, event: { type, data }, at });

const requested = (erasureId: string, at: string, personId = 'ana') =>
  erasure(
    'ErasureRequested',
    {
      erasureId,
      dataSubject: { kind: 'person', personId },
      subjects: [personId],
      reason: 'asked by letter',
      requestedBy: 'admin-1',
    },
    at,
  );

const given: GivenEvent[] = [
  requested('e-1', '2026-12-01T09:00:00.000Z'),
  erasure(
    'ErasureRequested',
    {
      erasureId: 'e-2',
      dataSubject: { kind: 'resident', feedbackId: 'youth--f-9' },
      subjects: ['resident-youth--f-9', 'resident-youth--f-9-contact'],
      reason: 'asked at the front desk',
      requestedBy: 'admin-2',
    },
    '2026-12-01T10:00:00.000Z',
  ),
  requested('e-3', '2026-12-01T11:00:00.000Z', 'sam'),
  erasure(
    'ErasureCarriedOut',
    {
      erasureId: 'e-1',
      subjects: ['ana'],
      reason: 'identity checked',
      carriedOutBy: 'admin-2',
      carriedOutAt: '2026-12-02T08:59:59.000Z',
    },
    '2026-12-02T09:00:00.000Z',
  ),
  erasure(
    'ErasureDeclined',
    { erasureId: 'e-3', reason: 'accounts kept 10 years by law', declinedBy: 'admin-1' },
    '2026-12-03T09:00:00.000Z',
  ),
];

describe('erasures read model', () => {
  const db = project(erasuresProjector, given);

  it('shows a request carried out: whose, who asked and answered, when and why', () => {
    expect(erasureById(db, 'e-1')).toEqual({
      erasureId: 'e-1',
      dataSubject: { kind: 'person', personId: 'ana' },
      subjects: ['ana'],
      status: 'carried_out',
      requested: { by: 'admin-1', at: '2026-12-01T09:00:00.000Z', reason: 'asked by letter' },
      carriedOut: { by: 'admin-2', at: '2026-12-02T09:00:00.000Z', reason: 'identity checked' },
      declined: null,
    });
  });

  it("shows a resident's request still waiting, and a declined one", () => {
    expect(erasureById(db, 'e-2')).toMatchObject({
      dataSubject: { kind: 'resident', feedbackId: 'youth--f-9' },
      subjects: ['resident-youth--f-9', 'resident-youth--f-9-contact'],
      status: 'requested',
      carriedOut: null,
      declined: null,
    });
    expect(erasureById(db, 'e-3')).toMatchObject({
      status: 'declined',
      carriedOut: null,
      declined: { by: 'admin-1', reason: 'accounts kept 10 years by law' },
    });
    expect(erasureById(db, 'e-4')).toBeUndefined();
  });

  it('lists the requests in the order they were made, by status or data subject, by pages', () => {
    const ids = (rows: readonly { erasureId: string }[]) => rows.map((row) => row.erasureId);
    expect(ids(listErasures(db, { limit: 10 }))).toEqual(['e-1', 'e-2', 'e-3']);
    expect(ids(listErasures(db, { status: 'requested', limit: 10 }))).toEqual(['e-2']);
    expect(ids(listErasures(db, { subjectId: 'sam', limit: 10 }))).toEqual(['e-3']);
    const first = listErasures(db, { limit: 1 });
    expect(first).toHaveLength(2);
    expect(ids(listErasures(db, { after: first[0].seq, limit: 10 }))).toEqual(['e-2', 'e-3']);
  });
});
