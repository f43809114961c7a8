import type { PageRequest } from './paging';

/**
 * A list request as a client states it: a read model's filters without the page window (`after`,
 * `limit`) and the reader's scope (`partnershipIn`), which the query handler derives, plus the
 * page it asks for.
 */
export type ListRequest<Filters> = Omit<Filters, 'after' | 'limit' | 'partnershipIn'> & PageRequest;
