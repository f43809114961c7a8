import { randomUUID } from 'node:crypto';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { AppendResp, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, CurrentState, ExpectedState, StoredEvent } from './stand-in-log';

/** The protobuf messages the stand-in answers with, shaped as EventStoreDB 23.10 shapes them. */

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

/** The client always sends ids in their string form (it never asks for the structured one). */
export function uuidOf(uuid: UUID | undefined): string | undefined {
  return uuid?.hasString() ? uuid.getString() : undefined;
}

export function eventMessage(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.stream, 'utf8')))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.created.toString());
  const readEvent = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
}

export function streamNotFoundMessage(stream: string): ReadResp {
  const identifier = new StreamIdentifier().setStreamName(Buffer.from(stream, 'utf8'));
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(identifier),
  );
}

export function confirmationMessage(): ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
  );
}

export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.kind === 'wrong_expected_version') {
    return new AppendResp().setWrongExpectedVersion(
      wrongExpectedVersion(expected, outcome.current),
    );
  }
  const success = new AppendResp.Success();
  if (outcome.current === 'no_stream') success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.current.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(
      new AppendResp.Position().setCommitPosition(position).setPreparePosition(position),
    );
  }
  return new AppendResp().setSuccess(success);
}

/** Both the current and the deprecated 20.6 fields, as the real server fills them. */
function wrongExpectedVersion(
  expected: ExpectedState,
  current: CurrentState,
): AppendResp.WrongExpectedVersion {
  const message = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') {
    message.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  } else {
    message.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
  }
  switch (expected) {
    case 'any':
      message.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
    case 'stream_exists':
      message.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'no_stream':
      message.setExpectedNoStream(new Empty());
      break;
    default:
      message.setExpectedRevision(expected.toString()).setExpectedRevision2060(Number(expected));
  }
  return message;
}
