import type { VillageRole } from '../../../src/identity/membership.entity.js';

/** One membership a bench person holds; the flags default as the app's own grants do. */
export type Grant = {
  role: VillageRole;
  vcChair?: boolean;
  supervisorChair?: boolean;
  votingRights?: boolean;
};

/**
 * The office holders of a bench village, as the test village factory has them (the bench cannot import
 * test/): the secretary also chairs the villagers' committee (一肩挑), so the proposal and the
 * two-committee deliberation may be one meeting. Each bench adds the plain villagers it needs, and
 * everyone is also a villager of their household.
 */
export const OFFICE_HOLDERS = {
  secretary: [{ role: 'secretary' }, { role: 'committee_member', vcChair: true }, { role: 'party_member' }],
  committee1: [{ role: 'committee_member' }, { role: 'party_member' }],
  committee2: [{ role: 'committee_member' }],
  supervisor: [{ role: 'supervisor', supervisorChair: true }],
  supervisor2: [{ role: 'supervisor' }],
  party1: [{ role: 'party_member' }],
  party2: [{ role: 'party_member' }],
  party3: [{ role: 'party_member' }],
  party4: [{ role: 'party_member', votingRights: false }],
  party5: [{ role: 'party_member' }],
  rep1: [{ role: 'representative' }],
  rep2: [{ role: 'representative' }],
  rep3: [{ role: 'representative' }],
  rep4: [{ role: 'representative' }],
  rep5: [{ role: 'representative' }],
} satisfies Record<string, Grant[]>;

/** Every holder is also a villager of their household, as a village's register has them. */
export const withVillager = (grants: readonly Grant[]): Grant[] => [...grants, { role: 'villager' }];

/** The flags a grant leaves out, defaulted as the app defaults them. */
export const grantFlags = (grant: Grant) => ({
  vcChair: grant.vcChair ?? false,
  supervisorChair: grant.supervisorChair ?? false,
  votingRights: grant.votingRights ?? true,
});
