/**
 * Fixes to PouchDB Server 4.2.0's authentication and authorisation, applied to the source of
 * its modules when the engine loads them (see module-patch.ts: each replacement must match
 * exactly once, or the engine refuses to start).
 *
 * Passwords (pouchdb-auth): it hashed and verified PBKDF2-SHA1 only, in pure JavaScript on the
 * event loop. Verification now follows the stored document's `pbkdf2_prf` and `iterations`
 * (so users replicated from Apache CouchDB 3.4, PBKDF2-SHA256, sign in), new passwords are
 * hashed as PBKDF2-SHA256 (password-hash.ts), and server admins may be stored in CouchDB 3.4's
 * `-pbkdf2:sha256-…` format.
 *
 * Who may write (defence in depth: the gateway refuses these requests before the engine):
 * - express-pouchdb granted `_admin` to any signed-in user for the whole request on a path
 *   under their own `_users` document, so a plain PUT of it could add roles. The grant now
 *   holds for reads only.
 * - System databases (`_users`, `_replicator`) are written by server admins only: no
 *   sign-up, no change of one's own document, no replication job from a non-admin. Their
 *   read guard answered 500 (it looked for the security object in the wrong place).
 * - `_local/_security` is the engine's security object of a database; any member (anyone on a
 *   database without members, such as `_users`) could write it. It now needs a database admin.
 * - `POST /_replicate` ran its writes with admin rights whoever asked; now server admins only.
 *
 * Secrets: the engine's config file (cookie secret, admins' hashes) is saved owner-only.
 *
 * Speed: a session check no longer reads `_users`' info (a walk of its directory) per request.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installPatchedModule, type Patch } from './module-patch.ts';
import { hashPassword, verifyPassword, PBKDF2_PRF } from './password-hash.ts';

const AUTH_UTILS: readonly Patch[] = [
  {
    find:
      "exports.hashPassword = function (password, salt, iterations) {\n" +
      "  var derived_key = crypto.pbkdf2(password, salt, iterations, 20);\n" +
      "  return Promise.resolve(derived_key.toString('hex'));\n" +
      "};",
    replace: '// hashPassword and verifyPassword: server/embedded/password-hash.ts',
  },
];

const AUTH_SESSION_API: readonly Patch[] = [
  {
    find:
      'return utils.hashPassword(password, userDoc.salt, userDoc.iterations);\n' +
      '  }).then(function (derived_key) {\n' +
      '    if (derived_key !== userDoc.derived_key) {',
    replace:
      'return utils.verifyPassword(password, userDoc);\n' +
      '  }).then(function (valid) {\n' +
      '    if (!valid) {',
  },
  {
    // Every authenticated request asked `_users` for its info to learn its name, and the size
    // plugin answers info by walking the database's directory (an lstat per LevelDB file):
    // 7.7 % of the engine's time in the 20-counter drain. The name is the database's own.
    find: '  return utils.nodify(db.info().then(function (dbInfo) {\n    resp.info.authentication_db = dbInfo.db_name;',
    replace: '  return utils.nodify(Promise.resolve().then(function () {\n    resp.info.authentication_db = db.name;',
  },
];

const AUTH_WRITE_WRAPPERS: readonly Patch[] = [
  {
    find: "doc.password_scheme = 'pbkdf2';",
    replace: `doc.password_scheme = 'pbkdf2';\n    doc.pbkdf2_prf = '${PBKDF2_PRF}';`,
  },
  {
    find: 'return utils.hashPassword(doc.password, doc.salt, doc.iterations).then(',
    replace: 'return utils.hashPassword(doc.password, doc.salt, doc.iterations, doc.pbkdf2_prf).then(',
  },
];

const AUTH_ADMINS: readonly Patch[] = [
  {
    find: 'var IS_HASH_RE = /^-(?:pbkdf2|hashed)-/;',
    replace: 'var IS_HASH_RE = /^-(?:pbkdf2(?::sha(?:224|256|384|512)?)?|hashed)-/;',
  },
  {
    find: 'var ADMIN_RE = /^-pbkdf2-([\\da-f]+),([\\da-f]+),([0-9]+)$/;',
    replace: 'var ADMIN_RE = /^-pbkdf2(?::(sha(?:224|256|384|512)?))?-([\\da-f]+),([\\da-f]+),([0-9]+)$/;',
  },
  {
    find: 'derived_key: info[1],\n          salt: info[2],\n          iterations: parseInt(info[3], 10),',
    replace: 'pbkdf2_prf: info[1],\n          derived_key: info[2],\n          salt: info[3],\n          iterations: parseInt(info[4], 10),',
  },
];

const SYSTEM_DB: readonly Patch[] = [
  // Its read guard looked up the security object on `args.db`, which does not exist: every
  // non-admin read of a system database answered 500 instead of 401/404.
  { find: 'return args.db.getSecurity().then(function (security) {', replace: 'return args.base.getSecurity().then(function (security) {' },
  { find: '(dbAdmins.users || []).indexOf(userCtx.name)', replace: '(dbAdmins.names || []).indexOf(userCtx.name)' },
  {
    find: 'systemWrappers.getAttachment = wrappers.get;',
    replace:
      'systemWrappers.getAttachment = wrappers.get;\n' +
      '// Written by server admins only; internal calls (no userCtx) are the engine itself.\n' +
      'function serverAdminWriteWrapper(orig, args) {\n' +
      '  var userCtx = (args.options || {}).userCtx;\n' +
      '  if (!userCtx || (userCtx.roles || []).indexOf("_admin") !== -1) {\n' +
      '    return orig();\n' +
      '  }\n' +
      '  return Promise.reject(new PouchDBPluginError({status: 403, name: "forbidden", message: "Only server admins may write to system databases."}));\n' +
      '}\n' +
      '["put", "post", "remove", "bulkDocs", "putAttachment", "removeAttachment"].forEach(function (name) {\n' +
      '  systemWrappers[name] = serverAdminWriteWrapper;\n' +
      '});',
  },
];

const SECURITY: readonly Patch[] = [
  {
    find: 'var isNotDesignDoc = String(docId).indexOf("_design/") !== 0;',
    replace: 'var isNotDesignDoc = String(docId).indexOf("_design/") !== 0 && String(docId) !== DOC_ID;',
  },
  // Speed, not rights: a `_bulk_docs` read the security object once per document (a LevelDB
  // read each); once per request is what CouchDB does, and the check per document stays.
  {
    find: `function filledInSecurity(args) {
  var getSecurity;`,
    replace: `function filledInSecurity(args) {
  if (args.securityOnce) return args.securityOnce;
  var getSecurity;`,
  },
  {
    find: `  var noop = Promise.resolve.bind(Promise);
  return documentModificationWrapper(noop, args, doc._id);`,
    replace: `  var noop = Promise.resolve.bind(Promise);
  if (!args.securityOnce) args.securityOnce = filledInSecurity(args);
  return documentModificationWrapper(noop, args, doc._id);`,
  },
];

const DOCUMENTS_ROUTE: readonly Patch[] = [
  {
    find: "if (userCtx && userCtx.name && !~userCtx.roles.indexOf('_admin')) {",
    replace: "if (userCtx && userCtx.name && !~userCtx.roles.indexOf('_admin') && (req.method === 'GET' || req.method === 'HEAD')) {",
  },
];

/** The config file holds the cookie secret and the admins' hashes; it was saved world-readable at every change. */
const CONFIG_FILE: readonly Patch[] = [
  {
    find: 'fs.writeFile(self._tempFile, json, function () {',
    replace: 'fs.writeFile(self._tempFile, json, {mode: 0o600}, function () {',
  },
];

