import { type FormEvent, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { FieldProblems } from '../../api/problem';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { usePersonalText } from '../../kit/PersonalText';
import { ProblemAlert } from '../../kit/ProblemAlert';
import { formText } from '../../kit/form-text';
import { GivenLink } from './GivenLink';
import { RoleChoices, chosenRoles } from './RoleChoices';
import { commandHeaders, sent } from './command';

type Person = components['schemas']['PersonDocument'];
type Link = components['schemas']['LinkDocument'];

/**
 * What may be done about one person, as their status allows: roles, suspension, reinstatement,
 * removal, a new invitation or password-reset link. The ledger decides who may: a refusal is
 * shown as it answers it.
 */
export function PersonActions({
  person,
  onChanged,
}: {
  readonly person: Person;
  readonly onChanged: (position: string) => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  const name = usePersonalText()(person.displayName);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblems | null>(null);
  const [link, setLink] = useState<Link | null>(null);
  const path = { params: { path: { personId: person.personId } }, headers: commandHeaders() };

  const run = async <T,>(
    send: () => ReturnType<typeof sent<T>>,
    then: (data: T) => void,
  ): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await send();
    setBusy(false);
    if (!answer.ok) {
      setProblems(answer.problems);
      return;
    }
    setProblems(null);
    then(answer.data);
  };
  const changed = (result: { readonly position: string }) => onChanged(result.position);

  const changeRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const roles = chosenRoles(new FormData(event.currentTarget));
    void run(
      () => sent(client.PUT('/people/{personId}/roles', { ...path, body: { roles } }), ['roles']),
      changed,
    );
  };

  const withReason = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    const reason = formText(new FormData(event.currentTarget), 'reason').trim();
    const init = { ...path, body: { reason } };
    void run(
      () =>
        sent(
          submitter === 'remove'
            ? client.POST('/people/{personId}/removal', init)
            : client.POST('/people/{personId}/suspension', init),
          ['reason'],
        ),
      changed,
    );
  };

  const reinstate = () =>
    run(() => sent(client.POST('/people/{personId}/reinstatement', path)), changed);
  const issueLink = (purpose: 'invitation' | 'password-reset') =>
    run(
      () =>
        sent(
          purpose === 'invitation'
            ? client.POST('/people/{personId}/invitation', path)
            : client.POST('/people/{personId}/password-reset', path),
        ),
      setLink,
    );

  const removed = person.status === 'removed';
  return (
    <section aria-labelledby="person-actions" className="person-actions">
      <h2 id="person-actions">{t('people.manage', { name })}</h2>
      {problems && problems.general.length > 0 ? <ProblemAlert problems={problems} /> : null}
      {link ? <GivenLink name={name} url={link.url} expiresAt={link.expiresAt} /> : null}
      {removed ? (
        <p>{t('people.removedNote')}</p>
      ) : (
        <>
          <form className="form" onSubmit={changeRoles} noValidate>
            <RoleChoices
              legend={t('people.rolesOf', { name })}
              chosen={person.roles}
              errors={problems?.fields.roles ?? []}
            />
            <button type="submit" disabled={busy}>
              {t('people.saveRoles')}
            </button>
          </form>
          <div className="inline-form">
            {person.status === 'invited' ? (
              <button type="button" disabled={busy} onClick={() => void issueLink('invitation')}>
                {t('people.newInvitation')}
              </button>
            ) : null}
            {person.status === 'active' ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void issueLink('password-reset')}
              >
                {t('people.passwordReset')}
              </button>
            ) : null}
            {person.status === 'suspended' ? (
              <button type="button" disabled={busy} onClick={() => void reinstate()}>
                {t('people.reinstate')}
              </button>
            ) : null}
          </div>
          <form className="form narrow" onSubmit={withReason} noValidate>
            <Field
              name="reason"
              label={t('people.reason')}
              hint={t('people.reasonHint')}
              required
              maxLength={500}
              autoComplete="off"
              errors={problems?.fields.reason ?? []}
            />
            <div className="inline-form">
              {person.status === 'active' ? (
                <button type="submit" name="action" value="suspend" disabled={busy}>
                  {t('people.suspend')}
                </button>
              ) : null}
              <button type="submit" name="action" value="remove" className="danger" disabled={busy}>
                {t('people.remove')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
