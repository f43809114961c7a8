import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { LedgerClient } from '../../api/client';
import { type FieldProblems, isProblem, problemToFields } from '../../api/problem';
import { type Loaded, ProblemError, unwrap, useLoad } from '../../api/use-load';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/SessionProvider';
import type { MessageKey } from '../../i18n/messages';
import { type Translate, useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { ProblemAlert } from '../../kit/ProblemAlert';
import { formText } from '../../kit/form-text';
import { Page } from '../../shell/Page';

type LinkHolder = components['schemas']['LinkHolderDocument'];
export type LinkPurpose = 'invitation' | 'password-reset';

const TEXT = {
  invitation: {
    title: 'link.invitation.title',
    lead: 'link.invitation.lead',
    submit: 'link.invitation.submit',
  },
  'password-reset': {
    title: 'link.reset.title',
    lead: 'link.reset.lead',
    submit: 'link.reset.submit',
  },
} as const;

/** The token of the link: after `#token=`, a part of the address browsers never send. */
function tokenOf(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

async function holderOf(client: LedgerClient, purpose: LinkPurpose, token: string) {
  const init = { params: { header: { 'x-link-token': token } } };
  return unwrap(
    purpose === 'invitation'
      ? await client.GET('/auth/invitation', init)
      : await client.GET('/auth/password-reset', init),
  );
}

/**
 * An invitation or password-reset link opened: who it is for, a password to choose (the ledger's
 * policy refusals shown at the field), and then the person is signed in.
 */
export function LinkPasswordPage({ purpose }: { readonly purpose: LinkPurpose }) {
  const t = useT();
  const { hash } = useLocation();
  const [token] = useState(() => tokenOf(hash));
  const holder = useLoad((client) => holderOf(client, purpose, token), [purpose, token]);
  // The secret leaves the address bar (and the history) once read.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', ' ');
  }, []);
  return (
    <Page title={t(TEXT[purpose].title)}>
      <HolderView holder={holder}>
        {(person) => <ChoosePassword purpose={purpose} token={token} person={person} />}
      </HolderView>
    </Page>
  );
}

function HolderView({
  holder,
  children,
}: {
  readonly holder: Loaded<LinkHolder>;
  readonly children: (person: LinkHolder) => React.ReactNode;
}) {
  const t = useT();
  if (holder.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('state.loading')}
      </p>
    );
  }
  if (holder.status === 'failed') {
    return (
      <div role="alert" className="problem">
        <p>{t(holder.problem.status === 0 ? 'state.offline' : 'link.unusable')}</p>
        <p>
          <Link to="/sign-in">{t('signIn.title')}</Link>
        </p>
      </div>
    );
  }
  return <>{children(holder.data)}</>;
}

function ChoosePassword({
  purpose,
  token,
  person,
}: {
  readonly purpose: LinkPurpose;
  readonly token: string;
  readonly person: LinkHolder;
}) {
  const t = useT();
  const client = useLedgerClient();
  const navigate = useNavigate();
  const { authentication, refresh } = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<FieldProblems | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const password = formText(new FormData(event.currentTarget), 'password');
    setSubmitting(true);
    try {
      await setPassword(client, purpose, token, password);
      // A reset ends every session: sign in with the new password at once.
      if (purpose === 'password-reset') {
        await authentication.signIn(person.email, password);
      }
      await refresh();
      await navigate('/', { replace: true });
    } catch (error) {
      setProblems(passwordProblems(error, t));
      setSubmitting(false);
    }
  };

  return (
    <>
      <p className="lead">
        {t(TEXT[purpose].lead, { name: person.displayName, email: person.email })}
      </p>
      <form className="form narrow" onSubmit={(event) => void submit(event)} noValidate>
        {problems && problems.general.length > 0 ? <ProblemAlert problems={problems} /> : null}
        <input type="hidden" name="username" autoComplete="username" value={person.email} />
        <Field
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          label={t('link.password')}
          hint={t('link.passwordHint')}
          errors={problems?.fields.password ?? []}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t(TEXT[purpose].submit)}
        </button>
      </form>
    </>
  );
}

async function setPassword(
  client: LedgerClient,
  purpose: LinkPurpose,
  token: string,
  password: string,
): Promise<void> {
  const body = { token, password };
  const answer =
    purpose === 'invitation'
      ? await client.POST('/auth/invitation/acceptance', { body })
      : await client.POST('/auth/password-reset', { body });
  if (!answer.response.ok) {
    throw new ProblemError(
      isProblem(answer.error) ? answer.error : { status: answer.response.status },
    );
  }
}

/** The ledger's password policy (password-policy.ts), reason by reason, in the reader's language. */
const POLICY_REASONS: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/at least \d+ characters/, 'link.policy.tooShort'],
  [/at most \d+ characters/, 'link.policy.tooLong'],
  [/most common/, 'link.policy.common'],
  [/name or e-mail/, 'link.policy.personal'],
];

/** The policy's refusal (a 422 `password-refused`) belongs to the field; anything else on top. */
function passwordProblems(error: unknown, t: Translate): FieldProblems {
  const problem = error instanceof ProblemError ? error.problem : { status: 0 };
  if (problem.rule === 'password-refused' && problem.detail) {
    const detail = problem.detail;
    const known = POLICY_REASONS.find(([pattern]) => pattern.test(detail));
    return { fields: { password: [known ? t(known[1]) : detail] }, general: [] };
  }
  if (problem.status === 404) return { fields: {}, general: [t('link.unusable')] };
  return problemToFields(problem, ['password']);
}
