/**
 * Imports and exports (issue 14, docs/IMPORTS.md): insurants, employers, cases and
 * contribution periods from the core system's CSV files, and back out in the same layout.
 * Both talk to fo_people on the server through the gateway, with the administrator's session.
 */
import { gatewayPeople } from '../../imports/people-server.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';

export function ImportsSection() {
  const server = gatewayPeople((input, init) => fetch(input, init), '/db');
  return (
    <div class="admin-imports" data-testid="admin-imports">
      <ImportPanel server={server} />
      <ExportPanel server={server} />
    </div>
  );
}
