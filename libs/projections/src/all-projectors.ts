import type { Projector } from './projector';
import { accountabilityProjector } from './accountability';
import { contributionRecognitionProjector } from './contribution-recognition';
import { agreementsRegisterProjector } from './agreements-register';
import { conflictCasesProjector } from './conflict-cases';
import { impactProjector } from './impact';
import { partnershipOverviewProjector } from './partnership-overview';
import { auditTrailProjector } from './audit-trail';
import { accessAuditProjector } from './access-audit';
import { merkleLogProjector } from './merkle-log';
import { peopleDirectoryProjector } from './people-directory';
import { streamIndexProjector } from './stream-index';
import { resultsChainProjector } from './results-chain';
import { erasuresProjector } from './erasures';

/** Every read model of a ledger node, kept up to date by one projection runner. */
export const ALL_PROJECTORS: readonly Projector[] = [
  accountabilityProjector,
  contributionRecognitionProjector,
  agreementsRegisterProjector,
  conflictCasesProjector,
  impactProjector,
  partnershipOverviewProjector,
  auditTrailProjector,
  accessAuditProjector,
  merkleLogProjector,
  streamIndexProjector,
  peopleDirectoryProjector,
  resultsChainProjector,
  erasuresProjector,
];

/**
 * The read models of the partnerships' business (no audits, no Merkle log, no index): what a
 * point-in-time read rebuilds from the events as they stood.
 */
export const BUSINESS_PROJECTORS: readonly Projector[] = [
  accountabilityProjector,
  contributionRecognitionProjector,
  agreementsRegisterProjector,
  conflictCasesProjector,
  impactProjector,
  partnershipOverviewProjector,
  resultsChainProjector,
];
