/**
 * The database contract in one import for the app and the server: document types, id
 * builders and parsers, validators. Build-time code (build/) and test helpers (testing/)
 * are imported from their own files.
 */
export * from './databases.ts';
export * from './roles.ts';
export * from './ids/uid.ts';
export * from './ids/codes.ts';
export type * from './types/base.ts';
export * from './types/institution.ts';
export * from './types/branch.ts';
export * from './types/service.ts';
export * from './types/counter.ts';
export * from './types/catalogue.ts';
export * from './types/person.ts';
export * from './types/case.ts';
export * from './types/account-line.ts';
export * from './types/ticket.ts';
export * from './types/counter-state.ts';
export * from './types/submission.ts';
export * from './types/certificate.ts';
export * from './types/certificate-revocation.ts';
export * from './types/backoffice-request.ts';
export * from './types/cash.ts';
export * from './types/cash-config.ts';
export * from './types/cash-entry.ts';
export * from './types/cash-approval.ts';
export * from './types/payment-order.ts';
export { TYPE_SPECS, specOfId, specOfType, type TypeSpec } from './types/registry.ts';
export { PROBLEM_CODES, type ProblemCode } from './validate/problems.ts';
export * from './validate/entry.ts';
export { validatePermission } from './validate/permissions.ts';
export { nameTokens } from './search/normalize.ts';
