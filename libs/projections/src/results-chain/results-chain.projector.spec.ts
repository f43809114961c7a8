import { type GivenEvent, partnershipEvent, partnershipFoundedWith, project } from '../testing';
import { defined } from '../testing/impact.fixtures';
import { resultsChainProjector } from './results-chain.projector';

const objectiveSet = (objectiveId: string, title: string, targetDate?: string) =>
  partnershipEvent('ObjectiveSet', {
    partnershipId: 'north',
    objectiveId,
    title,
    description: `${title}, in full`,
    ...(targetDate ? { targetDate } : {}),
  });

const rows = (given: readonly GivenEvent[]) => {
  const db = project(resultsChainProjector, given);
  return {
    objectives: db
      .prepare('SELECT * FROM results_chain_objectives ORDER BY position')
      .all() as Record<string, unknown>[],
    indicators: db.prepare('SELECT * FROM results_chain_indicators').all(),
  };
};

describe('results chain projector', () => {
  const founded = partnershipFoundedWith('north', ['club']);

  it('keeps each objective as set, revised, achieved or retired', () => {
    const { objectives } = rows([
      ...founded,
      objectiveSet('dropout', 'Halve dropout', '2027-06-30'),
      objectiveSet('belonging', 'Belonging'),
      objectiveSet('safety', 'Safer streets'),
      partnershipEvent('ObjectiveRevised', {
        partnershipId: 'north',
        objectiveId: 'dropout',
        title: 'Halve school dropout',
        description: 'Revised',
        targetDate: '2027-12-31',
        reason: 'The school year',
      }),
      partnershipEvent('ObjectiveAchieved', {
        partnershipId: 'north',
        objectiveId: 'belonging',
        evidence: 'Survey',
      }),
      partnershipEvent('ObjectiveRetired', {
        partnershipId: 'north',
        objectiveId: 'safety',
        reason: 'Taken over by the city',
      }),
    ]);
    expect(objectives.map(({ position: _, ...row }) => row)).toEqual([
      {
        partnership_id: 'north',
        objective_id: 'dropout',
        title: 'Halve school dropout',
        status: 'open',
        target_date: '2027-12-31',
      },
      {
        partnership_id: 'north',
        objective_id: 'belonging',
        title: 'Belonging',
        status: 'achieved',
        target_date: null,
      },
      {
        partnership_id: 'north',
        objective_id: 'safety',
        title: 'Safer streets',
        status: 'retired',
        target_date: null,
      },
    ]);
  });

  it('links an indicator to the objective it was defined for, and only then', () => {
    const { indicators } = rows([
      ...founded,
      objectiveSet('dropout', 'Halve dropout'),
      defined('dropout-rate', { objectiveId: 'dropout' }),
      defined('unlinked'),
    ]);
    expect(indicators).toEqual([
      { indicator_id: 'dropout-rate', partnership_id: 'north', objective_id: 'dropout' },
    ]);
  });
});
