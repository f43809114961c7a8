import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AggregateStore,
  commandContextFor,
  ErasureReconciliation,
  PERSONAL_DATA_KEYS,
  streamOf,
} from '@cohesion/application';
import { type ErasureCommand, erasureDecider } from '@cohesion/domain';
import type { KeyStore } from '@cohesion/personal-data';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, ledgerClient } from '../support/ledger-client';
import { invitePerson } from '../support/people-fixtures';

const keysOf = (ledger: TestLedger) => ledger.app.get<KeyStore>(PERSONAL_DATA_KEYS);
const erasedAt = (keys: KeyStore, subject: string) =>
  keys.erasedSubjects().find((erased) => erased.subject === subject)?.destroyedAt;

describe('erasures carried through to the key store at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-erasure-reconciliation-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A person of the directory, removed, with an erasure requested for them. */
  async function removedWithErasureRequested(ledger: TestLedger, personId: string) {
    const api = ledgerClient(ledger);
    await invitePerson(api, personId);
    await api.post(`/people/${personId}/removal`, { reason: 'Left' }).expect(200);
    await api
      .post('/erasures', {
        erasureId: `e-${personId}`,
        dataSubject: { kind: 'person', personId },
        reason: 'Asked by letter',
      })
      .expect(201);
    return api;
  }

  it('destroys the keys of an erasure recorded by a process killed before it destroyed them, and no key made since', async () => {
    const first = await startTestLedger({}, dataDir);
    let carriedOutAt: string;
    let returningKey: string;
    try {
      // Ana: `ErasureCarriedOut` appended, and the process dies before destroying her key. The
      // very append the handler makes, without the handler's next step.
      await removedWithErasureRequested(first, 'ana');
      const anaKey = keysOf(first).currentKey('ana').keyId;
      const context = commandContextFor({ actor: admin, route: 'test: killed after the append' });
      const command = {
        type: 'CarryOutErasure',
        data: { erasureId: 'e-ana', reason: 'Nothing to keep' },
        metadata: { actor: admin, now: context.now },
        person: { removed: true },
      } as ErasureCommand;
      await first.app
        .get(AggregateStore)
        .execute(streamOf('erasure', 'e-ana'), erasureDecider, command, context);
      carriedOutAt = context.now;
      expect(keysOf(first).keyById(anaKey)).toMatchObject({ state: 'open' });

      // Sam: erased for real, then a key is made for the same subject (someone who came back).
      const api = await removedWithErasureRequested(first, 'sam');
      await api.post('/erasures/e-sam/carrying-out', { reason: 'Nothing to keep' }).expect(200);
      expect(erasedAt(keysOf(first), 'sam')).toBeDefined();
      returningKey = keysOf(first).currentKey('sam').keyId;
    } finally {
      await first.close();
    }

    const second = await startTestLedger({}, dataDir);
    try {
      const keys = keysOf(second);
      expect(erasedAt(keys, 'ana')).toBe(carriedOutAt);
      expect(keys.keyById(returningKey)).toMatchObject({ state: 'open' });
      // Nothing is left to do: running it again destroys nothing.
      expect(await second.app.get(ErasureReconciliation).reconcile()).toBe(0);
    } finally {
      await second.close();
    }
  });
});
