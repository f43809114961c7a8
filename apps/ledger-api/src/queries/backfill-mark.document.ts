import { ApiProperty } from '@nestjs/swagger';
import type { BackfillMark } from '@cohesion/projections';

/** How every read model marks an act recorded long after it took effect. */
export class BackfillMarkDocument implements BackfillMark {
  @ApiProperty({
    description:
      'Recorded more than LEDGER_BACKFILL_AFTER_DAYS days after it took effect (back-filled)',
    example: false,
  })
  backfilled!: boolean;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Why it was recorded only then; null unless back-filled',
    example: null,
  })
  backfillReason!: string | null;
}
