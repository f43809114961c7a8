import { type ServerErrorResponse, type ServerWritableStream, status } from '@grpc/grpc-js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { handleAppend } from './stand-in-append';
import type { StandInLog } from './stand-in-log';
import { allReadMessages, streamReadMessages } from './stand-in-reads';
import { send, type StandInSubscriptions } from './stand-in-subscriptions';

/** The Streams service as far as the adapter uses it: Read (streams, `$all`, `$all` subscriptions) and Append. */
export function standInStreamsService(
  log: StandInLog,
  subscriptions: StandInSubscriptions,
): IStreamsServer {
  return {
    read: (call) => {
      read(log, subscriptions, call).catch((error: unknown) => call.emit('error', error));
    },
    append: (call, callback) => handleAppend(log, call, callback),
    delete: (_call, callback) => callback(unimplemented('Delete')),
    tombstone: (_call, callback) => callback(unimplemented('Tombstone')),
    // Never advertised by ServerFeatures, so the client appends with Append instead.
    batchAppend: (call) => call.emit('error', unimplemented('BatchAppend')),
  };
}

async function read(
  log: StandInLog,
  subscriptions: StandInSubscriptions,
  call: ServerWritableStream<ReadReq, ReadResp>,
): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw invalidArgument('the read has no options');
  if (options.hasSubscription()) {
    if (!options.hasAll()) throw unimplemented('subscriptions to a single stream');
    await subscriptions.serve(call, options);
    return;
  }
  const messages = options.hasStream()
    ? streamReadMessages(log, options)
    : allReadMessages(log, options);
  for (const message of messages) {
    if (call.cancelled) return;
    await send(call, message);
  }
  call.end();
}

function unimplemented(what: string): ServerErrorResponse {
  return {
    name: 'Unimplemented',
    message: what,
    code: status.UNIMPLEMENTED,
    details: `${what} is not part of the stand-in`,
  };
}

function invalidArgument(details: string): ServerErrorResponse {
  return { name: 'InvalidArgument', message: details, code: status.INVALID_ARGUMENT, details };
}
