import type { LedgerClient } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/use-load';
import type { Choice } from '../../kit/SelectField';

type Mediator = components['schemas']['MediatorDocument'];

/** The directory's mediators as people know them: a pick-list, and a name for a person id. */
export interface Mediators {
  /** The active mediators, by name, as the ledger orders them. */
  readonly choices: readonly Choice[];
  /** The mediator's name; the id itself for one the list does not hold (suspended, removed). */
  readonly name: (personId: string) => string;
}

export function mediatorsOf(mediators: readonly Mediator[]): Mediators {
  const names = new Map(mediators.map((mediator) => [mediator.personId, mediator.displayName]));
  return {
    choices: mediators.map((mediator) => ({
      value: mediator.personId,
      label: mediator.displayName,
    })),
    name: (personId) => names.get(personId) ?? personId,
  };
}

export async function loadMediators(client: LedgerClient): Promise<Mediators> {
  return mediatorsOf(await client.GET('/mediators').then(unwrap));
}
