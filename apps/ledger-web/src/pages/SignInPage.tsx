import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { useT } from '../i18n/use-t';
import { Field } from '../kit/Field';
import { formText } from '../kit/form-text';
import { Page } from '../shell/Page';

type Outcome = 'idle' | 'submitting' | 'refused' | 'unavailable';

/** Where a person signs in; they come back to the page they asked for (only within the app). */
export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { state, authentication, refresh } = useSession();
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const next = safeNext(search.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome === 'submitting') return;
    const form = new FormData(event.currentTarget);
    setOutcome('submitting');
    const result = await authentication
      .signIn(formText(form, 'email'), formText(form, 'password'))
      .catch(() => ({ kind: 'unavailable' as const, status: 0 }));
    if (result.kind === 'signed-in') {
      await refresh();
      await navigate(next, { replace: true });
      return;
    }
    setOutcome(result.kind);
  };

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      <form className="form narrow" onSubmit={(event) => void submit(event)} noValidate>
        {outcome === 'refused' || outcome === 'unavailable' ? (
          <div role="alert" className="problem">
            <p>{t(outcome === 'refused' ? 'signIn.refused' : 'signIn.unavailable')}</p>
          </div>
        ) : null}
        <Field
          name="email"
          type="email"
          autoComplete="username"
          required
          label={t('signIn.email')}
        />
        <Field
          name="password"
          type="password"
          autoComplete="current-password"
          required
          label={t('signIn.password')}
        />
        <button type="submit" className="primary" disabled={outcome === 'submitting'}>
          {outcome === 'submitting' ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </Page>
  );
}

/** Only a path inside the app: never another site (an open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
