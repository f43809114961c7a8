import type { ReactNode } from 'react';
import type { LedgerClient } from '../../api/client';
import { unwrap, useLoad } from '../../api/use-load';
import { type Column, DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { usePartnership } from './PartnershipLayout';

/** What a partnership's register lists: the list routes answer a page of `items`. */
interface RegisterAnswer<Row> {
  readonly data?: { readonly items: Row[] };
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * A partnership's register of agreements or of conflicts: the page, what starts a new entry
 * (`children`, above the list, kept on screen while the list reloads), and the entries as a table.
 */
export function PartnershipRegister<Row>({
  title,
  lead,
  list,
  reloaded,
  rowKey,
  empty,
  columns,
  children,
}: {
  readonly title: string;
  readonly lead: string;
  /** Asks the ledger for the partnership's entries. */
  readonly list: (client: LedgerClient, partnershipId: string) => Promise<RegisterAnswer<Row>>;
  /** Changes when a command added or changed an entry (see useReload). */
  readonly reloaded: number;
  readonly rowKey: (row: Row) => string;
  readonly empty: string;
  readonly columns: readonly Column<Row>[];
  readonly children?: ReactNode;
}) {
  const { partnershipId } = usePartnership();
  const loaded = useLoad(
    (client) => list(client, partnershipId).then(unwrap),
    [partnershipId, reloaded],
  );
  return (
    <Page title={title} lead={lead}>
      {children}
      <LoadedView loaded={loaded}>
        {(page) => (
          <DataTable
            caption={title}
            captionHidden
            rows={page.items}
            rowKey={rowKey}
            empty={empty}
            columns={columns}
          />
        )}
      </LoadedView>
    </Page>
  );
}
