import type { PersonEntity } from '../identity/person.entity.js';
import type { HouseholdEntity } from './household.entity.js';
import { hashIdNumber, isMasked, maskIdNumber, validIdNumber } from './id-numbers.js';
import type { RegisterRow, RowProblem } from './register-layout.js';

/** A row with the person it stands for: someone on the register already, or a newcomer. */
export interface MatchedRow {
  row: RegisterRow;
  person: PersonEntity | null;
  /** A full ID number given on the row, kept only as its hash and masked form. */
  id: { hash: string; masked: string } | null;
}

/**
 * Finds each row's person on the register: by the ID number's hash when a full number is given, by a
 * masked number (as an export writes it) with the name, else by household and name. Two people of one
 * name in one household need ID numbers to be told apart; a number given twice, or matching someone of
 * another name, is a problem of its row.
 *
 * A file without the 户号 column (a sheet of names and phone numbers) says nothing of households: its
 * rows are matched by name across the village, a name two people share needs the column or an ID
 * number, and it registers nobody new (where they live is what it leaves out).
 */
export function matchRows(
  rows: readonly RegisterRow[],
  people: readonly PersonEntity[],
  households: readonly HouseholdEntity[],
  salt: string,
  withHouseholds = true,
): { matched: MatchedRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const codeOf = new Map(households.map((household) => [household.id, household.code]));
  // Without the column every row and every person is of one household: the village.
  const householdCode = (person: PersonEntity) =>
    withHouseholds && person.householdId ? (codeOf.get(person.householdId) ?? '') : '';
  const byHash = new Map(
    people.filter((person) => person.idNumberHash).map((person) => [person.idNumberHash!, person]),
  );
  const taken = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const matched: MatchedRow[] = [];
  const fileNames = new Map<string, number>();
  for (const row of rows) fileNames.set(row.name, (fileNames.get(row.name) ?? 0) + 1);
  const sameNameRows = new Map<string, RegisterRow[]>();
  for (const row of rows) {
    const key = `${row.household}\u0000${row.name}`;
    sameNameRows.set(key, [...(sameNameRows.get(key) ?? []), row]);
  }
  for (const row of rows) {
    const problem = (message: string) => problems.push({ line: row.line, column: '身份证号', message });
    let person: PersonEntity | null = null;
    let id: MatchedRow['id'] = null;
    if (row.idNumber && !isMasked(row.idNumber)) {
      const valid = validIdNumber(row.idNumber);
      if (!valid) {
        problem(`不是有效的 18 位身份证号：“${row.idNumber}”`);
        continue;
      }
      id = { hash: hashIdNumber(valid, salt), masked: maskIdNumber(valid) };
      const earlier = seenIds.get(id.hash);
      if (earlier) problem(`与第 ${earlier} 行的身份证号相同`);
      seenIds.set(id.hash, row.line);
      person = byHash.get(id.hash) ?? null;
      if (person && person.name !== row.name) {
        problem(`该身份证号在册人员为“${person.name}”，与姓名“${row.name}”不符`);
        continue;
      }
    } else if (row.idNumber) {
      person =
        people.find(
          (candidate) => candidate.idNumberMasked === row.idNumber && candidate.name === row.name,
        ) ?? null;
      if (!person) {
        problem(`打码的身份证号“${row.idNumber}”与在册人员对不上，请填写完整号码或留空`);
        continue;
      }
    }
    if (!person && !id) {
      const namesakes = people.filter(
        (candidate) => candidate.name === row.name && householdCode(candidate) === row.household,
      );
      const rowsOfName = sameNameRows.get(`${row.household}\u0000${row.name}`)!;
      if (namesakes.length > 1 || rowsOfName.length > 1) {
        problem(
          withHouseholds
            ? `${row.household ? `户 ${row.household} ` : ''}有同名人员“${row.name}”，请填写身份证号以区分`
            : `本村有同名人员“${row.name}”，请加上“户号”列或填写身份证号以区分`,
        );
        continue;
      }
      // Someone registered before households were: placed in this one, if the name is theirs alone, on
      // the register and in the file.
      const unplaced = people.filter((candidate) => candidate.name === row.name && !candidate.householdId);
      const alone = unplaced.length === 1 && (fileNames.get(row.name) ?? 0) === 1;
      person = namesakes[0] ?? (row.household && alone ? unplaced[0] : null);
    }
    if (!person && !withHouseholds) {
      problems.push({
        line: row.line,
        column: '姓名',
        message: `在册人员中没有“${row.name}”；登记新人员的文件须有“户号”列（尚未分户的可留空）`,
      });
      continue;
    }
    if (person) {
      const earlier = taken.get(person.id);
      if (earlier) {
        problem(`与第 ${earlier} 行是同一人`);
        continue;
      }
      taken.set(person.id, row.line);
    }
    matched.push({ row, person, id });
  }
  matchRenamed(matched, people, taken, householdCode);
  return { matched, problems };
}

/**
 * A name corrected in the file (王文 → 王雯) is the same person, not a newcomer: a row that matched no one,
 * with no ID number, whose household has exactly one person the file left out who was born the same day (of
 * the same gender, where both say), and no other such row claims them. Without a birth date, or with two
 * candidates, the row stays a newcomer. Whether the name may change is the import's to say.
 */
function matchRenamed(
  matched: MatchedRow[],
  people: readonly PersonEntity[],
  taken: Map<string, number>,
  householdCode: (person: PersonEntity) => string,
): void {
  const newcomers = matched.filter(
    (entry) => !entry.person && !entry.id && entry.row.household && entry.row.birthDate,
  );
  const left = people.filter((person) => !taken.has(person.id) && person.birthDate);
  const candidatesOf = ({ row }: MatchedRow) =>
    left.filter(
      (person) =>
        householdCode(person) === row.household &&
        person.birthDate === row.birthDate &&
        (!person.gender || !row.gender || person.gender === row.gender),
    );
  for (const entry of newcomers) {
    const [candidate, ...others] = candidatesOf(entry);
    if (!candidate || others.length > 0) continue;
    if (newcomers.filter((other) => candidatesOf(other).includes(candidate)).length > 1) continue;
    entry.person = candidate;
    taken.set(candidate.id, entry.row.line);
  }
}
