import {
  agreementDecider,
  type Command,
  commitmentDecider,
  conflictDecider,
  contributionDecider,
  type Decider,
  type DomainEvent,
  feedbackDecider,
  indicatorDecider,
  partnershipDecider,
  valuationPolicyDecider,
} from '@cohesion/domain';

/** Every aggregate type by the prefix of its streams (`<prefix>-<id>`). */
const DECIDERS = {
  partnership: partnershipDecider,
  commitment: commitmentDecider,
  contribution: contributionDecider,
  'valuation-policy': valuationPolicyDecider,
  agreement: agreementDecider,
  conflict: conflictDecider,
  indicator: indicatorDecider,
  feedback: feedbackDecider,
} as const;

export type AggregateType = keyof typeof DECIDERS;
type AnyDecider = Decider<Command, DomainEvent, unknown>;

export function streamOf(aggregate: AggregateType, id: string): string {
  return `${aggregate}-${id}`;
}

/** The aggregate type of a stream, by the longest known prefix; `undefined` for an unknown stream. */
export function aggregateOfStream(stream: string): AggregateType | undefined {
  return (Object.keys(DECIDERS) as AggregateType[])
    .filter((name) => stream.startsWith(`${name}-`) && stream.length > name.length + 1)
    .sort((a, b) => b.length - a.length)[0];
}

/** The decider of a stream's aggregate; `undefined` for an unknown stream. */
export function deciderOfStream(stream: string): AnyDecider | undefined {
  const aggregate = aggregateOfStream(stream);
  return aggregate ? (DECIDERS[aggregate] as unknown as AnyDecider) : undefined;
}
