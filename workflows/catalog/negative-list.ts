import type { StepMark } from '../types.js';

/**
 * The district's negative list (负面清单): acts no village cadre may take. Entries the engine can check
 * carry a `check`; a matter that would break one is refused with the entry's own words. Checks apply by
 * what an act or a matter is (its marks, its statutory class, the people it names), never by an item's
 * code, so a village's copy of an item is held to them as the original is.
 * The entries are part of the base list's release: a change here is a new release.
 */
export type NegativeCheck =
  /** An act with the mark needs the document named first: in its payload, else in the matter's inputs. */
  | { kind: 'documentNamed'; mark: StepMark; field: string }
  /**
   * Nobody takes an act with one of the marks in a matter whose inputs name them as a person (any input
   * typed as a person id, at any depth): by the value, not the field's name, so an item that renames its
   * payee field is held to it as the original.
   */
  | { kind: 'namedNotDecider'; marks: StepMark[] }
  /** A matter of the class starts only with the input holding the value that makes it lawful. */
  | { kind: 'classRequiresInput'; statutoryClass: string; input: string; value: string };

export interface NegativeEntry {
  code: string;
  text: string;
  basis: string;
  check?: NegativeCheck;
}

export const NEGATIVE_LIST: readonly NegativeEntry[] = [
  {
    code: 'N1',
    text: '严禁在空白纸张、空白介绍信或无文件依据的材料上加盖村级印章',
    basis: '村级印章管理制度',
    check: { kind: 'documentNamed', mark: 'sealUse', field: 'documentRef' },
  },
  {
    code: 'N2',
    text: '严禁审批人审批支付给本人的款项',
    basis: '村级财务报账“三签一章”制度',
    check: {
      kind: 'namedNotDecider',
      marks: ['approval', 'supervisorSignOff', 'townshipApproval'],
    },
  },
  {
    code: 'N3',
    text: '不得以集体财产为本集体成员以外的单位和个人提供担保',
    basis: '中华人民共和国农村集体经济组织法 第三十五条',
    check: {
      kind: 'classRequiresInput',
      statutoryClass: 'guarantee',
      input: 'guaranteeBeneficiary',
      value: 'member',
    },
  },
  {
    code: 'N4',
    text: '不得违反规定将集体资产低价折股、低价出租或者无偿分给个人',
    basis: '中华人民共和国农村集体经济组织法 第三十五条',
  },
  {
    code: 'N5',
    text: '重大事项不得未经“四议两公开”程序由个人或少数人决定',
    basis: '中华人民共和国村民委员会组织法 第二十四条',
  },
  {
    code: 'N6',
    text: '不得在村务公开中隐瞒、虚报或拖延公开应公开的事项',
    basis: '中华人民共和国村民委员会组织法 第三十条',
  },
];
