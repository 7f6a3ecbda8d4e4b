import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { VirtualTable } from '../../components/VirtualTable';
import { db } from '../../app/db';
import { useRoute } from '../../app/routeStore';
import { useAccessState } from '../../domain/accessState';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { namesFrom } from '../../../../shared/plans/describe';
import { RefusedDialog } from '../../components/RefusedDialog';
import { banner, queuedBanner, planPartnerAccess, serviceRows, type Mode, type Planned } from './model';
import { ServiceDetail } from './ServiceDetail';
import { UserPickerDialog } from './UserPickerDialog';
import { fmt } from '../../app/format';
import { isOnlineNow } from '../../app/connectionStore';
import { useMissingCapability } from '../../app/capabilities';
import { useResultNotice } from '../../history/notice';
import { RuleText } from '../../components/RuleText';

type Step = { kind: 'pick'; mode: Mode; accountIds: string[] } | { kind: 'confirm'; mode: Mode; accountIds: string[]; userIds: string[]; planned: Planned } | null;

/** Partner access (R25–R29): services, a service's accounts and users, grant / revoke with a picker. */
export const PartnerAccessArea = () => {
  const live = useAccessState();
  const { route, go } = useRoute();
  const [step, setStep] = useState<Step>(null);
  // The banner tells the platform's answer, not the queueing: it waits on the plan's outcome.
  const [notice, setNotice] = useState<{ planId: string; mode: Mode; users: number; accounts: number } | null>(null);
  const outcome = useResultNotice((r) => (notice ? r.outcomes[notice.planId] : undefined));
  const entities = useLiveQuery(async () => new Map((await db.Entity.toArray()).map((e) => [e.id, e.name])), []);
  const entityName = (id: string) => entities?.get(id) ?? id;
  const services = useMemo(() => (live ? serviceRows(live.state) : []), [live]);
  const lacking = useMissingCapability('partnerServices');
  if (!live) return <Typography sx={{ p: 3 }}>Loading the cache…</Typography>;
  const { state } = live;
  const serviceId = route.area === 'partner-access' && route.item && state.services.has(route.item) ? route.item : null;
  const planned = step?.kind === 'confirm' ? step.planned : null;
  return (
    <Box component="section" aria-labelledby="partner-title" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', p: 2, gap: 1 }}>
      <Typography id="partner-title" variant="h5" component="h2">
        Partner access
      </Typography>
      {notice && (
        <Alert
          severity={!outcome ? 'info' : outcome.failed ? 'error' : 'success'}
          onClose={() => setNotice(null)}
          role="status"
          data-testid="partner-banner"
        >
          {!outcome
            ? queuedBanner(notice.mode, notice.users, notice.accounts, isOnlineNow())
            : outcome.failed
              ? `The platform refused the change${outcome.firstError ? `: ${outcome.firstError}` : '.'}`
              : banner(notice.mode, notice.users, notice.accounts)}
        </Alert>
      )}
      {lacking && services.length === 0 ? (
        // The vendor's API has no partner services: say so, not an empty table.
        <Alert severity="info" data-testid="capability-missing">
          {lacking}: partner services, their accounts and users cannot be read or changed from Roster on this platform.
        </Alert>
      ) : serviceId ? (
        <ServiceDetail
          key={serviceId}
          state={state}
          serviceId={serviceId}
          entityName={entityName}
          onBack={() => go({ area: 'partner-access' })}
          onPick={(mode, accountIds) => setStep({ kind: 'pick', mode, accountIds })}
        />
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            <RuleText text="Service relationships share accounts owned by a partner organisation with one of your entities." rules={['R25']} />{' '}
            <RuleText text="Select a service to see its accounts and the users assigned to each." rules={['R29']} />
          </Typography>
          <VirtualTable
            label="Partner services"
            idPrefix="services"
            rows={services}
            rowKey={(r) => r.id}
            onSelect={(key) => {
              setNotice(null);
              go({ area: 'partner-access', item: key });
            }}
            empty="No partner services yet."
            columns={[
              { id: 'org', header: 'Partner organisation', width: '2fr', render: (r) => r.partnerOrganisation },
              { id: 'name', header: 'Service', width: '1.5fr', render: (r) => r.name },
              { id: 'entity', header: 'Shared with entity', width: '1.5fr', render: (r) => entityName(r.entity) },
              { id: 'accounts', header: 'Accounts', width: '100px', render: (r) => fmt(r.accounts) },
            ]}
          />
        </>
      )}
      {step?.kind === 'pick' && serviceId && (
        <UserPickerDialog
          state={state}
          mode={step.mode}
          serviceId={serviceId}
          accountIds={step.accountIds}
          onCancel={() => setStep(null)}
          onPicked={(userIds) => setStep({ ...step, kind: 'confirm', userIds, planned: planPartnerAccess(state, step.mode, serviceId, step.accountIds, userIds) })}
        />
      )}
      {step?.kind === 'confirm' && planned && !planned.ok && <RefusedDialog title="Partner access" reason={planned.reason} onClose={() => setStep(null)} />}
      {step?.kind === 'confirm' && planned?.ok && (
        <PlanPreviewDialog
          title={step.mode === 'grant' ? 'Grant partner access' : 'Revoke partner access'}
          ops={planned.ops}
          names={namesFrom(state)}
          applyLabel={step.mode === 'grant' ? 'Confirm: grant access' : 'Confirm: revoke access'}
          onClose={() => setStep(null)}
          onQueued={(_summary, planId) => setNotice({ planId, mode: step.mode, users: step.userIds.length, accounts: step.accountIds.length })}
        />
      )}
    </Box>
  );
};
