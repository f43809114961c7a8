import type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@eventstore/db-client/generated/serverfeatures_pb';

const STREAMS_SERVICE = 'event_store.client.streams.streams';

/**
 * The client asks this on its first append to choose between BatchAppend and Append. Listing
 * only Read and Append steers it to Append, the one call the stand-in implements for writes.
 */
export function standInServerFeatures(): IServerFeaturesServer {
  return {
    getSupportedMethods: (_call, callback) => {
      const methods = ['read', 'append'].map((method) =>
        new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(method),
      );
      callback(
        null,
        new SupportedMethods()
          .setMethodsList(methods)
          .setEventStoreServerVersion('23.10.0-stand-in'),
      );
    },
  };
}
