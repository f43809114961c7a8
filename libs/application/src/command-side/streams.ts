/** Every aggregate type, by the prefix of its streams (`<prefix>-<id>`). */
export const AGGREGATE_TYPES = [
  'partnership',
  'commitment',
  'contribution',
  'valuation-policy',
  'agreement',
  'conflict',
  'indicator',
  'feedback',
  'person',
  'erasure',
] as const;

export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export function streamOf(aggregate: AggregateType, id: string): string {
  return `${aggregate}-${id}`;
}

/** The aggregate type of a stream, by the longest known prefix; `undefined` for an unknown stream. */
export function aggregateOfStream(stream: string): AggregateType | undefined {
  return AGGREGATE_TYPES.filter(
    (name) => stream.startsWith(`${name}-`) && stream.length > name.length + 1,
  ).sort((a, b) => b.length - a.length)[0];
}

/** The aggregate id a stream holds: the stream name without its aggregate prefix. */
export function idOfStream(stream: string): string {
  const aggregate = aggregateOfStream(stream);
  return aggregate === undefined ? stream : stream.slice(aggregate.length + 1);
}