const AUTHORIZATION_ROUTE: readonly Patch[] = [
  {
    find: "app.post('/_restart', requiresServerAdmin);",
    replace: "app.post('/_restart', requiresServerAdmin);\n  app.post('/_replicate', requiresServerAdmin);",
  },
];

export interface PatchTarget {
  path: string;
  patches: readonly Patch[];
  label: string;
  extend?: (exports: Record<string, unknown>) => void;
}

/** The modules to patch, in load order (each before the modules that require it). */
export function authPatchTargets(expressPouchdbPath: string): PatchTarget[] {
  const fromExpress = createRequire(expressPouchdbPath);
  const authIndex = fromExpress.resolve('pouchdb-auth');
  const authLib = dirname(authIndex);
  const systemDb = createRequire(authIndex).resolve('pouchdb-system-db');
  const security = fromExpress.resolve('pouchdb-security');
  if (createRequire(systemDb).resolve('pouchdb-security') !== security) {
    throw new Error('pouchdb-security is installed twice; the engine patches one copy only');
  }
  const routes = join(dirname(expressPouchdbPath), 'routes');
  return [
    {
      path: join(authLib, 'utils.js'),
      patches: AUTH_UTILS,
      label: 'pouchdb-auth utils',
      extend: (exports) => {
        exports.hashPassword = hashPassword;
        exports.verifyPassword = verifyPassword;
      },
    },
    { path: join(authLib, 'sessionapi.js'), patches: AUTH_SESSION_API, label: 'pouchdb-auth sessionapi' },
    { path: join(authLib, 'writewrappers.js'), patches: AUTH_WRITE_WRAPPERS, label: 'pouchdb-auth writewrappers' },
    { path: join(authLib, 'admins.js'), patches: AUTH_ADMINS, label: 'pouchdb-auth admins' },
    { path: security, patches: SECURITY, label: 'pouchdb-security' },
    { path: systemDb, patches: SYSTEM_DB, label: 'pouchdb-system-db' },
    { path: join(routes, 'documents.js'), patches: DOCUMENTS_ROUTE, label: 'express-pouchdb documents' },
    { path: join(routes, 'authorization.js'), patches: AUTHORIZATION_ROUTE, label: 'express-pouchdb authorization' },
    { path: join(dirname(expressPouchdbPath), 'config-infrastructure.js'), patches: CONFIG_FILE, label: 'express-pouchdb config' },
  ];
}

/** Installs every patch above before express-pouchdb is first required. */
export function installPatchedAuth(expressPouchdbPath: string): void {
  for (const t of authPatchTargets(expressPouchdbPath)) installPatchedModule(t.path, t.patches, t.label, t.extend);
}
