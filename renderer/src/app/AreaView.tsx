import { GroupsArea } from '../features/groups/GroupsArea';
import { ResourcesArea } from '../features/resources/ResourcesArea';
import { PartnerAccessArea } from '../features/partner-access/PartnerAccessArea';
import { AccessExplorerArea } from '../features/access-explorer/AccessExplorerArea';
import { SyncArea } from '../features/sync/SyncArea';
import { SettingsArea } from '../features/settings/SettingsArea';
import { HistoryArea } from '../features/history/HistoryArea';
import { useRoute } from './routeStore';

export const AreaView = () => {
  const area = useRoute((s) => s.route.area);
  switch (area) {
    case 'groups':
      return <GroupsArea />;
    case 'resources':
      return <ResourcesArea />;
    case 'partner-access':
      return <PartnerAccessArea />;
    case 'access-explorer':
      return <AccessExplorerArea />;
    case 'sync':
      return <SyncArea />;
    case 'history':
      return <HistoryArea />;
    case 'settings':
      return <SettingsArea />;
  }
};
