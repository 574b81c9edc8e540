/**
 * Every stable error code with its human messages. Codes never change once published; clients switch on
 * them, people read the message. HTTP statuses are assigned in one place: the exception filter.
 */
export const ERROR_CATALOG = {
  'REQUEST.INVALID': { zh: '请求内容不正确', en: 'The request is invalid' },
  'REQUEST.NOT_FOUND': { zh: '没有这个地址', en: 'No such route' },
  'REQUEST.TOO_LARGE': { zh: '请求内容过大', en: 'The request is too large' },
  'REQUEST.RATE_LIMITED': { zh: '访问过于频繁，请稍后再试', en: 'Too many requests; wait a moment' },
  'AUTH.UNAUTHENTICATED': { zh: '请先登录', en: 'Log in first' },
  'AUTH.BAD_CREDENTIALS': { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  'AUTH.FORBIDDEN': { zh: '您没有权限进行此操作', en: 'You may not do this' },
  'AUTH.OWN_PASSWORD_FIRST': {
    zh: '这个账号还在使用开通时设置的初始密码，请先修改为只有您知道的密码',
    en: 'This login still has the password it was opened with: set your own first',
  },
  'AUTH.ROLE_NOT_ALLOWED': { zh: '您的角色不能进行这一步操作', en: 'Your role may not take this step' },
  'AUTH.TOO_MANY_ATTEMPTS': {
    zh: '登录失败次数过多，请稍后再试',
    en: 'Too many failed logins; wait before trying again',
  },
  'AUTH.CROSS_SITE': {
    zh: '请求不是从本站页面发出的，已拒绝（请回到本站页面重新操作）',
    en: 'The request did not come from a page of this site',
  },
  'REGION.NOT_FOUND': { zh: '找不到该地区或村', en: 'No such region' },
  'REGION.BAD_PARENT': { zh: '上级地区不正确', en: 'The parent region is of the wrong kind' },
  'PERSON.NOT_FOUND': { zh: '找不到该人员', en: 'No such person' },
  'MEMBERSHIP.BACKDATED': {
    zh: '村党组织书记登记的角色只能从今天或以后开始、结束；补登过去的任职变动须由乡镇（街道）干部办理',
    en: 'A secretary records roles from today on; officials record changes in the past',
  },
  'MEMBERSHIP.NOT_FOUND': { zh: '找不到该任职记录', en: 'No such membership' },
  'MEMBERSHIP.INVALID': { zh: '任职信息不正确', en: 'The membership is invalid' },
  'ACCOUNT.USERNAME_TAKEN': { zh: '用户名已被使用', en: 'The username is taken' },
  'MEMBERSHIP.VOTER_BY_TOWNSHIP': {
    zh: '村民代表、成员代表由选举产生，党员由党组织发展：他们的登记和变动由乡镇（街道）干部凭选举结果或党组织的材料办理，村党组织书记不能增减',
    en: 'Representatives are elected and party members admitted by the party: the township records them, not the village secretary',
  },
  'MEMBERSHIP.MEMBER_REGISTER_BY_ASSEMBLY': {
    zh: '集体经济组织成员身份由成员大会确认（农村集体经济组织法第十二条），成员名册报乡镇（街道）备案：村党组织书记导入的花名册不能增减成员名册上的人。新增成员请发起“集体经济组织成员身份确认”事项；依备案名册补登或注销由乡镇（街道）干部导入',
    en: 'The member assembly confirms membership and the township keeps the filed register: a secretary’s file may not enter or remove members',
  },
  'MEMBERSHIP.VOTER_IDENTITY_BY_TOWNSHIP': {
    zh: '姓名和出生日期是一个人在名册上的身份，出生日期还决定会议当天是否成年、能否列入应到名单：村民代表、成员代表、党员和集体经济组织成员的姓名、出生日期由乡镇（街道）干部凭户口簿或身份证更正，村党组织书记导入的花名册不能改动',
    en: 'A name and birth date are who someone is on the register, and decide who is of age to sit on a roster: the township corrects those of voters and members, not a secretary’s file',
  },
  'ACCOUNT.RESET_BEFORE_VOTE': {
    zh: '此人的登录账号是村干部开设的，开设的人可能仍掌握它：授予村民代表、党员或成员代表身份前，须先由乡镇（街道）重设其密码',
    en: 'This login was opened by a village cadre, who may still hold it: the township resets its password before its holder gets a vote',
  },
  'ACCOUNT.RESET_BY_TOWNSHIP': {
    zh: '登录密码只能由乡镇（街道）干部重设，并交给本人；本人登录后须改为只有自己知道的密码',
    en: 'Only township or district officials reset a login’s password',
  },
  'ACCOUNT.NOT_FOUND': {
    zh: '此人还没有登录账号',
    en: 'This person has no login',
  },
  'ACCOUNT.VOTER_LOGIN_BY_TOWNSHIP': {
    zh: '村民代表、党员等参加表决的人的登录账号由乡镇开通：开通账号的人知道初始密码，不能是组织表决的村干部',
    en: 'Logins of those who vote in village meetings are opened by the township: their opener knows the first password',
  },
  'ACCOUNT.EXISTS': { zh: '该人员已有账号', en: 'The person already has an account' },
  'ACCOUNT.WEAK_PASSWORD': {
    zh: '密码不符合要求',
    en: 'The password is too weak: at least 8 characters, not only digits, not common, not the username',
  },
  'PROCEDURE.NOT_FOUND': { zh: '找不到该流程', en: 'No such procedure' },
  'PROCEDURE.DEFINITION_INVALID': {
    zh: '流程定义未通过检查',
    en: 'The procedure definition failed its checks',
  },
  'PROCEDURE.DEFINITION_CHANGED': {
    zh: '流程定义内容已变更但版本号未提高',
    en: 'A procedure definition changed without a new version',
  },
  'PROCEDURE.NOT_ADMISSIBLE': {
    zh: '该流程版本不符合现行的法定程序要求，不能发起新事项',
    en: 'This procedure version no longer meets the law; no new matter may start on it',
  },
  'MATTER.NOT_FOUND': { zh: '找不到该事项', en: 'No such matter' },
  'MATTER.INPUTS_INVALID': { zh: '事项信息填写不正确', en: 'The matter inputs are invalid' },
  'MATTER.STEP_NOT_ALLOWED': { zh: '当前步骤不允许此操作', en: 'The current step does not allow this' },
  'MATTER.FINISHED': { zh: '该事项已办结', en: 'The matter is finished' },
  'EVENT.UNKNOWN': { zh: '该流程没有这项操作', en: 'The procedure has no such event' },
  'EVENT.PAYLOAD_INVALID': { zh: '操作内容填写不正确', en: 'The event payload is invalid' },
  'MEETING.NOT_OPEN': { zh: '当前没有正在进行的会议', en: 'No meeting is in session' },
  'MEETING.DATE_INVALID': { zh: '会议日期不正确', en: 'The meeting date is invalid' },
  'MEETING.NOTICE_TOO_SHORT': { zh: '会议通知时间不足', en: 'The meeting notice is too short' },
  'MEETING.BALLOT_MODE': {
    zh: '本事项须以无记名投票方式表决',
    en: 'This decision must be taken by secret ballot',
  },
  'MEETING.ALREADY_OPEN': {
    zh: '本步骤已有正在进行的会议，须先结束表决',
    en: 'A meeting is already open in this step',
  },
  'MEETING.NOT_YET_HELD': { zh: '会议尚未召开', en: 'The meeting has not been held yet' },
  'MEETING.EMPTY_ROSTER': { zh: '应到会人员名单为空', en: 'The meeting roster is empty' },
  'ATTENDANCE.NOT_ON_ROSTER': { zh: '该人员不在应到会名单中', en: 'The person is not on the roster' },
  'ATTENDANCE.HAS_VOTED': {
    zh: '该人员已投票，不能登记为缺席',
    en: 'The person has voted and cannot be marked absent',
  },
  'ATTENDANCE.MIXED': { zh: '到会登记方式不一致', en: 'Attendance recorded in two ways at once' },
  'ATTENDANCE.PROXY_NOT_ALLOWED': {
    zh: '书面委托代为参加只适用于集体经济组织成员大会（农村集体经济组织法第二十七条）',
    en: 'Attendance by written proxy is for the member assembly only',
  },
  'ATTENDANCE.PROXY_INVALID': {
    zh: '书面委托须交给本户到会的有完全民事行为能力的成员，并上传委托书',
    en: 'A proxy is carried by a member of the same household who is present, with the letter uploaded',
  },
  'ATTENDANCE.REMOTE_NOT_ALLOWED': {
    zh: '本会议不允许线上参会',
    en: 'This meeting does not allow attending online',
  },
  'ATTENDANCE.SHEET_REQUIRED': { zh: '须上传签到表', en: 'The sign-in sheet is required' },
  'ATTENDANCE.COUNT_IMPOSSIBLE': { zh: '到会人数不可能成立', en: 'The attendance counts are impossible' },
  'VOTE.BY_PROXY': {
    zh: '您已书面委托同户成员代为参加本次会议：您的表决由代理人在会上表示，记录人登记',
    en: 'You sent a proxy to this meeting: your vote is the proxy’s, recorded by the clerk',
  },
  'VOTE.SECRET_ON_PAPER': {
    zh: '无记名投票以纸质选票进行：由计票人计票、监票人确认后登记结果',
    en: 'A secret ballot is held on paper: the counter enters the count, a scrutineer confirms it',
  },
  'VOTE.MIXED': { zh: '表决登记方式不一致', en: 'Votes recorded in two ways at once' },
  'VOTE.COUNTER_INVALID': { zh: '计票登记不正确', en: 'The count was not entered as required' },
  'VOTE.COUNT_IMPOSSIBLE': { zh: '计票结果不可能成立', en: 'The vote counts are impossible' },
  'APPRAISAL.SUBJECTS_MISMATCH': {
    zh: '测评计票结果须逐项对应测评票上的每个对象，不多不少',
    en: 'The appraisal count must give one line for each subject on the ballot, no more and no fewer',
  },
  'APPRAISAL.NO_CADRES': {
    zh: '会议日期没有在任的村“两委”成员，无可测评对象',
    en: 'No cadre holds office on the meeting date: there is nobody to appraise',
  },
  'VOTE.COUNT_UNCONFIRMED': {
    zh: '计票结果尚未经监票人确认',
    en: 'The count has not been confirmed by the scrutineer',
  },
  'VOTE.SCRUTINEER_NOT_AT_MEETING': {
    zh: '监票人须在会议现场：已登记到会的应到会人员，或列席会议的村务监督委员会成员、乡镇干部',
    en: 'The scrutineer must have been at the meeting: recorded present, or sitting in',
  },
  'VOTE.NOT_SCRUTINEER': {
    zh: '只有计票结果中指定的监票人本人可以确认，且不能是记录人或计票人',
    en: 'Only the named scrutineer, who is neither the clerk nor the counter, may confirm',
  },
  'VOTE.NOT_ON_ROSTER': { zh: '您不在本次会议的应到会名单中', en: 'You are not on this meeting’s roster' },
  'VOTE.NOT_ENTITLED': { zh: '您在本次会议没有表决权', en: 'You have no vote in this meeting' },
  'VOTE.NOT_PRESENT': { zh: '未登记到会，不能投票', en: 'Only members recorded present may vote' },
  'VOTE.ALREADY_CAST': { zh: '已经投过票，不能重复投票', en: 'A ballot was already cast' },
  'VOTE.SECRET_BALLOT': { zh: '无记名投票须由本人投票', en: 'A secret ballot must be cast in person' },
  'SEPARATION.SELF_APPROVAL': {
    zh: '不能审批或审核自己发起或提议的事项',
    en: 'You cannot approve or sign off a matter you started or proposed',
  },
  'SEPARATION.SAME_PERSON': {
    zh: '这一步须由与前一步不同的人办理',
    en: 'This step must be taken by someone other than who took the earlier one',
  },
  'SEPARATION.DUAL_ROLE': {
    zh: '同一人不能在同一事项中既担任监督者又担任“两委”成员',
    en: 'One person cannot act both as supervisor and as cadre in one matter',
  },
  'CONFLICT.REASON_REQUIRED': {
    zh: '为他人申报回避须写明理由',
    en: 'A conflict declared for someone else needs a reason',
  },
  'PERSON.OTHER_VILLAGE': {
    zh: '该人员登记在其他村（或地区），不能在这里任职或开设账号',
    en: 'The person is registered in another village or region',
  },
  'REGISTER.FILE_INVALID': { zh: '花名册文件无法读取', en: 'The register file cannot be read' },
  'REGISTER.IMPORT_INVALID': {
    zh: '花名册有错误，未导入任何内容',
    en: 'The register has errors; nothing was imported',
  },
  'CONFLICT.VOTE_UNDER_WAY': {
    zh: '此人已参与表决，只能由本人、村务监督委员会或乡镇申报其回避；回避应在表决前申报',
    en: 'This person has voted: only they, the supervisors or the township may declare their conflict now',
  },
  'ATTENDANCE.COUNT_RECORDED': {
    zh: '已登记计票结果，到会情况不能再改',
    en: 'The count is recorded: attendance can no longer change',
  },
  'ATTENDANCE.CONTRADICTORY': {
    zh: '同一人不能同时登记为到会和缺席',
    en: 'One person cannot be both present and absent',
  },
  'CONFLICT.RECUSED': {
    zh: '您已申报回避，不能参与本事项的表决和审批',
    en: 'You are recused from this matter',
  },
  'DISCLOSURE.NOT_FOUND': { zh: '找不到待审核的公开内容', en: 'No disclosure awaits this step' },
  'DISCLOSURE.PERIOD_NOT_OVER': { zh: '公示期尚未届满', en: 'The public period is not over yet' },
  'DISCLOSURE.OBJECTION_NOT_OPEN': { zh: '该异议不存在或已答复', en: 'No such open objection' },
  'DISCLOSURE.ATTACHMENT_NOT_FOUND': {
    zh: '附件不存在，请先上传',
    en: 'Attachment not found; upload it first',
  },
  'ATTACHMENT.INVALID': {
    zh: '附件不正确（须有文件名，不超过 5 MB）',
    en: 'Invalid attachment (needs a name, at most 5 MB)',
  },
  'ATTACHMENT.NOT_FOUND': { zh: '找不到该附件', en: 'No such attachment' },
  'DOCUMENTS.REQUEST_NOT_OPEN': {
    zh: '该调阅资料要求不存在或已答复',
    en: 'No such open request for documents',
  },
  'AUTH.NOT_NAMED_PERSON': {
    zh: '此步骤只能由事项中指定的责任人办理',
    en: 'Only the person the matter names may take this step',
  },
  'LIST.NEGATIVE_LIST': { zh: '违反负面清单', en: 'The negative list forbids this' },
  'LIST.ITEM_NOT_IN_FORCE': {
    zh: '该事项不在本村现行小微权力清单中',
    en: "The item is not on the village's list in force today",
  },
  'LIST.CHANGE_INVALID': {
    zh: '清单调整未通过准入审查',
    en: 'The list change fails the admission check',
  },
  'LIST.VERSION_NOT_FOUND': { zh: '找不到该版本的清单', en: 'No such list version' },
  'IDEMPOTENCY.KEY_INVALID': { zh: '幂等键格式不正确', en: 'The Idempotency-Key header is invalid' },
  'IDEMPOTENCY.KEY_REUSED': {
    zh: '同一幂等键已用于不同的请求',
    en: 'The Idempotency-Key was used for a different request',
  },
  'COMPLAINT.NOT_FOUND': {
    zh: '找不到该投诉，请核对回执码',
    en: 'No such complaint: check the receipt code',
  },
  'COMPLAINT.SUBJECT_INVALID': {
    zh: '投诉对象不正确：事项、公开内容或村干部须为本村的，“应公开未公开”和“其他”不指定对象',
    en: 'The complaint names no matter, disclosure or cadre of this village, or names one where none belongs',
  },
  'COMPLAINT.EVIDENCE_FULL': {
    zh: '该投诉已附 3 个文件，不能再添加',
    en: 'The complaint already carries the most files it may',
  },
  'COMPLAINT.WRONG_STATUS': {
    zh: '该投诉当前所处环节不能进行此操作',
    en: 'The complaint is not at a step where this can be done',
  },
  'COMPLAINT.RECTIFICATION_INVALID': {
    zh: '责令整改须指明本村已启动的问题整改事项（S1），其他处理方式不指明',
    en: 'A rectification answer names a rectification (S1) of this village; other answers name none',
  },
  'CALENDAR.NATIONAL_HOLIDAY': {
    zh: '国家法定节假日不能改为上班日',
    en: 'A national statutory holiday cannot be made a working day',
  },
  'CLOCK.NOT_ADJUSTABLE': { zh: '系统时钟不可调整', en: 'The clock is not adjustable here' },
  'SERVICE.UNAVAILABLE': { zh: '服务暂时不可用，请稍后再试', en: 'The service is unavailable; try again' },
  INTERNAL: { zh: '系统内部错误', en: 'Internal error' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
