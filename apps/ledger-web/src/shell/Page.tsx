import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/use-t';

/**
 * A page: its title in the tab (WCAG 2.4.2) and as the one h1, which takes the focus after a
 * navigation (see Layout), so a screen reader announces where the person arrived.
 */
export function Page({
  title,
  lead,
  children,
}: {
  readonly title: string;
  readonly lead?: ReactNode;
  readonly children?: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
