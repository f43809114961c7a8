import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole } from '../auth/session';
import { useSession } from '../auth/SessionProvider';
import { useT } from '../i18n/use-t';
import { LanguageSwitcher } from './LanguageSwitcher';

/**
 * Every page's frame: a skip link, the header (language, who is signed in), the main navigation
 * and the page itself in <main>. After each navigation the focus moves to the new page's h1.
 */
export function Layout() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const { state, authentication, refresh } = useSession();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = document.getElementById('page-title') ?? document.getElementById('main');
    heading?.focus();
  }, [location.pathname]);

  const signOut = async () => {
    await authentication.signOut();
    await refresh();
    await navigate('/sign-in');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {state.status === 'signed-in' ? (
            <div className="who">
              <Link to="/account">
                {t('shell.signedInAs', { name: state.session.displayName })}
              </Link>
              <button type="button" onClick={() => void signOut()}>
                {t('shell.signOut')}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      {state.status === 'signed-in' ? (
        <nav aria-label={t('shell.mainNavigation')} className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.todo')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/verification">{t('nav.verification')}</NavLink>
            </li>
            {hasRole(state.session, 'admin', 'partner_admin', 'auditor') ? (
              <li>
                <NavLink to="/admin/people">{t('nav.people')}</NavLink>
              </li>
            ) : null}
            {hasRole(state.session, 'admin', 'auditor') ? (
              <li>
                <NavLink to="/admin/personal-data">{t('nav.personalData')}</NavLink>
              </li>
            ) : null}
            {hasRole(state.session, 'admin') ? (
              <li>
                <NavLink to="/admin/valuation-policies">{t('nav.valuationPolicies')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
