import { useNavigate } from 'react-router';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { textLines } from '../../kit/form-lines';
import { formText } from '../../kit/form-text';
import { Page } from '../../shell/Page';
import { AdminOnly } from './AdminOnly';
import { NameAndIdFields, nameAndIdOf } from './shared-fields';

type CommandResult = components['schemas']['CommandResultDocument'];

const FIELDS = ['partnershipId', 'name', 'purpose', 'territory', 'neighbourhoods', ...ACT_FIELDS];

/** Administration → a new partnership: founded by an administrator, then shown. */
export function NewPartnershipPage() {
  const t = useT();
  const client = useLedgerClient();
  const navigate = useNavigate();
  return (
    <Page title={t('newPartnership.title')} lead={t('newPartnership.lead')}>
      <AdminOnly>
        <CommandForm
          fields={FIELDS}
          submitLabel={t('newPartnership.submit')}
          recordedText={t('newPartnership.recorded')}
          send={(form, init) => {
            const { name, id: partnershipId } = nameAndIdOf(form, 'partnershipId');
            return client.POST('/partnerships', {
              ...init,
              body: {
                ...(partnershipId ? { partnershipId } : {}),
                name,
                purpose: formText(form, 'purpose').trim(),
                territory: formText(form, 'territory').trim(),
                neighbourhoods: textLines(form, 'neighbourhoods'),
                ...actOf(form),
              },
            });
          }}
          onRecorded={(result) => void navigate(`/partnerships/${(result as CommandResult).id}`)}
        >
          {(errorsOf) => (
            <>
              <NameAndIdFields
                idField="partnershipId"
                nameLabel={t('newPartnership.name')}
                idLabel={t('newPartnership.id')}
                idHint={t('newPartnership.idHint')}
                errorsOf={errorsOf}
              />
              <TextAreaField
                name="purpose"
                rows={3}
                label={t('newPartnership.purpose')}
                required
                errors={errorsOf('purpose')}
              />
              <Field
                name="territory"
                label={t('partnership.territory')}
                required
                maxLength={200}
                autoComplete="off"
                errors={errorsOf('territory')}
              />
              <TextAreaField
                name="neighbourhoods"
                rows={3}
                label={t('partnership.neighbourhoods')}
                hint={t('form.onePerLine')}
                required
                errors={errorsOf('neighbourhoods')}
              />
              <ActFields errorsOf={errorsOf} />
            </>
          )}
        </CommandForm>
      </AdminOnly>
    </Page>
  );
}
