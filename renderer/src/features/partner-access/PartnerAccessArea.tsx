import { EmptyArea } from '../../app/EmptyArea';

export const PartnerAccessArea = () => (
  <EmptyArea title="Partner access">
    <p>
      Here you will see your service relationships (partner organisation and number of accounts), each service&apos;s
      accounts and the users assigned to them, and grant or revoke users&apos; access to selected accounts.
    </p>
  </EmptyArea>
);
