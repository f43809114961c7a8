import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { PublicFeedbackForm } from '@cohesion/application';
import { IfPresent, IsText } from '../validation/dto-validators';
import { FeedbackContactDto } from './feedback.dto';

/** What the public form sends: no id, subject, channel nor category (the ledger sets those). */
export class PublicFeedbackDto {
  @ApiProperty({ description: 'The token of the form, as `GET …/public-feedback` gave it' })
  @IsString()
  @MaxLength(200)
  formToken!: string;

  @IsText('What the person says', 'Please keep the childcare corner', 4000)
  text!: string;

  @ApiPropertyOptional({ description: '1 (poor) to 5 (very good)', minimum: 1, maximum: 5 })
  @IfPresent()
  @IsInt({ message: '$property must be a whole number from 1 to 5' })
  @Min(1, { message: '$property must be a whole number from 1 to 5' })
  @Max(5, { message: '$property must be a whole number from 1 to 5' })
  rating?: number;

  @ApiPropertyOptional({ description: 'The person agreed to be contacted about their feedback' })
  @IfPresent()
  @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional({
    type: FeedbackContactDto,
    description: 'How to reach the person: accepted only with `consent: true` (personal data)',
  })
  @IfPresent()
  @ValidateBy({
    name: 'withConsent',
    validator: {
      validate: (_contact: unknown, args) =>
        (args?.object as { consent?: unknown } | undefined)?.consent === true,
      defaultMessage: () =>
        '$property is kept only if the person agrees to be contacted (consent: true)',
    },
  })
  @IsObject()
  @IsNotEmptyObject({ nullable: false }, { message: '$property names at least one way to reach' })
  @ValidateNested()
  @Type(() => FeedbackContactDto)
  contact?: FeedbackContactDto;

  /**
   * A field people never see (the form hides it from them and from assistive technology): only
   * robots fill it. Filled, the submission is answered as received and recorded nowhere.
   */
  @ApiPropertyOptional({ description: 'Leave empty (a trap for robots)' })
  @IfPresent()
  @IsString()
  @MaxLength(2000)
  website?: string;
}

export class PublicFeedbackFormDocument implements PublicFeedbackForm {
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ example: 'Northside youth partnership' })
  name!: string;
  @ApiProperty({ description: 'False when the partnership is suspended or closed' })
  accepting!: boolean;
  @ApiProperty({ description: 'To send back with the feedback; valid for a day' })
  formToken!: string;
  @ApiProperty({ description: 'The form is refused when sent back sooner than this', example: 3 })
  minimumFillSeconds!: number;
}

export class PublicFeedbackReceivedDocument {
  @ApiProperty({ enum: ['received'] })
  status!: 'received';
}
