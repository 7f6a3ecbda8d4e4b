import { EmptyArea } from '../../app/EmptyArea';

export const ResourcesArea = () => (
  <EmptyArea title="Resources">
    <p>
      Here you will see, per resource type (Atom Clouds, connectors, roles, published processes, integration packs and
      Data Hub models), which account groups share each resource and why a resource can or cannot be shared.
    </p>
    <p>You will also share and unshare custom roles, with a warning about anyone who would be locked out.</p>
  </EmptyArea>
);
