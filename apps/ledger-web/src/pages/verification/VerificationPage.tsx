import { type ChangeEvent, type FormEvent, useEffect, useMemo, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { unwrap, useLoad } from '../../api/use-load';
import { useSession } from '../../auth/SessionProvider';
import { hasRole } from '../../auth/session';
import { useFormat } from '../../i18n/use-format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { formText } from '../../kit/form-text';
import { Page } from '../../shell/Page';
import { AccessAudit } from './AccessAudit';
import {
  CheckFailed,
  type CheckFailure,
  checkConsistency,
  checkInclusion,
  parseSavedHead,
} from './verify';

type Verdict =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'passed'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Anyone may check, in this browser, that the ledger was never rewritten. */
export function VerificationPage() {
  const t = useT();
  const format = useFormat();
  const client = useLedgerClient();
  const { state } = useSession();
  const loaded = useLoad(async (ledger) => {
    const [head, key] = await Promise.all([
      ledger.GET('/verifiable-history/tree-head').then(unwrap),
      ledger.GET('/verifiable-history/public-key').then(unwrap),
    ]);
    return { head, key };
  }, []);
  const [consistency, setConsistency] = useState<Verdict>({ kind: 'idle' });
  const [inclusion, setInclusion] = useState<Verdict>({ kind: 'idle' });
  const failureMessage = (error: unknown) =>
    t(error instanceof CheckFailed ? FAILURES[error.failure] : 'verification.failure.unavailable');

  const download = useMemo(() => {
    if (loaded.status !== 'loaded') return null;
    const blob = new Blob([`${JSON.stringify(loaded.data.head, null, 2)}\n`], {
      type: 'application/json',
    });
    return { href: URL.createObjectURL(blob), name: `tree-head-${loaded.data.head.treeSize}.json` };
  }, [loaded]);
  useEffect(() => () => (download ? URL.revokeObjectURL(download.href) : undefined), [download]);

  const checkSaved = async (event: ChangeEvent<HTMLInputElement>, pem: string) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setConsistency({ kind: 'checking' });
    try {
      const saved = parseSavedHead(await file.text());
      const { oldSize, newSize } = await checkConsistency(saved, pem, (oldSize) =>
        client
          .GET('/verifiable-history/consistency-proof', { params: { query: { oldSize } } })
          .then(unwrap),
      );
      setConsistency({
        kind: 'passed',
        message: t('verification.consistent', {
          oldSize: format.number(oldSize),
          newSize: format.number(newSize),
        }),
      });
    } catch (error) {
      setConsistency({ kind: 'failed', message: failureMessage(error) });
    }
  };

  const checkEvent = async (event: FormEvent<HTMLFormElement>, pem: string) => {
    event.preventDefault();
    const eventId = formText(new FormData(event.currentTarget), 'eventId').trim();
    if (!eventId) return;
    setInclusion({ kind: 'checking' });
    try {
      const proof = await client
        .GET('/verifiable-history/inclusion-proof', { params: { query: { eventId } } })
        .then(unwrap);
      const { treeSize, leafIndex } = await checkInclusion(proof, pem);
      setInclusion({
        kind: 'passed',
        message: t('verification.included', {
          position: format.number(leafIndex + 1),
          treeSize: format.number(treeSize),
        }),
      });
    } catch (error) {
      setInclusion({ kind: 'failed', message: failureMessage(error) });
    }
  };

  return (
    <Page title={t('verification.title')} lead={t('verification.lead')}>
      <LoadedView loaded={loaded}>
        {({ head, key }) => (
          <>
            <section aria-labelledby="latest-head">
              <h2 id="latest-head">{t('verification.latestHead')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('verification.treeSize')}</dt>
                  <dd>{format.number(head.treeSize)}</dd>
                </div>
                <div>
                  <dt>{t('verification.signedAt')}</dt>
                  <dd>{format.dateTime(head.timestamp)}</dd>
                </div>
                <div>
                  <dt>{t('verification.rootHash')}</dt>
                  <dd>
                    <code className="hash">{head.rootHash}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('verification.keyId')}</dt>
                  <dd>
                    <code className="hash">{key.keyId}</code>
                  </dd>
                </div>
              </dl>
              {download ? (
                <p>
                  <a href={download.href} download={download.name} className="button">
                    {t('verification.download')}
                  </a>
                </p>
              ) : null}
              <p className="field-hint">{t('verification.keepIt')}</p>
            </section>
            <section aria-labelledby="check-saved">
              <h2 id="check-saved">{t('verification.checkSaved')}</h2>
              <div className="field">
                <label htmlFor="saved-head">{t('verification.savedHead')}</label>
                <input
                  id="saved-head"
                  type="file"
                  accept="application/json,.json"
                  onChange={(event) => void checkSaved(event, key.pem)}
                />
              </div>
              <VerdictView verdict={consistency} />
            </section>
            <section aria-labelledby="check-event">
              <h2 id="check-event">{t('verification.checkEvent')}</h2>
              <form className="inline-form" onSubmit={(event) => void checkEvent(event, key.pem)}>
                <label htmlFor="event-id">{t('verification.eventId')}</label>
                <input id="event-id" name="eventId" type="text" autoComplete="off" />
                <button type="submit">{t('verification.checkEventSubmit')}</button>
              </form>
              <VerdictView verdict={inclusion} />
            </section>
            {state.status === 'signed-in' && hasRole(state.session, 'admin', 'auditor') ? (
              <AccessAudit />
            ) : null}
          </>
        )}
      </LoadedView>
    </Page>
  );
}

function VerdictView({ verdict }: { readonly verdict: Verdict }) {
  const t = useT();
  return (
    <div aria-live="polite" className="verdict">
      {verdict.kind === 'checking' ? <p>{t('verification.checking')}</p> : null}
      {verdict.kind === 'passed' ? <p className="verdict-passed">{verdict.message}</p> : null}
      {verdict.kind === 'failed' ? <p className="verdict-failed">{verdict.message}</p> : null}
    </div>
  );
}

const FAILURES: Record<CheckFailure, MessageKey> = {
  'not-json': 'verification.failure.notJson',
  'missing-head': 'verification.failure.missingHead',
  'bad-proof-encoding': 'verification.failure.badProof',
  'invalid-size': 'verification.failure.badProof',
  'index-out-of-range': 'verification.failure.badProof',
  'size-decreased': 'verification.failure.sizeDecreased',
  'empty-tree': 'verification.failure.badProof',
  'unexpected-proof': 'verification.failure.badProof',
  'empty-proof': 'verification.failure.badProof',
  'wrong-proof-length': 'verification.failure.badProof',
  'bad-hash-length': 'verification.failure.badProof',
  'root-mismatch': 'verification.failure.rootMismatch',
  'malformed-tree-head': 'verification.failure.malformedHead',
  'invalid-public-key': 'verification.failure.badKey',
  'bad-signature': 'verification.failure.badSignature',
  'crypto-unavailable': 'verification.failure.noCrypto',
};
