import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type {
  FieldState,
  PersonalFieldEntry,
  ReadModelAppearance,
  RecordedByEntry,
} from '@cohesion/application';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class SubjectAccessQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description:
      '`json`, or `csv`: one RFC 4180 table, a record per line of the report, its `section` ' +
      'saying which (`event-recorded`, `personal-field`, `directory-entry`, `read-model`)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json or csv' })
  format?: ReportFormat;
}

class ReportedSubjectDocument {
  @ApiProperty({ enum: ['person', 'resident'] })
  kind!: 'person' | 'resident';
  @ApiPropertyOptional({ example: 'acme-nadia', description: 'For a person' })
  personId?: string;
  @ApiPropertyOptional({ example: 'northside--childcare', description: 'For a resident' })
  feedbackId?: string;
}

class RecordedByDocument implements RecordedByEntry {
  @ApiProperty({ example: '1042' })
  position!: string;
  @ApiProperty({ example: 'conflict-harmony--hall-access' })
  stream!: string;
  @ApiProperty({ example: 'StatementRecorded' })
  type!: string;
  @ApiProperty({ example: '2026-03-02T17:40:12.345Z' })
  recordedAt!: string;
  @ApiProperty({ example: '2026-03-02', format: 'date' })
  effectiveDate!: string;
}

const FIELD_STATES: readonly FieldState[] = ['open', 'erased', 'unreadable', 'clear'];

class PersonalFieldDocument implements Omit<PersonalFieldEntry, 'value'> {
  @ApiProperty({ example: '1042' })
  position!: string;
  @ApiProperty({ example: 'feedback-northside--childcare' })
  stream!: string;
  @ApiProperty({ example: 'FeedbackSubmitted' })
  type!: string;
  @ApiProperty({ example: '2026-03-02T17:40:12.345Z' })
  recordedAt!: string;
  @ApiProperty({ example: 'contact', description: 'The field in the event’s data (dotted)' })
  path!: string;
  @ApiProperty({ example: 'resident-northside--childcare-contact' })
  keySubject!: string;
  @ApiProperty({
    enum: FIELD_STATES,
    description:
      '`open`: sealed, opened for this report; `erased`: its key was destroyed (the value is ' +
      'the `[erased YYYY-MM-DD]` marker); `unreadable`: a key this ledger never knew, or an ' +
      'altered envelope; `clear`: a legacy event recorded before sealing (the value stands in ' +
      'the log as it is, see `ledger personal-data scan`)',
  })
  state!: FieldState;
  @ApiProperty({ description: 'What the field holds (any JSON), or the marker' })
  value!: unknown;
}

class ReadModelAppearanceDocument implements ReadModelAppearance {
  @ApiProperty({ enum: ['people_directory', 'impact', 'conflict_cases'] })
  readModel!: ReadModelAppearance['readModel'];
  @ApiProperty({ example: 'northside--childcare', description: 'The row: person, feedback, case' })
  id!: string;
  @ApiProperty({ type: [String], example: ['text', 'contact'] })
  fields!: string[];
}

class LegacyScanDocument {
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  scannedAt!: string;
  @ApiProperty({ example: '980' })
  headPosition!: string;
}

export class SubjectAccessReportDocument {
  @ApiProperty({ type: ReportedSubjectDocument })
  subject!: ReportedSubjectDocument;
  @ApiProperty({
    type: [String],
    description: 'Whose keys seal the subject’s fields',
    example: ['resident-northside--childcare', 'resident-northside--childcare-contact'],
  })
  keySubjects!: string[];
  @ApiProperty({ example: '2026-12-02T10:00:00.000Z' })
  generatedAt!: string;
  @ApiProperty({ example: '1200', description: 'The last position of the log read' })
  logPosition!: string;
  @ApiProperty({
    type: LegacyScanDocument,
    nullable: true,
    description: 'The legacy scan consulted for fields in clear; null when none was run',
  })
  legacyScan!: LegacyScanDocument | null;
  @ApiProperty({
    type: [RecordedByDocument],
    description: 'The events the person recorded (a resident records none under their name)',
  })
  eventsRecorded!: RecordedByDocument[];
  @ApiProperty({
    type: [PersonalFieldDocument],
    description: 'Every field about the subject, in log order',
  })
  personalFields!: PersonalFieldDocument[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The person’s entry in the people directory (null for a resident)',
  })
  directoryEntry!: Record<string, unknown> | null;
  @ApiProperty({ type: [ReadModelAppearanceDocument] })
  readModels!: ReadModelAppearanceDocument[];
}
