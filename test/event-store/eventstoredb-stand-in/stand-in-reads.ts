import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInLog, StoredEvent } from './stand-in-log';
import { eventMessage, streamNameOf, streamNotFoundMessage } from './stand-in-messages';

const { ReadDirection } = ReadReq.Options;

/** The events of one stream a read asks for, or StreamNotFound, as ESDB answers them. */
export function* streamReadMessages(log: StandInLog, options: ReadReq.Options): Iterable<ReadResp> {
  const streamOptions = options.getStream();
  const stream = streamNameOf(streamOptions?.getStreamIdentifier());
  const events = log.streamEvents(stream);
  if (!streamOptions || !events) {
    yield streamNotFoundMessage(stream);
    return;
  }
  const count = Number(options.getCount());
  const last = events.length - 1;
  // A stream's revisions are 0..n-1, so a revision is also the index of its event.
  if (options.getReadDirection() === ReadDirection.BACKWARDS) {
    const from = streamOptions.hasRevision()
      ? Math.min(Number(streamOptions.getRevision()), last)
      : streamOptions.hasStart()
        ? 0
        : last;
    for (let index = from; index >= 0 && from - index < count; index -= 1) {
      yield eventMessage(events[index]);
    }
    return;
  }
  const from = streamOptions.hasRevision()
    ? Number(streamOptions.getRevision())
    : streamOptions.hasEnd()
      ? events.length
      : 0;
  for (const event of events.slice(from, from + count)) yield eventMessage(event);
}

/**
 * The `$all` events a read asks for. Forwards from a position includes the event at it;
 * backwards from a position starts with the event before it, as on a real server.
 */
export function* allReadMessages(log: StandInLog, options: ReadReq.Options): Iterable<ReadResp> {
  const allOptions = options.getAll();
  const matches = filterOf(options);
  const events = log.events;
  let remaining = Number(options.getCount());
  const at = (position: ReadReq.Options.Position | undefined) =>
    log.indexAtOrAfter(BigInt(position?.getCommitPosition() ?? '0'));
  if (options.getReadDirection() === ReadDirection.BACKWARDS) {
    const before = allOptions?.hasStart()
      ? 0
      : allOptions?.hasPosition()
        ? at(allOptions.getPosition())
        : events.length;
    for (let index = before - 1; index >= 0 && remaining > 0; index -= 1) {
      if (!matches(events[index])) continue;
      remaining -= 1;
      yield eventMessage(events[index]);
    }
    return;
  }
  const from = allOptions?.hasEnd()
    ? events.length
    : allOptions?.hasPosition()
      ? at(allOptions.getPosition())
      : 0;
  for (let index = from; index < events.length && remaining > 0; index += 1) {
    if (!matches(events[index])) continue;
    remaining -= 1;
    yield eventMessage(events[index]);
  }
}

/** Index of the first `$all` event a subscription from these options delivers (strictly after its position). */
export function subscriptionStartIndex(log: StandInLog, options: ReadReq.Options): number {
  const allOptions = options.getAll();
  if (allOptions?.hasEnd()) return log.events.length;
  const position = allOptions?.getPosition();
  if (!position) return 0;
  return log.indexAtOrAfter(BigInt(position.getCommitPosition()) + 1n);
}

/** The server-side filter of a read or subscription: stream name or event type, by prefixes or regex. */
export function filterOf(options: ReadReq.Options): (event: StoredEvent) => boolean {
  const filter = options.hasFilter() ? options.getFilter() : undefined;
  const expression = filter?.getStreamIdentifier() ?? filter?.getEventType();
  if (!filter || !expression) return () => true;
  const subject = (event: StoredEvent) =>
    filter.hasStreamIdentifier() ? event.stream : event.type;
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) {
    return (event) => prefixes.some((prefix) => subject(event).startsWith(prefix));
  }
  const regex = new RegExp(expression.getRegex());
  return (event) => regex.test(subject(event));
}
