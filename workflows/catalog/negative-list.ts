/**
 * The district's negative list (负面清单): acts no village cadre may take. Entries the engine can check
 * carry a `check`; a matter that would break one is refused with the entry's own words.
 */
export interface NegativeEntry {
  code: string;
  text: string;
  basis: string;
  check?:
    | { kind: 'inputPresent'; procedureId: string; input: string }
    | { kind: 'payeeNotApprover'; procedureId: string; payeeInput: string; approvalEvent: string };
}

export const NEGATIVE_LIST: readonly NegativeEntry[] = [
  {
    code: 'N1',
    text: '严禁在空白纸张、空白介绍信或无文件依据的材料上加盖村级印章',
    basis: '村级印章管理制度',
    check: { kind: 'inputPresent', procedureId: 'G1', input: 'documentRef' },
  },
  {
    code: 'N2',
    text: '严禁审批人审批支付给本人的款项',
    basis: '村级财务报账“三签一章”制度',
    check: {
      kind: 'payeeNotApprover',
      procedureId: 'C1',
      payeeInput: 'payeePersonId',
      approvalEvent: 'FINANCE_APPROVE',
    },
  },
  {
    code: 'N3',
    text: '不得以集体财产为本集体成员以外的单位和个人提供担保',
    basis: '中华人民共和国农村集体经济组织法 第三十五条',
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
