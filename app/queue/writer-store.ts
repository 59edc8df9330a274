/**
 * The queue store over this device's branch replica (app/data/branch-replica.ts): arbitrated
 * writes to the server, an unreachable server as OfflineError, the rest local. One builder for
 * the queue screens and the supervisor's forced close, with the actor they write as.
 */
import { uid } from '../../couch-design/ids/uid.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Stored } from '../data/docs.ts';
import { isUnreachable, type RemoteWriter } from '../data/remote-write.ts';
import { OfflineError, type QueueStore } from './store.ts';
import { deviceId } from './device.ts';
import type { Actor } from './transitions.ts';

export function writerStore(writer: RemoteWriter, waiting: (day: string, services: readonly string[]) => Promise<Stored<Ticket>[]>): QueueStore {
  return {
    async writeArbitrated(doc) {
      try {
        return await writer.writeArbitrated(doc);
      } catch (error) {
        if (isUnreachable(error)) throw new OfflineError(error);
        throw error;
      }
    },
    writeLocal: (doc) => writer.writeLocal(doc),
    waiting,
    async log(event) {
      await writer.writeLocal(event);
    },
  };
}

/** One sequence per page: two actors made in the same millisecond on this device never share an id. */
let uidSeq = 0;

/** Who acts, from this device, now: every queue write of the app names its actor through this. */
export function deviceActor(fields: { branch: string; agent: string; counter?: string; timeZone: string }): Actor {
  const now = new Date();
  const device = deviceId();
  return { ...fields, device, now, uid: () => uid(now.getTime(), device, ++uidSeq) };
}
