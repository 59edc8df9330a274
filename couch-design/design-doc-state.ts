/**
 * Whether a database's design documents are the ones this version ships (`current`), or a
 * changed one is still building its indexes under a staging name (`building`: queries still
 * answer from the previous views until it is swapped in). The server reports it per database
 * in /health as `designDocs`, so a statistics screen can say so instead of failing.
 */
export type DesignDocState = 'current' | 'building';
