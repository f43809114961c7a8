export { EventStoreDbStandIn } from './eventstoredb-stand-in';
export type { SubscriptionStart } from './stand-in-subscriptions';
