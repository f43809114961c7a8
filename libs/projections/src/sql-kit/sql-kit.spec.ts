import type { PartnershipEvent } from '@cohesion/domain';
import { partnershipEvent, partnershipFoundedWith, recordedEvents } from '../testing';
import { openReadModelDatabase } from '../runner/read-model-database';
import { cachedStatement, whereAll } from './cached-statement';
import { dispatch, type EventHandlers } from './event-handlers';

describe('sql kit', () => {
  describe('dispatch', () => {
    it('hands each handled event its data, and ignores every other type', () => {
      const seen: string[] = [];
      const handlers: EventHandlers<PartnershipEvent> = {
        PartnerLeft: ({ partnerId, reason }) => seen.push(`${partnerId} left: ${reason}`),
      };
      const handle = dispatch(handlers);
      const events = recordedEvents([
        ...partnershipFoundedWith('p', ['acme']),
        partnershipEvent('PartnerLeft', { partnershipId: 'p', partnerId: 'acme', reason: 'moved' }),
      ]);
      for (const event of events) handle(event);
      for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
        handle({ ...events[0], type });
      expect(seen).toEqual(['acme left: moved']);
    });
  });

  describe('statement cache', () => {
    it('prepares each SQL once per database, and survives its tables being recreated', () => {
      const db = openReadModelDatabase(':memory:');
      db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
      const sql = `SELECT count(*) AS n FROM t ${whereAll(['x > 0'])}`;
      expect(cachedStatement(db, sql)).toBe(cachedStatement(db, sql));
      expect(cachedStatement(openReadModelDatabase(':memory:'), 'SELECT 1')).not.toBe(
        cachedStatement(db, 'SELECT 1'),
      );
      db.exec('DROP TABLE t; CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1), (2)');
      expect(cachedStatement(db, sql).get()).toEqual({ n: 2 });
      expect(whereAll([])).toBe('');
    });
  });
});
