import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useT } from '../../i18n/use-t';
import { SelectField } from '../../kit/SelectField';
import { ConflictAct } from './ConflictAct';
import type { Mediators } from './mediators';

/**
 * A party (or an administrator) proposes a mediator, picked by name from the directory's
 * mediators; with none in the directory yet, the page says who can bring one in.
 */
export function ProposeMediator({
  conflictId,
  mediators,
  onRecorded,
}: {
  readonly conflictId: string;
  readonly mediators: Mediators;
  readonly onRecorded: (said: string) => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  if (mediators.choices.length === 0) {
    return (
      <section className="conflict-act">
        <h3>{t('conflictForm.proposeMediator')}</h3>
        <p>{t('conflictForm.noMediator')}</p>
      </section>
    );
  }
  return (
    <ConflictAct
      title={t('conflictForm.proposeMediator')}
      submitLabel={t('conflictForm.proposeMediatorSubmit')}
      said={t('conflictForm.done.mediatorProposed')}
      more={{
        fields: ['mediatorId'],
        render: (errorsOf) => (
          <SelectField
            name="mediatorId"
            label={t('conflictForm.mediator')}
            hint={t('conflictForm.mediatorHint')}
            placeholder={t('form.choose')}
            required
            choices={mediators.choices}
            errors={errorsOf('mediatorId')}
          />
        ),
      }}
      onRecorded={onRecorded}
      send={({ text, act }, init) =>
        client.POST('/conflicts/{conflictId}/mediator-proposals', {
          ...init,
          params: { path: { conflictId } },
          body: { mediatorId: text('mediatorId'), ...act },
        })
      }
    />
  );
}
