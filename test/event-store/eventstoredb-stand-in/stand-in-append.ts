import { type sendUnaryData, type ServerReadableStream, status } from '@grpc/grpc-js';
import { AppendReq, type AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, ProposedEvent, StandInLog } from './stand-in-log';
import { appendResponse, streamNameOf, uuidOf } from './stand-in-messages';

const { ExpectedStreamRevisionCase } = AppendReq.Options;

/**
 * Streams.Append: one options message, then the proposed events, then the client half-closes.
 * The answer is Success or WrongExpectedVersion in the response body (not a gRPC error status),
 * which is what makes the client raise its WrongExpectedVersionError.
 */
export function handleAppend(
  log: StandInLog,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
): void {
  let options: AppendReq.Options | undefined;
  const proposed: ProposedEvent[] = [];
  let invalid: string | undefined;
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) options = request.getOptions();
    const message = request.getProposedMessage();
    if (!message) return;
    const id = uuidOf(message.getId());
    const metadata = message.getMetadataMap();
    const type = metadata.get('type');
    const contentType = metadata.get('content-type');
    if (!id || !type || !contentType) {
      invalid = 'a proposed event lacks its id, type or content-type';
      return;
    }
    proposed.push({
      id,
      type,
      contentType,
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    });
  });
  call.on('end', () => {
    if (!options || invalid) {
      callback({ code: status.INVALID_ARGUMENT, details: invalid ?? 'the append sent no options' });
      return;
    }
    const expected = expectedStateOf(options);
    const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
    callback(null, appendResponse(outcome, expected));
  });
}

function expectedStateOf(options: AppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    case ExpectedStreamRevisionCase.ANY:
    case ExpectedStreamRevisionCase.EXPECTED_STREAM_REVISION_NOT_SET:
      return 'any';
  }
}
