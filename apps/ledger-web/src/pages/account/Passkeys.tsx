import { type FormEvent, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { unwrap, useLoad } from '../../api/use-load';
import { newPasskeyCredential } from '../../auth/passkeys';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { Field } from '../../kit/Field';
import { LoadedView } from '../../kit/LoadedView';
import { formText } from '../../kit/form-text';

type Notice = 'added' | 'removed' | 'cancelled' | 'failed' | null;

const NOTICES = {
  added: 'passkeys.added',
  removed: 'passkeys.removed',
  cancelled: 'passkeys.cancelled',
  failed: 'passkeys.failed',
} as const;

/** The signed-in person's passkeys: add one (the browser creates it), remove one. */
export function Passkeys() {
  const t = useT();
  const format = useFormat();
  const client = useLedgerClient();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const passkeys = useLoad(async (ledger) => unwrap(await ledger.GET('/auth/passkeys')), [version]);

  const act = async (action: () => Promise<Exclude<Notice, null>>) => {
    if (busy) return;
    setBusy(true);
    setNotice(await action().catch(() => 'failed' as const));
    setBusy(false);
    setVersion((current) => current + 1);
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label = formText(new FormData(event.currentTarget), 'label').trim();
    const form = event.currentTarget;
    void act(async () => {
      const options = unwrap(await client.POST('/auth/passkeys/registration-options'));
      const credential = await newPasskeyCredential(options);
      if (!credential) return 'cancelled';
      const { response } = await client.POST('/auth/passkeys', {
        body: { credential, ...(label ? { label } : {}) },
      });
      if (!response.ok) return 'failed';
      form.reset();
      return 'added';
    });
  };

  const remove = (credentialId: string) =>
    act(async () => {
      const { response } = await client.POST('/auth/passkeys/{credentialId}/removal', {
        params: { path: { credentialId } },
      });
      return response.ok ? 'removed' : 'failed';
    });

  return (
    <section aria-labelledby="account-passkeys">
      <h2 id="account-passkeys">{t('passkeys.title')}</h2>
      <p>{t('passkeys.lead')}</p>
      {notice ? (
        <p
          role={notice === 'failed' ? 'alert' : 'status'}
          className={notice === 'failed' ? 'problem' : 'notice'}
        >
          {t(NOTICES[notice])}
        </p>
      ) : null}
      <LoadedView loaded={passkeys}>
        {(rows) => (
          <DataTable
            caption={t('passkeys.title')}
            captionHidden
            rows={rows}
            rowKey={(row) => row.credentialId}
            empty={t('passkeys.none')}
            columns={[
              {
                key: 'label',
                header: t('passkeys.label'),
                rowHeader: true,
                cell: (row) => row.label,
              },
              {
                key: 'created',
                header: t('passkeys.created'),
                cell: (row) => format.dateTime(row.createdAt),
              },
              {
                key: 'used',
                header: t('passkeys.lastUsed'),
                cell: (row) =>
                  row.lastUsedAt ? format.dateTime(row.lastUsedAt) : t('passkeys.neverUsed'),
              },
              {
                key: 'remove',
                header: t('table.actions'),
                cell: (row) => (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void remove(row.credentialId)}
                  >
                    {t('passkeys.remove', { label: row.label })}
                  </button>
                ),
              },
            ]}
          />
        )}
      </LoadedView>
      <form className="inline-form" onSubmit={add}>
        <Field name="label" label={t('passkeys.newLabel')} maxLength={100} autoComplete="off" />
        <button type="submit" className="primary" disabled={busy}>
          {t('passkeys.add')}
        </button>
      </form>
    </section>
  );
}
