import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFLICT_REFERENCE_RULES, PUBLIC_FEEDBACK_RULES } from '@cohesion/application';
import {
  ACT_DATE_RULES,
  AGREEMENT_RULES,
  COMMITMENT_RULES,
  CONFLICT_RULES,
  CONTRIBUTION_RULES,
  ERASURE_RULES,
  FEEDBACK_RULES,
  INDICATOR_RULES,
  PARTNERSHIP_RULES,
  PERSON_RULES,
  VALUATION_POLICY_RULES,
} from '@cohesion/domain';

/** Every rule a command can be refused by (422), as the domain and the application name them. */
const RULES: readonly string[] = [
  ...ACT_DATE_RULES,
  ...AGREEMENT_RULES,
  ...COMMITMENT_RULES,
  ...CONFLICT_RULES,
  ...CONTRIBUTION_RULES,
  ...ERASURE_RULES,
  ...FEEDBACK_RULES,
  ...INDICATOR_RULES,
  ...PARTNERSHIP_RULES,
  ...PERSON_RULES,
  ...VALUATION_POLICY_RULES,
  ...CONFLICT_REFERENCE_RULES,
  ...PUBLIC_FEEDBACK_RULES,
];

/** The web app's catalogue of a language (read as data: the web app is not a dependency). */
function catalogue(language: 'en' | 'fr'): Record<string, string> {
  const path = join(__dirname, '../../apps/ledger-web/src/i18n', `${language}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

describe('the web app explains every refusal of the ledger', () => {
  const catalogues = { en: catalogue('en'), fr: catalogue('fr') };

  it.each(['en', 'fr'] as const)('in %s, with a message for each rule', (language) => {
    const unexplained = RULES.filter((rule) => !catalogues[language][`rule.${rule}`]?.trim());
    expect(unexplained).toEqual([]);
  });
});
