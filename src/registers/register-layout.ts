import type { MembershipBasis } from './collective-member.entity.js';

/**
 * The one layout of a village's register (花名册) for import and export, as villages keep it in Excel:
 * one row per person, households by their code. A file exported from here imports again unchanged.
 */
export const REGISTER_COLUMNS = [
  { key: 'household', title: '户号' },
  { key: 'villagerGroup', title: '村民小组' },
  { key: 'name', title: '姓名', required: true },
  { key: 'relation', title: '与户主关系' },
  { key: 'gender', title: '性别' },
  { key: 'birthDate', title: '出生日期' },
  { key: 'idNumber', title: '身份证号' },
  { key: 'resident', title: '居住本村' },
  { key: 'member', title: '集体经济组织成员' },
  { key: 'memberBasis', title: '成员身份取得方式' },
  { key: 'representative', title: '村民代表' },
  { key: 'representedHouseholds', title: '代表户' },
  { key: 'memberRepresentative', title: '成员代表' },
  { key: 'party', title: '党员' },
  { key: 'probationUntil', title: '预备期至' },
  { key: 'phone', title: '电话' },
] as const;

export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]['key'];

export const SHEET_NAME = '花名册';

/** One person as a register row says them, checked and typed. */
export interface RegisterRow {
  /** The row's number in the file (the header is row 1). */
  line: number;
  /** 户号; empty for someone not yet placed in a household (the household quorum then counts them alone). */
  household: string;
  villagerGroup: string | null;
  name: string;
  /** 与户主关系 as written, or null; `head` when it is 户主. */
  relation: string | null;
  head: boolean;
  gender: 'female' | 'male' | null;
  birthDate: string | null;
  /** As written: a full number, a masked one from an export, or nothing. */
  idNumber: string | null;
  resident: boolean;
  member: boolean;
  memberBasis: MembershipBasis;
  representative: boolean;
  representedHouseholds: string[];
  memberRepresentative: boolean;
  party: 'none' | 'full' | 'probationary';
  /** A probationary member's last day of probation; without it, no vote until one is recorded. */
  probationUntil: string | null;
  phone: string | null;
}

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

const YES = new Set(['是', '√', 'y', 'yes', '1', 'true']);
const NO = new Set(['否', '', 'n', 'no', '0', 'false']);
const BASES: Record<string, MembershipBasis> = {
  原始: 'original',
  原始取得: 'original',
  出生: 'birth',
  婚嫁: 'marriage',
  结婚: 'marriage',
  收养: 'adoption',
  移民安置: 'resettlement',
  其他: 'other',
};
export const BASIS_WORDS: Record<MembershipBasis, string> = {
  original: '原始',
  birth: '出生',
  marriage: '婚嫁',
  adoption: '收养',
  resettlement: '移民安置',
  other: '其他',
};
const PARTY: Record<string, RegisterRow['party']> = {
  否: 'none',
  '': 'none',
  正式: 'full',
  预备: 'probationary',
};

/** Excel's serial of 9999-12-31, its last date. */
const LAST_EXCEL_SERIAL = 2958466;

/** The longest text a column takes; columns not named hold a date, a yes or no, or a word from a list. */
const MAX_LENGTH: Partial<Record<RegisterColumn, number>> = {
  household: 50,
  villagerGroup: 50,
  name: 100,
  relation: 20,
  idNumber: 30,
  representedHouseholds: 2000,
  phone: 30,
};

/** A cell as text: numbers (an Excel date, a phone number) as their digits, blanks as ''. */
export type Cell = string | number | boolean | null | undefined;
const textOf = (cell: Cell) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** A date written as 2026-03-01, 2026/3/1, 2026.3.1 or 20260301, or an Excel date serial turned to text. */
export function parseDate(
  text: string,
  excelDate: (serial: number) => string | null,
): { valid: boolean; date: string | null } {
  const invalid = { valid: false, date: null };
  if (text === '') return { valid: true, date: null };
  if (/^\d{5}$/.test(text)) {
    const serial = excelDate(Number(text));
    return serial ? { valid: true, date: serial } : invalid;
  }
  // Separators both present, or none in eight digits: 29221.5 (a serial with its time) is no 2922-1-5.
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return invalid;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalid;
  }
  return { valid: true, date: date.toISOString().slice(0, 10) };
}

