import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import type { PartnershipOverview } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { useSession } from '../../auth/SessionProvider';

const SECTIONS = [
  { path: '', key: 'nav.overview' },
  { path: 'accountability', key: 'nav.accountability' },
  { path: 'contributions', key: 'nav.contributions' },
  { path: 'agreements', key: 'nav.agreements' },
  { path: 'conflicts', key: 'nav.conflicts' },
  { path: 'impact', key: 'nav.impact' },
] as const;
/** Administrators also print the public feedback form's QR code. */
const ADMIN_SECTIONS = [{ path: 'public-feedback', key: 'nav.publicFeedback' }] as const;

/** A partnership's pages share its name, its sections' navigation and its overview. */
export function PartnershipLayout() {
  const t = useT();
  const { partnershipId = '' } = useParams();
  const { state } = useSession();
  const isAdmin = state.status === 'signed-in' && state.session.roles.includes('admin');
  const sections = isAdmin ? [...SECTIONS, ...ADMIN_SECTIONS] : SECTIONS;
  const [version, reload] = useReload();
  const loaded = useLoad(
    (client) =>
      client
        .GET('/partnerships/{partnershipId}', { params: { path: { partnershipId } } })
        .then(unwrap),
    [partnershipId],
    version,
  );
  return (
    <LoadedView loaded={loaded}>
      {(overview) => (
        <>
          <p className="context">{t('partnership.context', { name: overview.name })}</p>
          <nav aria-label={t('partnership.sections')} className="section-nav">
            <ul>
              {sections.map((section) => (
                <li key={section.key}>
                  <NavLink
                    to={[`/partnerships/${partnershipId}`, section.path].filter(Boolean).join('/')}
                    end
                  >
                    {t(section.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet context={{ overview, reload } satisfies PartnershipContext} />
        </>
      )}
    </LoadedView>
  );
}

interface PartnershipContext {
  readonly overview: PartnershipOverview;
  /** Loads the overview again, after a command changed the partnership (a partner admitted). */
  readonly reload: () => void;
}

export function usePartnership(): PartnershipOverview {
  return useOutletContext<PartnershipContext>().overview;
}

export function useReloadPartnership(): () => void {
  return useOutletContext<PartnershipContext>().reload;
}
