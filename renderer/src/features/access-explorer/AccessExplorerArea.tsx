import { EmptyArea } from '../../app/EmptyArea';

export const AccessExplorerArea = () => (
  <EmptyArea title="Access explorer">
    <p>
      Here you will pick a user to see every account they reach, the way in and their roles; pick an account to see
      everyone who reaches it; or pick both for a full explanation in plain sentences.
    </p>
  </EmptyArea>
);
