import { useLedgerClient } from '../../../api/LedgerClientProvider';
import { unwrap, useLoad } from '../../../api/use-load';
import { useFormat } from '../../../i18n/use-format';
import { useT } from '../../../i18n/use-t';
import { DataTable } from '../../../kit/DataTable';
import { Field } from '../../../kit/Field';
import { LoadedView } from '../../../kit/LoadedView';
import { TextAreaField } from '../../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm } from '../../../kit/command/CommandForm';
import { useToday } from '../../../kit/dates';
import { textLines } from '../../../kit/form-lines';
import { formText, optionalText } from '../../../kit/form-text';
import { FormSection } from '../../admin/FormSection';
import { usePartnership, useReloadPartnership } from '../PartnershipLayout';
import { partnerChoices } from '../partnership-choices';
import { ChoiceBoxes, ticked } from '../../../kit/ChoiceBoxes';

/** Sets a shared objective of the partnership. */
export function AddObjective() {
  const t = useT();
  const client = useLedgerClient();
  const { partnershipId } = usePartnership();
  const reload = useReloadPartnership();
  return (
    <FormSection title={t('manage.objective')}>
      <CommandForm
        fields={['title', 'description', 'targetDate', ...ACT_FIELDS]}
        submitLabel={t('manage.objectiveSubmit')}
        onRecorded={reload}
        send={(form, init) => {
          const targetDate = optionalText(form, 'targetDate');
          return client.POST('/partnerships/{partnershipId}/objectives', {
            ...init,
            params: { path: { partnershipId } },
            body: {
              title: formText(form, 'title').trim(),
              description: formText(form, 'description').trim(),
              ...(targetDate ? { targetDate } : {}),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <Field
              name="title"
              label={t('objective.title')}
              required
              maxLength={200}
              autoComplete="off"
              errors={errorsOf('title')}
            />
            <TextAreaField
              name="description"
              rows={3}
              label={t('objective.description')}
              required
              errors={errorsOf('description')}
            />
            <Field
              name="targetDate"
              type="date"
              label={t('objective.targetDate')}
              hint={t('form.optional')}
              errors={errorsOf('targetDate')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Records a meeting held by members: the day, who attended, the decisions taken. */
export function RecordMeeting() {
  const t = useT();
  const today = useToday();
  const client = useLedgerClient();
  const overview = usePartnership();
  const reload = useReloadPartnership();
  return (
    <FormSection title={t('manage.meeting')}>
      <CommandForm
        fields={['heldOn', 'attendees', 'decisions', 'notes', ...ACT_FIELDS]}
        submitLabel={t('manage.meetingSubmit')}
        onRecorded={reload}
        send={(form, init) => {
          const notes = optionalText(form, 'notes');
          return client.POST('/partnerships/{partnershipId}/meetings', {
            ...init,
            params: { path: { partnershipId: overview.partnershipId } },
            body: {
              heldOn: formText(form, 'heldOn'),
              attendees: ticked(form, 'attendees'),
              decisions: textLines(form, 'decisions'),
              ...(notes ? { notes } : {}),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <Field
              name="heldOn"
              type="date"
              max={today}
              label={t('manage.heldOn')}
              required
              errors={errorsOf('heldOn')}
            />
            <ChoiceBoxes
              name="attendees"
              legend={t('manage.attendees')}
              choices={partnerChoices(overview)}
              errors={errorsOf('attendees')}
            />
            <TextAreaField
              name="decisions"
              rows={3}
              label={t('manage.decisions')}
              hint={t('form.onePerLine')}
              errors={errorsOf('decisions')}
            />
            <TextAreaField
              name="notes"
              rows={2}
              label={t('manage.notes')}
              hint={t('form.optional')}
              errors={errorsOf('notes')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** The meetings recorded so far, loaded again whenever the partnership changed. */
export function MeetingsHeld() {
  const t = useT();
  const format = useFormat();
  const overview = usePartnership();
  const { partnershipId, revision } = overview;
  const loaded = useLoad(
    (client) =>
      client
        .GET('/partnerships/{partnershipId}/meetings', {
          params: { path: { partnershipId }, query: { limit: 100 } },
        })
        .then(unwrap),
    [partnershipId, revision],
  );
  const names = new Map(
    [...overview.partners, ...overview.formerPartners].map((p) => [p.partnerId, p.name]),
  );
  return (
    <FormSection title={t('manage.meetingsHeld')}>
      <LoadedView loaded={loaded}>
        {(meetings) => (
          <DataTable
            caption={t('manage.meetingsHeld')}
            captionHidden
            rows={meetings.items}
            rowKey={(meeting) => meeting.meetingId}
            empty={t('manage.noMeetings')}
            columns={[
              {
                key: 'heldOn',
                header: t('manage.heldOn'),
                rowHeader: true,
                cell: (m) => format.date(m.heldOn),
              },
              {
                key: 'attendees',
                header: t('manage.attendees'),
                cell: (m) => m.attendees.map((id) => names.get(id) ?? id).join(', '),
              },
              {
                key: 'decisions',
                header: t('manage.decisions'),
                cell: (m) => m.decisions.join('; '),
              },
            ]}
          />
        )}
      </LoadedView>
    </FormSection>
  );
}
