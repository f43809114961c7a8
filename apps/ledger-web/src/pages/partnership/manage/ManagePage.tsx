import { useT } from '../../../i18n/use-t';
import { Page } from '../../../shell/Page';
import { AdminOnly } from '../../admin/AdminOnly';
import { usePartnership } from '../PartnershipLayout';
import { AddObjective, MeetingsHeld, RecordMeeting } from './ObjectiveAndMeetingForms';
import { AdmitPartner, ChangePartnerRole, PartnerDeparture } from './PartnerForms';
import { DefaultValuationPolicy, PartnershipStatusForms } from './StatusForms';

/**
 * A partnership's administration: its partners (admitted, roles changed, departures), objectives,
 * meetings and decisions, default valuation policy and status. Each form reloads the overview.
 */
export function ManagePage() {
  const t = useT();
  const { name } = usePartnership();
  return (
    <Page title={t('manage.title')} lead={t('manage.lead', { name })}>
      <AdminOnly>
        <div className="form-grid manage-grid">
          <AdmitPartner />
          <ChangePartnerRole />
          <PartnerDeparture />
          <AddObjective />
          <RecordMeeting />
          <DefaultValuationPolicy />
        </div>
        <MeetingsHeld />
        <PartnershipStatusForms />
      </AdminOnly>
    </Page>
  );
}
