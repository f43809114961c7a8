import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useHref, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import type { SignInMethods, SignInOutcome } from '../auth/session';
import { useT } from '../i18n/use-t';
import { Field } from '../kit/Field';
import { formText } from '../kit/form-text';
import { Page } from '../shell/Page';

type Outcome = 'idle' | 'submitting' | Exclude<SignInOutcome['kind'], 'signed-in'>;

const OUTCOME_MESSAGES = {
  refused: 'signIn.refused',
  throttled: 'signIn.throttled',
  unavailable: 'signIn.unavailable',
} as const;

/**
 * Where a person signs in — password, passkey, or the organisation's provider when the ledger
 * has one — and comes back to the page they asked for (only within the app).
 */
export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { state, authentication, refresh } = useSession();
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const next = safeNext(search.get('next'));
  // The page to come back to after the provider, as a path of the site (with the app's base).
  const returnTo = useHref(next);

  useEffect(() => {
    let current = true;
    authentication.methods().then(
      (answer) => current && setMethods(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [authentication]);

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const attempt = async (signIn: () => Promise<SignInOutcome>) => {
    if (outcome === 'submitting') return;
    setOutcome('submitting');
    const result = await signIn().catch(() => ({ kind: 'unavailable' as const, status: 0 }));
    if (result.kind === 'signed-in') {
      await refresh();
      await navigate(next, { replace: true });
      return;
    }
    setOutcome(result.kind);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(() => authentication.signIn(formText(form, 'email'), formText(form, 'password')));
  };

  const problem = outcome === 'idle' || outcome === 'submitting' ? null : OUTCOME_MESSAGES[outcome];
  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {problem ? (
        <div role="alert" className="problem">
          <p>{t(problem)}</p>
        </div>
      ) : null}
      <form className="form narrow" onSubmit={submit} noValidate>
        <Field
          name="email"
          type="email"
          autoComplete="username webauthn"
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
      {methods ? (
        <section aria-labelledby="other-ways" className="form narrow sign-in-other">
          <h2 id="other-ways">{t('signIn.otherWays')}</h2>
          {methods.passkeys ? (
            <button
              type="button"
              disabled={outcome === 'submitting'}
              onClick={() => void attempt(() => authentication.signInWithPasskey())}
            >
              {t('signIn.withPasskey')}
            </button>
          ) : null}
          {methods.oidc.enabled ? (
            <a
              className="button"
              href={`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            >
              {t('signIn.withProvider', { provider: methods.oidc.displayName })}
            </a>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

/** Only a path inside the app: never another site (an open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
