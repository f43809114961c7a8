/**
 * TEST FIXTURE — never used by the application.
 *
 * An in-process stand-in for an EventStoreDB node, speaking the real gRPC protocol with the
 * service definitions shipped in @eventstore/db-client, so the real client (and through it the
 * EventStoreDB adapter) can be tested where no server can run. It implements only what the
 * adapter uses: ServerFeatures.GetSupportedMethods, Streams.Append and Streams.Read (stream
 * reads, `$all` reads and `$all` subscriptions). Gossip, BatchAppend, deletes, persistent
 * subscriptions, projections, ACLs and ESDB's own id-based write deduplication are absent.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { StandInLog } from './stand-in-log';
import { standInServerFeatures } from './stand-in-server-features';
import { standInStreamsService } from './stand-in-streams-service';
import { StandInSubscriptions, type SubscriptionStart } from './stand-in-subscriptions';

export class EventStoreDbStandIn {
  private constructor(
    private readonly server: Server,
    private readonly log: StandInLog,
    private readonly subscriptions: StandInSubscriptions,
    /** For the real client: `esdb://127.0.0.1:PORT?tls=false`. */
    readonly connectionString: string,
  ) {}

  /** Listens on a random local port, with a few system events in the log as a fresh node has. */
  static async start(): Promise<EventStoreDbStandIn> {
    const log = new StandInLog();
    const subscriptions = new StandInSubscriptions(log);
    const server = new Server();
    server.addService(ServerFeaturesService, standInServerFeatures());
    server.addService(StreamsService, standInStreamsService(log, subscriptions));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const standIn = new EventStoreDbStandIn(
      server,
      log,
      subscriptions,
      `esdb://127.0.0.1:${port}?tls=false`,
    );
    standIn.appendSystemEvent('$epochs', '$epoch-information');
    standIn.appendSystemEvent('$$$scavenges', '$metadata');
    return standIn;
  }

  /** Writes a server-owned event, as ESDB does on its own (statistics, epochs, metadata). */
  appendSystemEvent(stream: string, type: string): void {
    const data = Buffer.from(JSON.stringify({ at: new Date().toISOString() }), 'utf8');
    this.log.append(stream, 'any', [
      {
        id: randomUUID(),
        type,
        contentType: 'application/json',
        data,
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  get activeSubscriptionCount(): number {
    return this.subscriptions.activeCount;
  }

  /** Where each `$all` subscription asked to start, in the order they arrived. */
  get subscriptionStarts(): readonly SubscriptionStart[] {
    return this.subscriptions.requestedStarts;
  }

  /** Ends every live `$all` subscription with UNAVAILABLE; returns how many there were. */
  dropSubscriptions(): number {
    return this.subscriptions.dropAll();
  }

  /** Forceful: the client never closes its channels, so a graceful shutdown would wait forever. */
  stop(): Promise<void> {
    this.subscriptions.dropAll();
    this.server.forceShutdown();
    return Promise.resolve();
  }
}
