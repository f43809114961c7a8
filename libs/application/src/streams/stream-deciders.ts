import {
  agreementDecider,
  type Command,
  commitmentDecider,
  conflictDecider,
  contributionDecider,
  erasureDecider,
  type Decider,
  type DomainEvent,
  feedbackDecider,
  indicatorDecider,
  partnershipDecider,
  personDecider,
  valuationPolicyDecider,
} from '@cohesion/domain';
import { type AggregateType, aggregateOfStream } from '../command-side/streams';

type AnyDecider = Decider<Command, DomainEvent, unknown>;

/**
 * Every aggregate's decider by stream prefix: for what reads any stream (its raw history, its
 * state at a point, who may read it). Command handlers name their own decider instead.
 */
const DECIDERS: Record<AggregateType, unknown> = {
  partnership: partnershipDecider,
  commitment: commitmentDecider,
  contribution: contributionDecider,
  'valuation-policy': valuationPolicyDecider,
  agreement: agreementDecider,
  conflict: conflictDecider,
  indicator: indicatorDecider,
  feedback: feedbackDecider,
  person: personDecider,
  erasure: erasureDecider,
};

/** The decider of a stream's aggregate; `undefined` for an unknown stream. */
export function deciderOfStream(stream: string): AnyDecider | undefined {
  const aggregate = aggregateOfStream(stream);
  return aggregate ? (DECIDERS[aggregate] as AnyDecider) : undefined;
}
