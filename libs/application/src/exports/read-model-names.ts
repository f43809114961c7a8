import type Database from 'better-sqlite3';
import {
  latestPartnerName,
  objectiveTitle,
  partnerName,
  partnershipName,
  type PersonalText,
} from '@cohesion/projections';
import type { PersonalDataReader } from '../personal-data/personal-data-reader';
import type { Names } from './export-columns';

/** Names remembered at most: a few partnerships and partners recur on every row. */
const REMEMBERED = 10_000;

/**
 * The names the partnership overview knows, each looked up once per export (one primary-key
 * read), and forgotten past a bound so that an export of any size stays within memory.
 */
export class ReadModelNames implements Names {
  private readonly known = new Map<string, string | null>();

  constructor(
    private readonly db: Database.Database,
    private readonly personalData: PersonalDataReader,
  ) {}

  personal(value: PersonalText): string {
    return this.personalData.text(value);
  }

  partnership(partnershipId: string): string | null {
    return this.remembered(`p ${partnershipId}`, () => partnershipName(this.db, partnershipId));
  }

  partner(partnershipId: string, partnerId: string): string | null {
    return this.remembered(`m ${partnershipId} ${partnerId}`, () =>
      partnerName(this.db, partnershipId, partnerId),
    );
  }

  anyPartner(partnerId: string): string | null {
    return this.remembered(`a ${partnerId}`, () => latestPartnerName(this.db, partnerId));
  }

  objective(partnershipId: string, objectiveId: string): string | null {
    return this.remembered(`o ${partnershipId} ${objectiveId}`, () =>
      objectiveTitle(this.db, partnershipId, objectiveId),
    );
  }

  private remembered(key: string, lookUp: () => string | undefined): string | null {
    const known = this.known.get(key);
    if (known !== undefined) return known;
    if (this.known.size >= REMEMBERED) this.known.clear();
    const name = lookUp() ?? null;
    this.known.set(key, name);
    return name;
  }
}