/**
 * Reads one data row against the header's columns. Every problem is named with its line and column in
 * Chinese; a row with problems yields none.
 */
export function readRow(
  line: number,
  cells: Record<RegisterColumn, Cell>,
  excelDate: (serial: number) => string | null,
): { row: RegisterRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: RegisterColumn, message: string) =>
    problems.push({ line, column: REGISTER_COLUMNS.find((entry) => entry.key === column)!.title, message });
  const text = (column: RegisterColumn) => textOf(cells[column]);
  const flag = (column: RegisterColumn): boolean => {
    const value = text(column).toLowerCase();
    if (YES.has(value)) return true;
    if (!NO.has(value)) problem(column, `应填“是”或“否”，不是“${text(column)}”`);
    return false;
  };
  const date = (column: RegisterColumn): string | null => {
    const cell = cells[column];
    // A date cell arrives as Excel's serial (with a time part, or before 1927, too): read as a serial. A
    // number past 9999-12-31's serial is a date typed as digits (19800501), read as text.
    const serial = typeof cell === 'number' && cell < LAST_EXCEL_SERIAL ? excelDate(cell) : undefined;
    const { valid, date: value } =
      serial === undefined ? parseDate(text(column), excelDate) : { valid: serial !== null, date: serial };
    if (!valid) problem(column, `不是有效的日期：“${text(column)}”（应写作 1980-05-01）`);
    return value;
  };
  const household = text('household');
  const name = text('name');
  if (!name) problem('name', '姓名不能为空');
  // As long as the API takes, and never past what an Excel cell holds when the register goes out again.
  for (const [column, limit] of Object.entries(MAX_LENGTH) as [RegisterColumn, number][]) {
    if ([...text(column)].length > limit) problem(column, `不能超过 ${limit} 个字`);
  }
  const genderText = text('gender');
  const gender = genderText === '男' ? 'male' : genderText === '女' ? 'female' : null;
  if (genderText && !gender) problem('gender', `应填“男”或“女”，不是“${genderText}”`);
  const birthDate = date('birthDate');
  const basisText = text('memberBasis');
  const memberBasis = basisText ? BASES[basisText] : 'original';
  if (!memberBasis)
    problem('memberBasis', `不认识的取得方式“${basisText}”（可填：${Object.keys(BASES).join('、')}）`);
  const party = PARTY[text('party')];
  if (!party) problem('party', `应填“正式”“预备”或“否”，不是“${text('party')}”`);
  const probationUntil = date('probationUntil');
  if (party !== 'probationary' && probationUntil) problem('probationUntil', '只有预备党员填写预备期');
  const row: RegisterRow = {
    line,
    household,
    villagerGroup: text('villagerGroup') || null,
    name,
    relation: text('relation') || null,
    head: text('relation') === '户主',
    gender,
    birthDate,
    idNumber: text('idNumber') || null,
    resident: flag('resident'),
    member: flag('member'),
    memberBasis: memberBasis ?? 'original',
    representative: flag('representative'),
    representedHouseholds: text('representedHouseholds')
      .split(/[,，、;；\s]+/)
      .filter(Boolean),
    memberRepresentative: flag('memberRepresentative'),
    party: party ?? 'none',
    probationUntil,
    phone: text('phone') || null,
  };
  if (row.representedHouseholds.length > 0 && !row.representative) {
    problem('representedHouseholds', '只有村民代表填写代表户');
  }
  return { row: problems.length === 0 ? row : null, problems };
}

/**
 * The header's columns by title, in any order; a missing required column, an unknown or a repeated one is
 * a problem of line 1.
 */
export function readHeader(cells: Cell[]): { columns: (RegisterColumn | null)[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<RegisterColumn>();
  const columns = cells.map((cell) => {
    const title = textOf(cell);
    if (!title) return null;
    const column = REGISTER_COLUMNS.find((entry) => entry.title === title);
    if (!column) {
      problems.push({ line: 1, column: title, message: `不认识的列“${title}”` });
      return null;
    }
    if (seen.has(column.key)) problems.push({ line: 1, column: title, message: `列“${title}”出现了两次` });
    seen.add(column.key);
    return column.key;
  });
  for (const column of REGISTER_COLUMNS.filter((entry) => 'required' in entry && entry.required)) {
    if (!seen.has(column.key))
      problems.push({ line: 1, column: column.title, message: `缺少必需的列“${column.title}”` });
  }
  return { columns, problems };
}
