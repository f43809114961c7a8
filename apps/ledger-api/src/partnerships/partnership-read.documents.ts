import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ApiProperty } from '@nestjs/swagger';
import { type ObjectiveStatus, PARTNER_KINDS, type PartnerKind } from '@cohesion/domain';
import type {
  MeetingView,
  ObjectiveView,
  PartnershipCountsView,
  PartnershipOverviewView,
  PartnershipSummaryView,
  PartnerView,
} from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';

export const PARTNERSHIP_STATUSES = ['founded', 'active', 'suspended', 'closed'] as const;
type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
const OBJECTIVE_STATUSES = ['open', 'achieved', 'retired'] as const;

class ObjectiveCountsDocument implements Record<ObjectiveStatus, number> {
  @ApiProperty({ example: 2 })
  open!: number;
  @ApiProperty({ example: 1 })
  achieved!: number;
  @ApiProperty({ example: 0 })
  retired!: number;
}

export class PartnershipCountsDocument implements PartnershipCountsView {
  @ApiProperty({ example: 4, description: 'Current members' })
  members!: number;
  @ApiProperty({ example: 1, description: 'Partners who left' })
  formerMembers!: number;
  @ApiProperty({ type: ObjectiveCountsDocument })
  objectives!: ObjectiveCountsDocument;
  @ApiProperty({ example: 6 })
  meetings!: number;
  @ApiProperty({ example: 14, description: 'Decisions taken across all its meetings' })
  decisions!: number;
  @ApiProperty({ example: 9 })
  commitments!: number;
  @ApiProperty({ example: 23 })
  contributions!: number;
  @ApiProperty({ example: 2 })
  agreements!: number;
  @ApiProperty({ example: 1 })
  conflicts!: number;
}

export class PartnershipSummaryDocument
  extends BackfillMarkDocument
  implements PartnershipSummaryView
{
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ example: 'Youth empowerment against school dropout' })
  name!: string;
  @ApiProperty()
  purpose!: string;
  @ApiProperty({ example: 'Northside' })
  territory!: string;
  @ApiProperty({ type: [String], example: ['Les Tilleuls', 'La Source'] })
  neighbourhoods!: string[];
  @ApiProperty({ enum: PARTNERSHIP_STATUSES })
  status!: PartnershipStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was suspended or closed' })
  statusReason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'city-rates-2026',
    description:
      'The valuation policy its contribution reports use when they name none (set by ' +
      'POST /partnerships/:id/default-valuation-policy); null: not set',
  })
  defaultValuationPolicyId!: string | null;
  @ApiProperty({ example: '2026-01-15T10:00:00.000Z' })
  foundedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day it was founded (effective date)' })
  foundedOn!: string;
  @ApiProperty({ example: '2026-03-02T17:40:00.000Z', description: 'Its own stream last changed' })
  updatedAt!: string;
  @ApiProperty({ example: '12', description: 'The partnership stream revision it reflects' })
  revision!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02' })
  lastMeetingOn!: string | null;
  @ApiProperty({ type: PartnershipCountsDocument })
  counts!: PartnershipCountsDocument;
}

export class PartnershipPageDocument extends PageDocument(PartnershipSummaryDocument) {}

export class PartnerDocument extends BackfillMarkDocument implements PartnerView {
  @ApiProperty({ example: 'city' })
  partnerId!: string;
  @ApiProperty({ example: 'City of Northside' })
  name!: string;
  @ApiProperty({ enum: PARTNER_KINDS })
  kind!: PartnerKind;
  @ApiProperty({ example: 'lead' })
  role!: string;
  @ApiProperty({ type: [String], example: ['coordination', 'evaluation'] })
  responsibilities!: string[];
  @ApiProperty({ enum: ['member', 'left'] })
  status!: 'member' | 'left';
  @ApiProperty({ example: '2026-01-15T10:05:00.000Z' })
  joinedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day it joined (effective date)' })
  joinedOn!: string;
  @ApiProperty({ type: String, nullable: true })
  roleChangedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  leftAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  leftReason!: string | null;
}

export class ObjectiveDocument extends BackfillMarkDocument implements ObjectiveView {
  @ApiProperty({ example: 'dropout' })
  objectiveId!: string;
  @ApiProperty({ example: 'Halve school dropout' })
  title!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ type: String, nullable: true, example: '2028-06-30' })
  targetDate!: string | null;
  @ApiProperty({ enum: OBJECTIVE_STATUSES })
  status!: ObjectiveStatus;
  @ApiProperty({ example: '2026-01-15T10:10:00.000Z' })
  setAt!: string;
  @ApiProperty({ format: 'date', description: 'The day it was set (effective date)' })
  setOn!: string;
  @ApiProperty({
    example: 1,
    description: 'How often it was revised (earlier wordings in the log)',
  })
  revisions!: number;
  @ApiProperty({ type: String, nullable: true })
  revisedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  revisionReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When it was achieved or retired' })
  closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  evidence!: string | null;
  @ApiProperty({ type: String, nullable: true })
  retirementReason!: string | null;
}

export class PartnershipOverviewDocument
  extends PartnershipSummaryDocument
  implements PartnershipOverviewView
{
  @ApiProperty({
    type: [PartnerDocument],
    description: 'Current members, in the order they joined',
  })
  partners!: PartnerDocument[];
  @ApiProperty({ type: [PartnerDocument], description: 'Partners who left' })
  formerPartners!: PartnerDocument[];
  @ApiProperty({ type: [ObjectiveDocument], description: 'In the order they were set' })
  objectives!: ObjectiveDocument[];
}

export class MeetingDocument extends BackfillMarkDocument implements MeetingView {
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ example: 'evening-meeting-2026-12' })
  meetingId!: string;
  @ApiProperty({ example: '2026-12-03' })
  heldOn!: string;
  @ApiProperty({ type: [String], example: ['city', 'tenants'] })
  attendees!: string[];
  @ApiProperty({ type: [String], example: ['Childcare at every evening meeting'] })
  decisions!: string[];
  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;
  @ApiProperty({ example: '2026-12-04T08:00:00.000Z' })
  recordedAt!: string;
}

export class MeetingPageDocument extends PageDocument(MeetingDocument) {}
