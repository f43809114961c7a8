import type { IndicatorEvent, PartnershipEvent } from '@cohesion/domain';
import type { Projector } from '../projector';
import { allOf, dispatch } from '../sql-kit';
import {
  RESULTS_CHAIN_SCHEMA,
  RESULTS_CHAIN_TABLES,
  resultsChainRoster,
} from './results-chain.schema';

/** Objectives as they stand and the indicators linked to them: the links of the results chain. */
export const resultsChainProjector: Projector = {
  name: 'results_chain',
  version: 1,
  tables: RESULTS_CHAIN_TABLES,
  schema: RESULTS_CHAIN_SCHEMA,
  bind(db) {
    const set = db.prepare(
      `INSERT INTO results_chain_objectives
         (partnership_id, objective_id, position, title, status, target_date)
       VALUES (@partnershipId, @objectiveId, @position, @title, 'open', @targetDate)`,
    );
    const revise = db.prepare(
      `UPDATE results_chain_objectives SET title = @title, target_date = @targetDate
       WHERE partnership_id = @partnershipId AND objective_id = @objectiveId`,
    );
    const end = db.prepare(
      `UPDATE results_chain_objectives SET status = @status
       WHERE partnership_id = @partnershipId AND objective_id = @objectiveId`,
    );
    const link = db.prepare(
      `INSERT INTO results_chain_indicators (indicator_id, partnership_id, objective_id)
       VALUES (@indicatorId, @partnershipId, @objectiveId)`,
    );
    const objectives = dispatch<PartnershipEvent>({
      ObjectiveSet: ({ partnershipId, objectiveId, title, targetDate }, { position }) =>
        set.run({ partnershipId, objectiveId, title, targetDate: targetDate ?? null, position }),
      ObjectiveRevised: ({ partnershipId, objectiveId, title, targetDate }) =>
        revise.run({ partnershipId, objectiveId, title, targetDate: targetDate ?? null }),
      ObjectiveAchieved: ({ partnershipId, objectiveId }) =>
        end.run({ partnershipId, objectiveId, status: 'achieved' }),
      ObjectiveRetired: ({ partnershipId, objectiveId }) =>
        end.run({ partnershipId, objectiveId, status: 'retired' }),
    });
    const indicators = dispatch<IndicatorEvent>({
      IndicatorDefined: ({ indicatorId, partnershipId, objectiveId }) => {
        if (objectiveId !== undefined) link.run({ indicatorId, partnershipId, objectiveId });
      },
    });
    return allOf(resultsChainRoster.bind(db), objectives, indicators);
  },
};
