import { type FormEvent, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { FieldProblems } from '../../api/problem';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { type Choice, SelectField } from '../../kit/SelectField';
import { ProblemAlert } from '../../kit/ProblemAlert';
import { formText } from '../../kit/form-text';
import { GivenLink } from './GivenLink';
import { RoleChoices, chosenRoles } from './RoleChoices';
import { commandHeaders, sent } from './command';

type Invitation = components['schemas']['InvitationDocument'];
const FIELDS = ['displayName', 'email', 'partnerId', 'roles'] as const;

/** Invites a person; the invitation link is shown to copy, since no e-mail is sent. */
export function InvitePerson({
  partners,
  onInvited,
}: {
  /** The partners a person may act for. */
  readonly partners: readonly Choice[];
  readonly onInvited: (position: string) => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblems | null>(null);
  const [invited, setInvited] = useState<{ name: string; invitation: Invitation } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const partnerId = formText(data, 'partnerId').trim();
    const body = {
      displayName: formText(data, 'displayName').trim(),
      email: formText(data, 'email').trim(),
      roles: chosenRoles(data),
      ...(partnerId ? { partnerId } : {}),
    };
    setBusy(true);
    const answer = await sent(client.POST('/people', { headers: commandHeaders(), body }), FIELDS);
    setBusy(false);
    if (!answer.ok) {
      setProblems(answer.problems);
      return;
    }
    setProblems(null);
    setInvited({ name: body.displayName, invitation: answer.data });
    form.reset();
    onInvited(answer.data.position);
  };

  return (
    <section aria-labelledby="people-invite">
      <h2 id="people-invite">{t('people.invite')}</h2>
      {invited ? (
        <GivenLink
          name={invited.name}
          url={invited.invitation.invitation.url}
          expiresAt={invited.invitation.invitation.expiresAt}
        />
      ) : null}
      <form className="form narrow" onSubmit={(event) => void submit(event)} noValidate>
        {problems && problems.general.length > 0 ? <ProblemAlert problems={problems} /> : null}
        <Field
          name="displayName"
          label={t('account.name')}
          required
          autoComplete="off"
          errors={problems?.fields.displayName ?? []}
        />
        <Field
          name="email"
          type="email"
          label={t('signIn.email')}
          required
          autoComplete="off"
          errors={problems?.fields.email ?? []}
        />
        <SelectField
          name="partnerId"
          label={t('people.partnerId')}
          hint={t('people.partnerHint')}
          placeholder={t('people.noPartner')}
          choices={partners}
          errors={problems?.fields.partnerId ?? []}
        />
        <RoleChoices legend={t('account.roles')} errors={problems?.fields.roles ?? []} />
        <button type="submit" className="primary" disabled={busy}>
          {t('people.inviteSubmit')}
        </button>
      </form>
    </section>
  );
}
