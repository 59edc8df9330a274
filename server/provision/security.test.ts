import { describe, expect, it } from 'vitest';
import { memberRolesOf, securityFor } from './security.ts';

describe('securityFor', () => {
  it('opens a branch database to that branch only', () => {
    expect(securityFor('fo_branch_dla').members.roles).toEqual(['branch:dla']);
  });
  it('keeps people files away from kiosks and displays', () => {
    const roles = securityFor('fo_people').members.roles;
    expect(roles).toContain('counter');
    expect(roles).not.toContain('kiosk');
    expect(roles).not.toContain('display');
  });
  it('opens the central database to head office only', () => {
    expect(securityFor('fo_central').members.roles).toEqual(['hq']);
  });
  it('opens a branch\'s scans to that branch and to those who check them', () => {
    expect(securityFor('fo_scans_dla').members.roles).toEqual(['admin', 'backoffice', 'branch:dla', 'hq']);
    expect(memberRolesOf('fo_scans_Bad')).toBeNull();
  });
  it('refuses to guess for a database that is not ours', () => {
    expect(() => securityFor('fo_other')).toThrow();
    expect(memberRolesOf('_users')).toBeNull();
    expect(memberRolesOf('_replicator')).toBeNull();
    expect(memberRolesOf('fo_branch_Bad')).toBeNull();
  });
});
