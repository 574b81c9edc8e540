import type { PersonEntity } from '../../src/identity/person.entity.js';
import type { HouseholdEntity } from '../../src/registers/household.entity.js';
import type { RegisterRow } from '../../src/registers/register-layout.js';
import { matchRows } from '../../src/registers/register-matching.js';

const HOUSEHOLD: HouseholdEntity = {
  villageId: 'v',
  id: 'h1',
  code: 'H001',
  villagerGroup: null,
  address: null,
  headPersonId: null,
  createdAt: new Date(0),
};

const person = (id: string, name: string, birthDate: string | null, gender: 'female' | 'male' = 'female') =>
  ({ id, name, birthDate, gender, householdId: 'h1', homeRegionId: 'v', phone: null }) as PersonEntity;

let line = 1;
const row = (name: string, birthDate: string | null, gender: 'female' | 'male' = 'female'): RegisterRow => ({
  line: ++line,
  household: 'H001',
  villagerGroup: null,
  name,
  relation: null,
  head: false,
  gender,
  birthDate,
  idNumber: null,
  resident: true,
  member: true,
  memberBasis: 'original',
  representative: false,
  representedHouseholds: [],
  memberRepresentative: false,
  party: 'none',
  probationUntil: null,
  phone: null,
});

/** Which person each row was matched to, by name, or `new`. */
const matchedAs = (rows: RegisterRow[], people: PersonEntity[]) =>
  matchRows(rows, people, [HOUSEHOLD], 'salt').matched.map((entry) => entry.person?.name ?? 'new');

describe('matching a register file’s rows to the people on the register', () => {
  it('takes a name corrected in the file as the same person: same household, birth date and gender', () => {
    const people = [person('p1', '王文', '1991-01-05'), person('p2', '段晓', '1955-05-12', 'male')];
    expect(matchedAs([row('段晓', '1955-05-12', 'male'), row('王雯', '1991-01-05')], people)).toEqual([
      '段晓',
      '王文',
    ]);
  });

  it('guesses nothing where two could be meant, or the row cannot tell', () => {
    // Twins of one birthday: which one was renamed is not the file's to say.
    const twins = [person('p1', '王文', '1991-01-05'), person('p2', '王武', '1991-01-05')];
    expect(matchedAs([row('王雯', '1991-01-05')], twins)).toEqual(['new']);
    const one = [person('p1', '王文', '1991-01-05')];
    // No birth date on the row, another birthday, another gender: a newcomer.
    expect(matchedAs([row('王雯', null)], one)).toEqual(['new']);
    expect(matchedAs([row('王雯', '1991-01-06')], one)).toEqual(['new']);
    expect(matchedAs([row('王雯', '1991-01-05', 'male')], one)).toEqual(['new']);
    // The old name still in the file: both rows stand, the new one for someone new.
    expect(matchedAs([row('王文', '1991-01-05'), row('王雯', '1991-01-05')], one)).toEqual(['王文', 'new']);
    // Two new names both born that day: neither is taken for the one person left out.
    expect(matchedAs([row('王雯', '1991-01-05'), row('王玟', '1991-01-05')], one)).toEqual(['new', 'new']);
  });
});
