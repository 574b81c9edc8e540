/**
 * The roles a definition may name. Derived roles (`vc_chair`, `supervisor_chair`, `voting_party_member`)
 * come from flags on a membership; `system` is the scheduler delivering time-driven events.
 */
export const ROLES = [
  'secretary', // 村党组织书记
  'committee_member', // 两委成员
  'vc_chair', // 村民委员会主任 (a committee member with the chair flag)
  'party_member', // 党员
  'voting_party_member', // 有表决权的党员 (full members; probationary members have no vote)
  'representative', // 村民代表
  'member_representative', // 集体经济组织成员代表 (the member representative assembly, 集体经济组织法 art. 28)
  'villager', // 村民 (adult, entitled to attend the villager meeting)
  'supervisor', // 村务监督委员会成员
  'supervisor_chair', // 村务监督委员会主任
  'township_officer', // 乡镇工作人员
  'discipline_inspector', // 乡镇纪检委员 (handles villagers' complaints; never a village's own cadre)
  'district_admin', // 区级管理员
  'system', // 系统（定时事件）
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Record<Role, string> = {
  secretary: '村党组织书记',
  committee_member: '两委成员',
  vc_chair: '村委会主任',
  party_member: '党员',
  voting_party_member: '有表决权党员',
  representative: '村民代表',
  member_representative: '集体经济组织成员代表',
  villager: '村民',
  supervisor: '村务监督委员会成员',
  supervisor_chair: '村务监督委员会主任',
  township_officer: '乡镇工作人员',
  discipline_inspector: '乡镇纪检委员',
  district_admin: '区级管理员',
  system: '系统',
};
