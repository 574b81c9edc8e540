import type { MeetingBody } from '../rule-sets.js';
import type { LegalBasis } from '../types.js';

/**
 * Kinds of matter the law itself assigns to a deciding body (法定事项类别). What a matter is, not what a
 * village chooses, decides who votes on it and by which rule: an item names its class (fixed, or chosen
 * from an input at start) and the checker refuses any path to "carried out" without a passed vote of one
 * of the class's bodies under a rule set at least as strong as the one given here (quorum, pass rule and
 * notice). A village's override or own item cannot weaken it. Classes the township decides leave the
 * village no act that ends the matter.
 */
export interface StatutoryDecider {
  body: MeetingBody;
  /** The rule set the law requires of that body for this class; a stronger one also satisfies it. */
  ruleSet: string;
}

export interface StatutoryClass {
  code: string;
  /** Chinese title, as villagers and the catalog pages read it. */
  title: string;
  /** The bodies that may decide, each with its rule set (none where the decision is not the village's). */
  deciders: StatutoryDecider[];
  /** When set, only this authority decides: the village accepts, surveys, appraises and forwards. */
  decidedBy?: 'township';
  legalBasis: LegalBasis[];
  /** Public periods the law fixes for the class: a village may lengthen them, never shorten them. */
  periodFloors?: PeriodFloor[];
  note?: string;
}

/** The shortest a disclosure of one kind may stay public (its `publishDisclosure` period), by law. */
export interface PeriodFloor {
  kind: string;
  days: number;
  unit: 'calendar' | 'working';
  legalBasis: LegalBasis[];
}

const organicLaw = { law: '中华人民共和国村民委员会组织法', version: '2018-12-29' };
const collectiveLaw = { law: '中华人民共和国农村集体经济组织法', version: '2024-06-28' };
const landContractLaw = { law: '中华人民共和国农村土地承包法', version: '2018-12-29' };
const assistanceRules = { law: '社会救助暂行办法', version: '2019-03-02' };
const article24 = (item: string): LegalBasis => ({ ...organicLaw, article: `第二十四条第一款${item}` });

/** The villager meeting, or the representative meeting it authorised (art. 24, para. 2; art. 22, 26). */
const VILLAGER_MEETING_OR_DELEGATED: StatutoryDecider[] = [
  { body: 'villagers', ruleSet: 'villager-meeting' },
  { body: 'representatives', ruleSet: 'representative-meeting' },
];
/** The member assembly (art. 27), or the member representative assembly where art. 28 allows it. */
const MEMBER_ASSEMBLY_OR_REPRESENTATIVES: StatutoryDecider[] = [
  { body: 'collectiveMembers', ruleSet: 'collective-assembly' },
  { body: 'collectiveRepresentatives', ruleSet: 'collective-representative-assembly' },
  { body: 'villagers', ruleSet: 'collective-assembly' },
  { body: 'representatives', ruleSet: 'collective-representative-assembly' },
];
/** Matters art. 28 keeps from the member representative assembly: the member assembly alone. */
const MEMBER_ASSEMBLY_ONLY: StatutoryDecider[] = [
  { body: 'collectiveMembers', ruleSet: 'collective-assembly' },
  { body: 'villagers', ruleSet: 'collective-assembly' },
];
/** Two thirds of the villager meeting's members or of the village representatives (land laws). */
const TWO_THIRDS_OF_MEETING_OR_REPRESENTATIVES: StatutoryDecider[] = [
  { body: 'villagers', ruleSet: 'land-two-thirds' },
  { body: 'representatives', ruleSet: 'land-two-thirds-representatives' },
];
const art28 = { ...collectiveLaw, article: '第二十八条', note: '成员代表大会不得决定' };
/** Art. 46: the reports go to the members ten days before the assembly that decides on them. */
const TEN_DAYS_BEFORE_ASSEMBLY: PeriodFloor = {
  kind: 'draft',
  days: 10,
  unit: 'calendar',
  legalBasis: [
    { ...collectiveLaw, article: '第四十六条', note: '于成员大会、成员代表大会召开十日前提供给成员查阅' },
  ],
};

