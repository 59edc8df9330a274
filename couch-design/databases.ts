/**
 * Database names and the roles that may open them. One source for the server
 * (provisioning, _security), the app (which replicas a device keeps) and the docs.
 */

/** Reference data: institution, branches, services, counters, catalogues. Written by admins only. */
export const REF_DB = 'fo_ref';
/** People (insurants, employers, beneficiaries) with their cases and accounts. */
export const PEOPLE_DB = 'fo_people';
/** Every branch replicates into this one, one way: head-office statistics. */
export const CENTRAL_DB = 'fo_central';

const BRANCH_DB_PREFIX = 'fo_branch_';

/** Branch codes are lower-case letters and digits so they fit CouchDB database names. */
export const BRANCH_CODE_PATTERN = /^[a-z][a-z0-9]{0,15}$/;

export function branchDb(branchCode: string): string {
  if (!BRANCH_CODE_PATTERN.test(branchCode)) throw new Error(`invalid branch code: ${branchCode}`);
  return BRANCH_DB_PREFIX + branchCode;
}

const SCANS_DB_PREFIX = 'fo_scans_';

/**
 * Scans handed in with a branch's submissions (issue 10). Apart from the branch database so
 * that the devices that file them only push there and nothing else downloads the images.
 */
export function scansDb(branchCode: string): string {
  if (!BRANCH_CODE_PATTERN.test(branchCode)) throw new Error(`invalid branch code: ${branchCode}`);
  return SCANS_DB_PREFIX + branchCode;
}

/** The branch code of a scans database name, or null for any other database. */
export function branchOfScansDb(dbName: string): string | null {
  if (!dbName.startsWith(SCANS_DB_PREFIX)) return null;
  const code = dbName.slice(SCANS_DB_PREFIX.length);
  return BRANCH_CODE_PATTERN.test(code) ? code : null;
}

/** The branch code of a branch database name, or null for any other database. */
export function branchOfDb(dbName: string): string | null {
  if (!dbName.startsWith(BRANCH_DB_PREFIX)) return null;
  const code = dbName.slice(BRANCH_DB_PREFIX.length);
  return BRANCH_CODE_PATTERN.test(code) ? code : null;
}

/** The filter every server-side replication uses: application documents only, no design documents. */
export const REPLICATION_FILTER = 'fo/replicable';

/** A branch's share of fo_people, with the query parameter `branch` (docs/PEOPLE.md). */
export const PEOPLE_OF_BRANCH_FILTER = 'fo/people_of_branch';
