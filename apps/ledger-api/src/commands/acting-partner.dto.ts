import { IsOptionalReference, IsText } from '../validation/dto-validators';
import { ActDto } from './act.dto';

/** A body field naming the partner who acts: it may only repeat the principal's own (see `actingPartner`). */
export const IsOptionalActingPartner = (description = 'The acting partner') =>
  IsOptionalReference(
    `${description}: defaults to the partner your token acts for; naming another partner is forbidden (an administrator names the partner of a paper record)`,
    'acme-foundation',
  );

/** Bodies of partner-acting commands. */
export class ActingPartnerDto extends ActDto {
  @IsOptionalActingPartner()
  partnerId?: string;
}

/** A partner-acting command that must say why (a dispute, a release, a withdrawal…). */
export class ActingReasonDto extends ActingPartnerDto {
  @IsText('Why', 'Agreed at the steering committee of 12 March')
  reason!: string;
}