export const STATUTORY_CLASSES: readonly StatutoryClass[] = [
  {
    code: 'lostWorkSubsidy',
    title: '享受误工补贴的人员及补贴标准',
    deciders: VILLAGER_MEETING_OR_DELEGATED,
    legalBasis: [article24('第一项')],
  },
  {
    code: 'collectiveIncomeUse',
    title: '村集体经济所得收益的使用',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [article24('第二项'), { ...collectiveLaw, article: '第二十六条第一款第七项、第二十七条' }],
    note: '涉及集体财产和成员权益的，依照农村集体经济组织法（村民委员会组织法第二十四条第三款）',
  },
  {
    code: 'publicWelfareProject',
    title: '兴办村公益事业的筹资筹劳及建设承包方案',
    deciders: VILLAGER_MEETING_OR_DELEGATED,
    legalBasis: [article24('第三项')],
  },
  {
    code: 'landContractingPlan',
    title: '土地承包经营方案',
    deciders: TWO_THIRDS_OF_MEETING_OR_REPRESENTATIVES,
    legalBasis: [article24('第四项'), { ...landContractLaw, article: '第十九条、第二十条' }],
  },
  {
    code: 'collectiveEconomicProject',
    title: '村集体经济项目的立项、承包方案',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [article24('第五项'), { ...collectiveLaw, article: '第二十六条第一款第十一项、第二十七条' }],
  },
  {
    code: 'homesteadPlan',
    title: '宅基地的使用方案',
    deciders: MEMBER_ASSEMBLY_ONLY,
    legalBasis: [
      article24('第六项'),
      { ...collectiveLaw, article: '第二十六条第一款第八项、第二十七条' },
      art28,
    ],
  },
  {
    code: 'landCompensation',
    title: '征地补偿费的使用、分配方案',
    deciders: MEMBER_ASSEMBLY_ONLY,
    legalBasis: [
      article24('第七项'),
      { ...collectiveLaw, article: '第二十六条第一款第十项、第二十七条' },
      art28,
    ],
  },
  {
    code: 'collectivePropertyDisposal',
    title: '以借贷、租赁或者其他方式处分村集体财产',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [article24('第八项'), { ...collectiveLaw, article: '第二十六条、第二十七条、第二十八条' }],
  },
  {
    code: 'otherVillagerMeetingMatter',
    title: '村民会议认为应当由其讨论决定的涉及村民利益的其他事项',
    deciders: VILLAGER_MEETING_OR_DELEGATED,
    legalBasis: [article24('第九项')],
  },
  {
    code: 'generalMajorMatter',
    title: '其他村级重大事项（四议两公开）',
    deciders: VILLAGER_MEETING_OR_DELEGATED,
    legalBasis: [{ ...organicLaw, article: '第二十一条至第二十六条' }],
  },
  {
    code: 'villageRules',
    title: '制定和修改村民自治章程、村规民约',
    deciders: [{ body: 'villagers', ruleSet: 'villager-meeting' }],
    legalBasis: [{ ...organicLaw, article: '第二十七条' }],
  },
  {
    code: 'constructionLand',
    title: '集体经营性建设用地出让、出租',
    deciders: TWO_THIRDS_OF_MEETING_OR_REPRESENTATIVES,
    legalBasis: [
      { law: '中华人民共和国土地管理法', version: '2019-08-26', article: '第六十三条' },
      { ...collectiveLaw, article: '第二十六条第一款第九项' },
    ],
  },
  {
    code: 'contractedLandAdjustment',
    title: '承包期内个别调整承包地',
    deciders: TWO_THIRDS_OF_MEETING_OR_REPRESENTATIVES,
    legalBasis: [{ ...landContractLaw, article: '第二十八条' }],
    note: '另须报乡镇人民政府和县级农业农村主管部门批准',
  },
  {
    code: 'outsideContracting',
    title: '农村土地发包给本集体经济组织以外的单位或者个人',
    deciders: TWO_THIRDS_OF_MEETING_OR_REPRESENTATIVES,
    legalBasis: [{ ...landContractLaw, article: '第五十二条' }],
    note: '另须报乡镇人民政府批准',
  },
  {
    code: 'landTransferFiling',
    title: '土地经营权流转、互换、转让的备案或同意',
    deciders: [],
    legalBasis: [{ ...landContractLaw, article: '第三十四条、第三十六条' }],
    note: '承包农户自主决定，发包方备案或同意，无须集体表决',
  },
  {
    code: 'incomeDistribution',
    title: '集体经营收益分配方案',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [{ ...collectiveLaw, article: '第二十六条第一款第七项、第二十七条、第二十八条' }],
    periodFloors: [TEN_DAYS_BEFORE_ASSEMBLY],
  },
  {
    code: 'budgetAndAccounts',
    title: '年度财务预算、决算',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [{ ...collectiveLaw, article: '第二十六条第一款第七项、第二十七条、第二十八条' }],
    periodFloors: [TEN_DAYS_BEFORE_ASSEMBLY],
  },
  {
    code: 'membershipConfirmation',
    title: '确认农村集体经济组织成员',
    deciders: MEMBER_ASSEMBLY_ONLY,
    legalBasis: [{ ...collectiveLaw, article: '第十二条、第二十六条第一款第三项、第二十七条' }, art28],
  },
  {
    code: 'nonMemberRights',
    title: '非成员享有成员权益',
    deciders: [
      { body: 'collectiveMembers', ruleSet: 'non-member-rights' },
      { body: 'villagers', ruleSet: 'non-member-rights' },
    ],
    legalBasis: [{ ...collectiveLaw, article: '第十五条' }],
  },
  {
    code: 'collectiveBorrowing',
    title: '以集体名义借款',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [{ ...collectiveLaw, article: '第二十六条第一款第十一项、第二十七条、第二十八条' }],
  },
  {
    code: 'guarantee',
    title: '以集体财产提供担保',
    deciders: MEMBER_ASSEMBLY_OR_REPRESENTATIVES,
    legalBasis: [{ ...collectiveLaw, article: '第二十六条第一款第十一项、第三十五条' }],
    note: '不得为本集体经济组织成员以外的单位和个人提供担保（负面清单 N3）',
  },
  {
    code: 'recall',
    title: '罢免村民委员会成员',
    deciders: [{ body: 'villagers', ruleSet: 'recall' }],
    legalBasis: [{ ...organicLaw, article: '第十六条' }],
  },
  {
    code: 'minimumLivingAllowance',
    title: '最低生活保障审核确认',
    deciders: [],
    decidedBy: 'township',
    legalBasis: [
      { ...assistanceRules, article: '第十一条' },
      { law: '最低生活保障审核确认办法', version: '民发〔2021〕57号' },
    ],
    periodFloors: [
      {
        kind: 'resolution',
        days: 7,
        unit: 'calendar',
        // domain.md gives the period and the rule but not its article: cited without one until checked.
        legalBasis: [
          {
            law: '最低生活保障审核确认办法',
            version: '民发〔2021〕57号',
            note: '在申请家庭所在村（社区）公示，公示期为 7 天',
          },
        ],
      },
    ],
    note: '村民委员会协助受理、调查、评议和公示，由乡镇人民政府审核确认；村级不得终止申请',
  },
  {
    code: 'temporaryAssistance',
    title: '临时救助审批',
    deciders: [],
    decidedBy: 'township',
    legalBasis: [{ ...assistanceRules, article: '第四十八条' }],
    note: '乡镇人民政府审批，村民委员会协助；村级不得终止申请',
  },
  {
    code: 'extremePovertySupport',
    title: '特困人员认定',
    deciders: [],
    decidedBy: 'township',
    legalBasis: [
      { ...assistanceRules, article: '第十九条' },
      { law: '特困人员认定办法', version: '民发〔2021〕43号' },
    ],
    note: '乡镇人民政府（或受委托的县级民政部门）认定，村民委员会协助；村级不得终止申请',
  },
];

export const STATUTORY_CLASS_CODES = STATUTORY_CLASSES.map((entry) => entry.code);

export function statutoryClass(code: string): StatutoryClass | undefined {
  return STATUTORY_CLASSES.find((entry) => entry.code === code);
}

/** The nine kinds of matter art. 24 reserves to the villager meeting: what A2 may be about. */
export const ARTICLE_24_CLASSES = [
  'lostWorkSubsidy',
  'collectiveIncomeUse',
  'publicWelfareProject',
  'landContractingPlan',
  'collectiveEconomicProject',
  'homesteadPlan',
  'landCompensation',
  'collectivePropertyDisposal',
  'otherVillagerMeetingMatter',
];

/** What a major matter (A1, 四议两公开) may be about: the art. 24 kinds and other major matters. */
export const MAJOR_MATTER_CLASSES = [...ARTICLE_24_CLASSES, 'generalMajorMatter'];
