import { isSealed, type JsonValue, type SealedValue } from '@cohesion/personal-data';

/** An envelope found in event data, and where: a dotted path (`statement.text`, `items.0`). */
export interface SealedField {
  readonly path: string;
  readonly envelope: SealedValue;
}

/** Every sealed envelope inside `value`, however deep, in document order. */
export function sealedFieldsIn(value: JsonValue, path = ''): SealedField[] {
  if (isSealed(value)) return [{ path, envelope: value }];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([field, item]) =>
    sealedFieldsIn(item, path === '' ? field : `${path}.${field}`),
  );
}
