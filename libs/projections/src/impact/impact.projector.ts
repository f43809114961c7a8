import type { PartnershipEvent } from '@cohesion/domain';
import type { Projector } from '../projector';
import { domainEventOf } from '../sql-kit';
import { feedbackHandler } from './impact-feedback.handler';
import { indicatorsHandler } from './impact-indicators.handler';
import { IMPACT_SCHEMA, IMPACT_TABLES } from './impact.schema';

/**
 * Indicators with their measurements (as corrected, and every earlier value), and the feedback
 * of each partnership without the submitters' contact details. Progress is derived when queried.
 */
export const impactProjector: Projector = {
  name: 'impact',
  version: 4,
  tables: IMPACT_TABLES,
  schema: IMPACT_SCHEMA,
  bind(db) {
    const indicators = indicatorsHandler(db);
    const feedback = feedbackHandler(db);
    // Known partnerships, so that the impact of one never founded is a 404, not an empty summary.
    const found = db.prepare(
      'INSERT OR IGNORE INTO impact_partnerships (partnership_id) VALUES (?)',
    );
    return (recorded) => {
      const event = domainEventOf<PartnershipEvent>(recorded);
      if (event.type === 'PartnershipFounded') found.run(event.data.partnershipId);
      indicators(recorded);
      feedback(recorded);
    };
  },
};
