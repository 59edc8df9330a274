import { describe, expect, it } from 'vitest';
import { securityFor } from './security.ts';

describe('securityFor', () => {
  it('opens a branch database to that branch only', () => {
    expect(securityFor('fo_branch_dla', ['dla', 'yde']).members.roles).toEqual(['branch:dla']);
  });
  it('keeps people files away from kiosks and displays', () => {
    const roles = securityFor('fo_people', []).members.roles;
    expect(roles).toContain('counter');
    expect(roles).not.toContain('kiosk');
    expect(roles).not.toContain('display');
  });
  it('opens the central database to head office only', () => {
    expect(securityFor('fo_central', ['dla']).members.roles).toEqual(['hq']);
  });
  it('refuses to guess for an unknown database', () => {
    expect(() => securityFor('fo_branch_zzz', ['dla'])).toThrow();
  });
});
