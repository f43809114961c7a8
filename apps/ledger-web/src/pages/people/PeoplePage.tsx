import { useState } from 'react';
import { unwrap, useLoad } from '../../api/use-load';
import { hasRole } from '../../auth/session';
import { useSignedIn } from '../../auth/SessionProvider';
import { PERSON_STATUS, rolesText } from '../../i18n/people-labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { PersonalText, usePersonalText } from '../../kit/PersonalText';
import { Page } from '../../shell/Page';
import { InvitePerson } from './InvitePerson';
import { PersonActions } from './PersonActions';
import { usePartnerChoices } from './partner-choices';

/**
 * Administration → People: the directory as the ledger lets the signed-in person see it (all of
 * it for an admin, their own staff for a partner admin), inviting people and managing them.
 */
export function PeoplePage() {
  const t = useT();
  const session = useSignedIn();
  const personalText = usePersonalText();
  // After a command, the list waits for the read model to include it (minPosition).
  const [position, setPosition] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const people = useLoad(
    async (client) =>
      unwrap(
        await client.GET('/people', {
          params: { query: { limit: 500, ...(position ? { minPosition: position } : {}) } },
        }),
      ),
    [position],
  );
  const manages = hasRole(session, 'admin', 'partner_admin');
  const partners = usePartnerChoices();
  const partnerName = (partnerId: string | null) =>
    partnerId === null
      ? '—'
      : (partners.find((partner) => partner.value === partnerId)?.label ?? partnerId);

  return (
    <Page title={t('people.title')} lead={t('people.lead')}>
      <LoadedView loaded={people}>
        {(page) => {
          const person = page.items.find((candidate) => candidate.personId === selected);
          return (
            <>
              <DataTable
                caption={t('people.directory')}
                rows={page.items}
                rowKey={(row) => row.personId}
                empty={t('people.none')}
                columns={[
                  {
                    key: 'name',
                    header: t('account.name'),
                    rowHeader: true,
                    cell: (row) => <PersonalText value={row.displayName} />,
                  },
                  {
                    key: 'email',
                    header: t('signIn.email'),
                    cell: (row) => <PersonalText value={row.email} />,
                  },
                  {
                    key: 'partner',
                    header: t('account.partner'),
                    cell: (row) => partnerName(row.partnerId),
                  },
                  {
                    key: 'roles',
                    header: t('account.roles'),
                    cell: (row) => rolesText(row.roles, t),
                  },
                  {
                    key: 'status',
                    header: t('people.status'),
                    cell: (row) => t(PERSON_STATUS[row.status]),
                  },
                  ...(manages
                    ? [
                        {
                          key: 'manage',
                          header: t('table.actions'),
                          cell: (row: (typeof page.items)[number]) => (
                            <button
                              type="button"
                              aria-pressed={row.personId === selected}
                              onClick={() => setSelected(row.personId)}
                            >
                              {t('people.manage', { name: personalText(row.displayName) })}
                            </button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {person ? (
                <PersonActions key={person.personId} person={person} onChanged={setPosition} />
              ) : null}
            </>
          );
        }}
      </LoadedView>
      {manages ? <InvitePerson partners={partners} onInvited={setPosition} /> : null}
    </Page>
  );
}
