import { EmptyArea } from '../../app/EmptyArea';

export const SettingsArea = () => (
  <EmptyArea title="Settings">
    <p>
      Here you will choose the platform to work with: the embedded reference platform, or a platform URL with a user
      and API token (the token is kept by the app&apos;s main process, never by this page).
    </p>
  </EmptyArea>
);
