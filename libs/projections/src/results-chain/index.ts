export { resultsChainProjector } from './results-chain.projector';
export {
  objectiveResults,
  partnerResultsChain,
  partnershipResultsChain,
} from './results-chain.queries';
export type * from './results-chain.views';
