import type { VillageRole } from '../identity/membership.entity.js';

/** The demo district: one township, two villages, people in every role. Only the demo seed uses this. */
export interface DemoPerson {
  username: string;
  name: string;
  household?: string;
  roles: { role: VillageRole; vcChair?: boolean; supervisorChair?: boolean; votingRights?: boolean }[];
}

export interface DemoVillage {
  name: string;
  people: DemoPerson[];
}

const villager = (
  username: string,
  name: string,
  household: string,
  ...roles: DemoPerson['roles']
): DemoPerson => ({
  username,
  name,
  household,
  roles: [...roles, { role: 'villager' }],
});

export const DEMO_DISTRICT = '上党区';
export const DEMO_TOWNSHIP = '韩店镇';

export const DEMO_VILLAGES: DemoVillage[] = [
  {
    name: '东庄村',
    people: [
      // 一肩挑: the secretary is also the villagers' committee chair.
      villager(
        'dz-secretary',
        '王建国',
        'DZ-01',
        { role: 'secretary' },
        { role: 'committee_member', vcChair: true },
        { role: 'party_member' },
      ),
      villager('dz-committee1', '李秀英', 'DZ-02', { role: 'committee_member' }, { role: 'party_member' }),
      villager('dz-committee2', '张志强', 'DZ-03', { role: 'committee_member' }),
      villager('dz-supervisor', '赵淑芬', 'DZ-04', { role: 'supervisor', supervisorChair: true }),
      villager('dz-supervisor2', '刘洋', 'DZ-05', { role: 'supervisor' }),
      villager('dz-party1', '陈红', 'DZ-06', { role: 'party_member' }),
      villager('dz-party2', '杨帆', 'DZ-07', { role: 'party_member' }),
      villager('dz-party3', '黄磊', 'DZ-08', { role: 'party_member' }),
      villager('dz-party4', '周丽', 'DZ-09', { role: 'party_member', votingRights: false }),
      villager('dz-party5', '吴刚', 'DZ-10', { role: 'party_member' }),
      villager('dz-rep1', '徐静', 'DZ-11', { role: 'representative' }),
      villager('dz-rep2', '孙强', 'DZ-12', { role: 'representative' }),
      villager('dz-rep3', '马超', 'DZ-13', { role: 'representative' }),
      villager('dz-rep4', '朱敏', 'DZ-14', { role: 'representative' }),
      villager('dz-rep5', '胡军', 'DZ-15', { role: 'representative' }),
      villager('dz-villager1', '郭芳', 'DZ-11'),
      villager('dz-villager2', '何伟', 'DZ-16'),
      villager('dz-villager3', '林娜', 'DZ-17'),
    ],
  },
  {
    name: '南岭村',
    people: [
      villager(
        'nl-secretary',
        '刘建华',
        'NL-01',
        { role: 'secretary' },
        { role: 'committee_member', vcChair: true },
        { role: 'party_member' },
      ),
      villager('nl-supervisor', '钱芳', 'NL-02', { role: 'supervisor', supervisorChair: true }),
      villager('nl-villager1', '孙立', 'NL-03'),
    ],
  },
];

export const DEMO_OFFICIALS = [
  { username: 'township', name: '陈明', role: 'township_officer' as const },
  { username: 'inspector', name: '吴静', role: 'discipline_inspector' as const },
  { username: 'district', name: '周华', role: 'district_admin' as const },
];
