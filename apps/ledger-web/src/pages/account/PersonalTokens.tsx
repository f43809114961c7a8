import { type FormEvent, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { FieldProblems } from '../../api/problem';
import { unwrap, useLoad } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { Field } from '../../kit/Field';
import { LoadedView } from '../../kit/LoadedView';
import { ProblemAlert } from '../../kit/ProblemAlert';
import { formText } from '../../kit/form-text';
import { commandHeaders, sent } from '../people/command';

/**
 * The person's personal API tokens (for scripts): issue one — shown this once, the ledger keeps
 * only its id — and revoke one.
 */
export function PersonalTokens({ personId }: { readonly personId: string }) {
  const t = useT();
  const format = useFormat();
  const client = useLedgerClient();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblems | null>(null);
  const path = { params: { path: { personId } } };
  const tokens = useLoad(
    async (ledger) => unwrap(await ledger.GET('/people/{personId}/tokens', path)),
    [personId, version],
  );

  const issue = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const label = formText(new FormData(form), 'label').trim();
    setBusy(true);
    const answer = await sent(
      client.POST('/people/{personId}/tokens', {
        ...path,
        headers: commandHeaders(),
        body: { label, ttl: '30d' },
      }),
      ['label'],
    );
    setBusy(false);
    if (!answer.ok) {
      setProblems(answer.problems);
      return;
    }
    setIssued(answer.data.token);
    setProblems(null);
    form.reset();
    setVersion((current) => current + 1);
  };

  const revoke = async (tokenId: string) => {
    setBusy(true);
    await client
      .POST('/people/{personId}/tokens/{tokenId}/revocation', {
        params: { path: { personId, tokenId } },
        headers: commandHeaders(),
      })
      .catch(() => undefined);
    setBusy(false);
    setVersion((current) => current + 1);
  };

  return (
    <section aria-labelledby="account-tokens">
      <h2 id="account-tokens">{t('tokens.title')}</h2>
      <p>{t('tokens.lead')}</p>
      {issued ? (
        <div role="status" className="notice">
          <p>{t('tokens.issued')}</p>
          <p>
            <code className="secret" tabIndex={0} aria-label={t('tokens.theToken')}>
              {issued}
            </code>
          </p>
        </div>
      ) : null}
      <LoadedView loaded={tokens}>
        {(rows) => (
          <DataTable
            caption={t('tokens.title')}
            captionHidden
            rows={rows}
            rowKey={(row) => row.tokenId}
            empty={t('tokens.none')}
            columns={[
              {
                key: 'label',
                header: t('tokens.label'),
                rowHeader: true,
                cell: (row) => row.label ?? t('tokens.cliToken'),
              },
              {
                key: 'issued',
                header: t('tokens.issuedAt'),
                cell: (row) => (row.issuedAt ? format.dateTime(row.issuedAt) : '—'),
              },
              {
                key: 'expires',
                header: t('tokens.expiresAt'),
                cell: (row) => (row.expiresAt ? format.dateTime(row.expiresAt) : '—'),
              },
              {
                key: 'state',
                header: t('table.actions'),
                cell: (row) =>
                  row.revokedAt ? (
                    t('tokens.revokedAt', { at: format.dateTime(row.revokedAt) })
                  ) : (
                    <button type="button" disabled={busy} onClick={() => void revoke(row.tokenId)}>
                      {t('tokens.revoke', { label: row.label ?? row.tokenId })}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </LoadedView>
      <form className="inline-form" onSubmit={(event) => void issue(event)} noValidate>
        {problems && problems.general.length > 0 ? <ProblemAlert problems={problems} /> : null}
        <Field
          name="label"
          label={t('tokens.newLabel')}
          required
          maxLength={100}
          autoComplete="off"
          errors={problems?.fields.label ?? []}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('tokens.issue')}
        </button>
      </form>
    </section>
  );
}
