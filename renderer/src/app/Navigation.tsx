import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import GroupsIcon from '@mui/icons-material/Workspaces';
import ResourcesIcon from '@mui/icons-material/Inventory2';
import PartnerIcon from '@mui/icons-material/Handshake';
import ExplorerIcon from '@mui/icons-material/TravelExplore';
import SyncIcon from '@mui/icons-material/Sync';
import SettingsIcon from '@mui/icons-material/Settings';
import HistoryIcon from '@mui/icons-material/History';
import ReviewIcon from '@mui/icons-material/FactCheck';
import { AREAS, type AreaId } from './areas';
import { useRoute } from './routeStore';

export const NAV_WIDTH = 216;

const ICONS: Record<AreaId, React.ReactNode> = {
  groups: <GroupsIcon />,
  resources: <ResourcesIcon />,
  'partner-access': <PartnerIcon />,
  'access-explorer': <ExplorerIcon />,
  review: <ReviewIcon />,
  sync: <SyncIcon />,
  history: <HistoryIcon />,
  settings: <SettingsIcon />,
};

export const Navigation = () => {
  const area = useRoute((s) => s.route.area);
  const open = useRoute((s) => s.open);
  return (
    <Drawer variant="permanent" sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}>
      <Toolbar variant="dense" />
      <nav aria-label="Main">
        <List>
          {AREAS.map((a) => (
            <ListItem key={a.id} disablePadding>
            <ListItemButton
              selected={area === a.id}
              aria-current={area === a.id ? 'page' : undefined}
              onClick={() => open(a.id)}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>{ICONS[a.id]}</ListItemIcon>
              <ListItemText primary={a.label} />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      </nav>
    </Drawer>
  );
};
