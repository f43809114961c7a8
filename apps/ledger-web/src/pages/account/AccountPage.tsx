import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession, useSignedIn } from '../../auth/SessionProvider';
import { SIGN_IN_METHOD, rolesText } from '../../i18n/people-labels';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { Page } from '../../shell/Page';
import { Passkeys } from './Passkeys';
import { PersonalTokens } from './PersonalTokens';

/** The signed-in person's own account: profile, passkeys, personal API tokens, sessions. */
export function AccountPage() {
  const t = useT();
  const format = useFormat();
  const session = useSignedIn();
  const { authentication, refresh } = useSession();
  const navigate = useNavigate();
  const [ending, setEnding] = useState(false);

  const signOutEverywhere = async () => {
    setEnding(true);
    await authentication.signOutEverywhere().catch(() => undefined);
    await refresh();
    await navigate('/sign-in');
  };

  return (
    <Page title={t('account.title')} lead={t('account.lead')}>
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{session.displayName}</dd>
          </div>
          <div>
            <dt>{t('signIn.email')}</dt>
            <dd>{session.email}</dd>
          </div>
          <div>
            <dt>{t('account.partner')}</dt>
            <dd>{session.partnerId ?? t('account.noPartner')}</dd>
          </div>
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>{rolesText(session.roles, t)}</dd>
          </div>
          <div>
            <dt>{t('account.session')}</dt>
            <dd>
              {t('account.sessionSince', {
                method: t(SIGN_IN_METHOD[session.method]),
                since: format.dateTime(session.signedInAt),
                until: format.dateTime(session.expiresAt),
              })}
            </dd>
          </div>
        </dl>
      </section>
      <Passkeys />
      <PersonalTokens personId={session.personId} />
      <section aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('account.sessions')}</h2>
        <p>{t('account.signOutEverywhereHint')}</p>
        <button type="button" disabled={ending} onClick={() => void signOutEverywhere()}>
          {t('account.signOutEverywhere')}
        </button>
      </section>
    </Page>
  );
}
