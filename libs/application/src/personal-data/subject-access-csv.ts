import type { JsonValue } from '@cohesion/personal-data';
import { csvRecord, csvText } from '../exports/csv';
import type { SubjectAccessReport } from './subject-access-report';

const COLUMNS = [
  'section',
  'position',
  'stream',
  'type',
  'recordedAt',
  'effectiveDate',
  'field',
  'keySubject',
  'state',
  'value',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

const textOf = (value: JsonValue): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The report as one CSV table for programs (RFC 4180), a record per line of the report:
 * `event-recorded`, `personal-field` (the value opened, or the marker), `directory-entry` (the
 * entry as JSON), `read-model` (the read model in `type`, the row's id in `value`, its fields).
 */
export function subjectAccessCsv(report: SubjectAccessReport): string {
  const rows: Row[] = [
    ...report.eventsRecorded.map((event) => ({ section: 'event-recorded', ...event })),
    ...report.personalFields.map(({ path, value, ...field }) => ({
      section: 'personal-field',
      ...field,
      field: path,
      value: textOf(value),
    })),
    ...(report.directoryEntry === null
      ? []
      : [
          {
            section: 'directory-entry',
            type: 'people_directory',
            value: textOf(report.directoryEntry),
          },
        ]),
    ...report.readModels.map(({ readModel, id, fields }) => ({
      section: 'read-model',
      type: readModel,
      field: fields.join(' '),
      value: id,
    })),
  ];
  const line = (fields: readonly string[]) =>
    csvRecord(
      fields.map((field) => csvText(field, 'rfc4180')),
      'rfc4180',
    );
  return [
    line(COLUMNS),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column] ?? ''))),
  ].join('');
}
