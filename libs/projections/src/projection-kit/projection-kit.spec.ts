import { openReadModelDatabase } from '../runner/read-model-database';
import { partnershipEvent, partnershipFoundedWith, recordedEvents } from '../testing';
import { partnerRoster } from './partner-roster';

describe('projection kit', () => {
  describe('partner roster', () => {
    const roster = partnerRoster('spec');
    const rosterOf = (given: Parameters<typeof recordedEvents>[0]) => {
      const db = openReadModelDatabase(':memory:');
      db.exec(roster.schema);
      const handle = roster.bind(db);
      for (const event of recordedEvents(given)) handle(event);
      return db;
    };

    it('owns its tables under the prefix', () =>
      expect(roster.tables).toEqual(['spec_partnerships', 'spec_partners']));

    it('knows a founded partnership (PartnershipFounded)', () => {
      const db = rosterOf(partnershipFoundedWith('p', []));
      expect(roster.partnership(db, 'p')).toEqual({ partnershipId: 'p', name: 'Partnership p' });
      expect(roster.partnership(db, 'q')).toBeUndefined();
    });

    it('lists the partners who joined, with kind, role and responsibilities (PartnerJoined)', () => {
      const db = rosterOf(partnershipFoundedWith('p', ['sos', 'acme']));
      expect(roster.partnersOf(db, 'p')).toEqual([
        {
          partnershipId: 'p',
          partnerId: 'acme',
          name: 'Partner acme',
          kind: 'association',
          role: 'member',
          responsibilities: ['evaluation'],
          member: true,
        },
        expect.objectContaining({ partnerId: 'sos', member: true }),
      ]);
    });

    it('keeps a partner who left, no longer a member, until it joins again (PartnerLeft)', () => {
      const left = partnershipEvent('PartnerLeft', {
        partnershipId: 'p',
        partnerId: 'acme',
        reason: 'Moved away',
      });
      const db = rosterOf([...partnershipFoundedWith('p', ['acme']), left]);
      expect(roster.partnersOf(db, 'p')).toEqual([
        expect.objectContaining({ partnerId: 'acme', member: false }),
      ]);
      const again = rosterOf([
        ...partnershipFoundedWith('p', ['acme']),
        left,
        ...partnershipFoundedWith('p', ['acme']).slice(1),
      ]);
      expect(roster.partnersOf(again, 'p')).toEqual([
        expect.objectContaining({ partnerId: 'acme', member: true }),
      ]);
    });

    it('follows role changes (PartnerRoleChanged)', () => {
      const db = rosterOf([
        ...partnershipFoundedWith('p', ['acme']),
        partnershipEvent('PartnerRoleChanged', {
          partnershipId: 'p',
          partnerId: 'acme',
          role: 'lead',
          responsibilities: ['coordination', 'reporting'],
        }),
      ]);
      expect(roster.partnersOf(db, 'p')).toEqual([
        expect.objectContaining({ role: 'lead', responsibilities: ['coordination', 'reporting'] }),
      ]);
    });

    it("lists a partner's memberships across partnerships", () => {
      const db = rosterOf([
        ...partnershipFoundedWith('b', ['acme']),
        ...partnershipFoundedWith('a', ['acme', 'sos']),
      ]);
      expect(roster.membershipsOf(db, 'acme').map((m) => m.partnershipId)).toEqual(['a', 'b']);
      expect(roster.membershipsOf(db, 'nobody')).toEqual([]);
    });
  });
});
