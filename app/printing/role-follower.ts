/**
 * Follows the signed-in user's printing role's `printer_role` document in the fo_ref replica
 * (first read, then its changes: replication included) into role-default.ts. Started with the
 * data layer (app/data/open-browser-data.ts); stopped with it.
 */
import { PRINTER_ROLE, printerRoleId, printerRoleOf, type PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';
import type { DataLayer } from '../data/data-layer.ts';
import { followRefDoc } from '../data/follow-ref-doc.ts';
import { setPrinterRoleDefault } from './role-default.ts';

export function followPrinterRole(layer: Pick<DataLayer, 'get' | 'local'>, roles: readonly string[]): () => void {
  const role = printerRoleOf(roles);
  if (!role) return () => undefined;
  const id = printerRoleId(role);
  let stopped = false;
  const read = () =>
    layer
      .get<PrinterRoleDefaults>('ref', id)
      .then((doc) => stopped || setPrinterRoleDefault(doc && doc.type === PRINTER_ROLE ? doc : null))
      .catch(() => undefined); // the database closed under it (sign-out)
  const stop = followRefDoc(layer, id, () => void read());
  return () => {
    stopped = true;
    stop();
    setPrinterRoleDefault(null);
  };
}
