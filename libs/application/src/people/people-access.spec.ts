import type { Principal } from '../access/principal';
import { mayManagePerson, mayReadMediators, maySeePerson } from './people-access';

const admin: Principal = { sub: 'a', roles: ['admin'] };
const auditor: Principal = { sub: 'b', roles: ['auditor'] };
const acmeAdmin: Principal = { sub: 'c', partnerId: 'acme', roles: ['partner', 'partner_admin'] };
const acmeStaff: Principal = { sub: 'd', partnerId: 'acme', roles: ['partner'] };

const staff = { partnerId: 'acme', roles: ['partner'] };
const otherStaff = { partnerId: 'sos', roles: ['partner'] };

describe('people access rules', () => {
  it('lets administrators manage anyone, and auditors see everyone but manage no one', () => {
    expect(mayManagePerson(admin, { partnerId: null, roles: ['admin'] })).toBe(true);
    expect(maySeePerson(auditor, otherStaff)).toBe(true);
    expect(mayManagePerson(auditor, staff)).toBe(false);
  });

  it("lets a partner admin see and manage its own partner's staff only", () => {
    expect(maySeePerson(acmeAdmin, staff)).toBe(true);
    expect(mayManagePerson(acmeAdmin, staff)).toBe(true);
    expect(
      mayManagePerson(acmeAdmin, { partnerId: 'acme', roles: ['partner', 'partner_admin'] }),
    ).toBe(true);
    expect(maySeePerson(acmeAdmin, otherStaff)).toBe(false);
    expect(mayManagePerson(acmeAdmin, otherStaff)).toBe(false);
  });

  it('never lets a partner admin grant, or take away, a role beyond the partner roles', () => {
    for (const role of ['admin', 'auditor', 'mediator']) {
      expect(mayManagePerson(acmeAdmin, { partnerId: 'acme', roles: ['partner', role] })).toBe(
        false,
      );
    }
  });

  it('gives plain partner staff no say over the directory', () => {
    expect(maySeePerson(acmeStaff, staff)).toBe(false);
    expect(mayManagePerson(acmeStaff, staff)).toBe(false);
  });

  it('shows the mediators to whoever may take part in a conflict, and to no one without a role', () => {
    const mediator: Principal = { sub: 'e', roles: ['mediator'] };
    for (const viewer of [admin, auditor, acmeAdmin, acmeStaff, mediator]) {
      expect(mayReadMediators(viewer)).toBe(true);
    }
    expect(mayReadMediators({ sub: 'machine', roles: [] })).toBe(false);
  });
});
