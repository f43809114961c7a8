import type { ReactNode } from 'react';
import { hasRole } from '../../auth/session';
import { useSession } from '../../auth/SessionProvider';
import { useT } from '../../i18n/use-t';

/** What only administrators may use; others are told so (the ledger would refuse them anyway). */
export function AdminOnly({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const { state } = useSession();
  if (state.status === 'signed-in' && hasRole(state.session, 'admin')) return <>{children}</>;
  return <p className="notice">{t('admin.adminsOnly')}</p>;
}
