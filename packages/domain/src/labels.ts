import type { ActivityType, Attendance, ParticipantRole, RecordKind } from './activity-schemas.ts';
import type { BodyKind, BodyLevel, DeputyLevel, Gender, MembershipRole, UnitKind } from './enums.ts';
import type { Locale } from './errors.ts';
import type { Role } from './roles.ts';
import type { WarningLevel } from './tracking/engine.ts';
import type { MatterAction, MatterSource, MatterState, RectificationStatus } from './tracking/matters.ts';

type Label = { zh: string; en: string };

/** Display names of every enumerated value, in both languages; used by the UI, imports and exports. */
export const LABELS = {
  bodyKind: {
    npc_standing_committee: { zh: '人大常委会', en: 'NPC Standing Committee' },
    town_npc_presidium: { zh: '乡镇人大主席团', en: 'Town People’s Congress Presidium' },
    cppcc_committee: { zh: '政协', en: 'CPPCC Committee' },
    government: { zh: '人民政府', en: 'People’s Government' },
  } satisfies Record<BodyKind, Label>,
  bodyLevel: {
    national: { zh: '全国', en: 'National' },
    province: { zh: '省级', en: 'Provincial' },
    city: { zh: '市级', en: 'City' },
    county: { zh: '县级', en: 'County' },
    town: { zh: '乡镇级', en: 'Town' },
  } satisfies Record<BodyLevel, Label>,
  unitKind: {
    special_committee: { zh: '专门委员会', en: 'Special committee' },
    working_committee: { zh: '工作委员会', en: 'Working committee' },
    office: { zh: '办公室', en: 'Office' },
    working_team: { zh: '工作专班', en: 'Working team' },
    delegation: { zh: '代表团', en: 'Delegation' },
    sector_group: { zh: '界别', en: 'Sector' },
    department: { zh: '政府部门', en: 'Government department' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<UnitKind, Label>,
  deputyLevel: {
    national: { zh: '全国人大代表', en: 'National deputy' },
    province: { zh: '省人大代表', en: 'Provincial deputy' },
    city: { zh: '市人大代表', en: 'City deputy' },
    county: { zh: '县级人大代表', en: 'County deputy' },
    town: { zh: '乡镇人大代表', en: 'Town deputy' },
  } satisfies Record<DeputyLevel, Label>,
  membershipRole: {
    deputy: { zh: '人大代表', en: 'Deputy' },
    member: { zh: '政协委员', en: 'CPPCC member' },
    committee_member: { zh: '常委会组成人员', en: 'Standing committee member' },
    leader: { zh: '领导', en: 'Leader' },
    staff: { zh: '工作人员', en: 'Staff' },
    liaison: { zh: '承办单位联络员', en: 'Unit liaison' },
    expert: { zh: '专家', en: 'Expert' },
  } satisfies Record<MembershipRole, Label>,
  role: {
    admin: { zh: '管理员', en: 'Administrator' },
    leader: { zh: '领导', en: 'Leader' },
    staff: { zh: '工作人员', en: 'Staff' },
    deputy: { zh: '代表/委员', en: 'Deputy / member' },
    liaison: { zh: '承办单位联络员', en: 'Unit liaison' },
    expert: { zh: '专家', en: 'Expert' },
  } satisfies Record<Role, Label>,
  gender: {
    male: { zh: '男', en: 'Male' },
    female: { zh: '女', en: 'Female' },
  } satisfies Record<Gender, Label>,
  activityType: {
    joint_meeting: { zh: '联席会议', en: 'Joint meeting' },
    plenary_session: { zh: '全体会议', en: 'Plenary session' },
    thematic_meeting: { zh: '专题会议', en: 'Thematic meeting' },
    research: { zh: '专题调研', en: 'Thematic research' },
    visit: { zh: '调研走访', en: 'Visit' },
    inspection: { zh: '视察', en: 'Inspection visit' },
    law_enforcement_inspection: { zh: '执法检查', en: 'Law-enforcement inspection' },
    report_hearing: { zh: '听取审议报告', en: 'Report hearing' },
    special_inquiry: { zh: '专题询问', en: 'Special inquiry' },
    deputy_activity: { zh: '代表活动', en: 'Deputy activity' },
    consultation: { zh: '协商议政', en: 'Consultation' },
    study: { zh: '学习活动', en: 'Study session' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<ActivityType, Label>,
  participantRole: {
    leader: { zh: '牵头领导', en: 'Leader' },
    member: { zh: '成员', en: 'Member' },
    member_unit: { zh: '成员单位', en: 'Member unit' },
    invited_deputy: { zh: '特邀代表', en: 'Invited deputy' },
    expert: { zh: '专家', en: 'Expert' },
    department_responder: { zh: '部门应询', en: 'Department responder' },
    observer: { zh: '列席', en: 'Observer' },
    staff: { zh: '工作人员', en: 'Staff' },
  } satisfies Record<ParticipantRole, Label>,
  attendance: {
    present: { zh: '出席', en: 'Present' },
    excused: { zh: '请假', en: 'Excused' },
    absent: { zh: '缺席', en: 'Absent' },
  } satisfies Record<Attendance, Label>,
  recordKind: {
    report: { zh: '调研报告', en: 'Report' },
    finding: { zh: '发现问题/成效', en: 'Finding' },
    speech: { zh: '发言', en: 'Speech' },
    suggestion: { zh: '意见建议', en: 'Suggestion' },
    question: { zh: '询问', en: 'Question' },
    deliberation_opinion: { zh: '审议意见', en: 'Deliberation opinion' },
    visit_note: { zh: '走访记录', en: 'Visit note' },
    rule: { zh: '工作规则', en: 'Working rule' },
  } satisfies Record<RecordKind, Label>,
  matterState: {
    draft: { zh: '草稿', en: 'Draft' },
    assigned: { zh: '已交办', en: 'Assigned' },
    objected: { zh: '单位有异议', en: 'Objected' },
    received: { zh: '已签收', en: 'Received' },
    in_rectification: { zh: '整改中', en: 'In rectification' },
    completion_submitted: { zh: '待审核办结', en: 'Completion submitted' },
    closed: { zh: '已销号', en: 'Closed out' },
    cancelled: { zh: '已撤销', en: 'Cancelled' },
  } satisfies Record<MatterState, Label>,
  matterSource: {
    research_finding: { zh: '调研发现问题', en: 'Research finding' },
    meeting_decision: { zh: '会议议定事项', en: 'Meeting decision' },
    deliberation_opinion: { zh: '审议意见', en: 'Deliberation opinion' },
    inquiry_followup: { zh: '专题询问跟踪', en: 'Inquiry follow-up' },
    inspection_finding: { zh: '检查视察发现问题', en: 'Inspection finding' },
    leader_instruction: { zh: '领导批示', en: 'Leader instruction' },
    document: { zh: '文件', en: 'Document' },
  } satisfies Record<MatterSource, Label>,
  matterAction: {
    assign: { zh: '交办', en: 'Assign' },
    receive: { zh: '签收', en: 'Receive' },
    object: { zh: '提出异议', en: 'Object' },
    reassign: { zh: '改派', en: 'Reassign' },
    dismiss_objection: { zh: '驳回异议', en: 'Dismiss objection' },
    report_progress: { zh: '报送进展', en: 'Report progress' },
    request_extension: { zh: '申请延期', en: 'Request extension' },
    approve_extension: { zh: '批准延期', en: 'Approve extension' },
    reject_extension: { zh: '不予延期', en: 'Reject extension' },
    submit_completion: { zh: '提交办结', en: 'Submit completion' },
    return: { zh: '退回重办', en: 'Return for re-handling' },
    close_out: { zh: '审核销号', en: 'Close out' },
    record_vote: { zh: '录入满意度表决', en: 'Record satisfaction vote' },
    reopen: { zh: '重新启动', en: 'Reopen' },
    urge: { zh: '催办', en: 'Urge' },
    cancel: { zh: '撤销', en: 'Cancel' },
  } satisfies Record<MatterAction, Label>,
  rectificationStatus: {
    completed: { zh: '已完成', en: 'Completed' },
    partial: { zh: '部分完成', en: 'Partly completed' },
    in_progress: { zh: '正在整改', en: 'In progress' },
    not_started: { zh: '未整改', en: 'Not started' },
  } satisfies Record<RectificationStatus, Label>,
  warning: {
    green: { zh: '正常', en: 'On track' },
    yellow: { zh: '黄色预警', en: 'Due soon' },
    red: { zh: '红色预警（逾期）', en: 'Overdue' },
  } satisfies Record<WarningLevel, Label>,
} as const;

export type LabelGroup = keyof typeof LABELS;

export function label<G extends LabelGroup>(
  group: G,
  value: keyof (typeof LABELS)[G],
  locale: Locale,
): string {
  const l = LABELS[group][value] as Label;
  return locale === 'en-US' ? l.en : l.zh;
}

/** Finds the value whose label (in either language) or identifier matches; for imports. */
export function valueOfLabel<G extends LabelGroup>(
  group: G,
  text: string,
): keyof (typeof LABELS)[G] | undefined {
  const t = text.trim().toLowerCase();
  for (const [value, l] of Object.entries(LABELS[group]) as [string, Label][]) {
    if (value === t || l.zh === text.trim() || l.en.toLowerCase() === t)
      return value as keyof (typeof LABELS)[G];
  }
  return undefined;
}

/**
 * Messages for validation codes raised by the shared schemas (custom `message` values) and by zod's own
 * issue codes, so that the server's problem details and the web forms say the same thing.
 */
export const VALIDATION_MESSAGES = {
  required: { zh: '必填', en: 'Required' },
  too_long: { zh: '内容过长', en: 'Too long' },
  too_short: { zh: '内容过短', en: 'Too short' },
  invalid_type: { zh: '类型不正确', en: 'Wrong type' },
  invalid_value: { zh: '取值无效', en: 'Invalid value' },
  invalid_format: { zh: '格式不正确', en: 'Wrong format' },
  unrecognized_keys: { zh: '包含未知字段', en: 'Unknown field' },
  too_big: { zh: '数值过大', en: 'Too big' },
  too_small: { zh: '数值过小', en: 'Too small' },
  deputy_level_required: { zh: '人大代表须填写代表层级', en: 'A deputy needs a level' },
  sector_required: { zh: '政协委员须填写界别', en: 'A member needs a sector' },
  end_before_start: { zh: '结束日期早于开始日期', en: 'End date is before the start date' },
  phone_invalid: { zh: '电话号码格式不正确', en: 'Invalid phone number' },
  name_invalid: { zh: '姓名不能包含数字或特殊符号', en: 'A name cannot contain digits or symbols' },
  unknown_unit: { zh: '单位不存在', en: 'Unknown unit' },
  unknown_term: { zh: '届次不存在', en: 'Unknown term' },
  duplicate_in_file: { zh: '文件中重复', en: 'Duplicated in the file' },
  password_too_short: { zh: '密码至少 8 位', en: 'A password has at least 8 characters' },
  password_too_simple: {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'A password mixes at least three of: upper case, lower case, digits, symbols',
  },
  username_invalid: { zh: '用户名只能包含字母、数字和 . _ @ -', en: 'Use letters, digits and . _ @ - only' },
  unit_required_for_liaison: { zh: '联络员须指定承办单位', en: 'A liaison needs a handling unit' },
  deadline_in_past: { zh: '期限不能早于今天', en: 'The deadline cannot be in the past' },
  objection_window_passed: {
    zh: '已超过异议期限，不能再提出异议',
    en: 'The objection window has passed',
  },
  same_unit: { zh: '请改派其他单位', en: 'Choose a different unit' },
  extension_pending: { zh: '已有待审批的延期申请', en: 'An extension request is already pending' },
  extension_limit: { zh: '延期次数已达上限', en: 'No more extensions are allowed' },
  extension_after_deadline: { zh: '延期须在期限届满前申请', en: 'Ask for an extension before the deadline' },
  extension_not_later: {
    zh: '延期后的期限须晚于原期限',
    en: 'The new deadline must be later than the current one',
  },
  no_extension_pending: { zh: '没有待审批的延期申请', en: 'No extension request is pending' },
  evidence_required: { zh: '办结须上传整改佐证材料', en: 'Completion needs evidence files' },
  no_votes: { zh: '请填写表决票数', en: 'Enter the vote counts' },
  person_or_unit_required: { zh: '请选择人员或单位', en: 'Choose a person or a unit' },
  nature_required: { zh: '请注明是成效还是问题', en: 'Say whether it is an achievement or a problem' },
  unknown_person: { zh: '人员不存在', en: 'Unknown person' },
  unknown_file: { zh: '文件不存在', en: 'Unknown file' },
  unknown_activity: { zh: '活动不存在', en: 'Unknown activity' },
  file_type: {
    zh: '仅支持 PDF、图片（PNG/JPG）、Word、Excel、PowerPoint、OFD 文件，且内容须与扩展名一致',
    en: 'Only PDF, PNG/JPG images, Word, Excel, PowerPoint and OFD files whose content matches the name',
  },
  date_invalid: { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  // Spreadsheet imports; {row}, {values}, {max}, {count} are filled in by the importer.
  choose_from: { zh: '请从下拉列表中选择：{values}', en: 'Choose one of: {values}' },
  duplicate_of_row: { zh: '与第 {row} 行重复', en: 'Same as row {row}' },
  conflicts_with_row: {
    zh: '与第 {row} 行（同一姓名和手机）的内容不一致',
    en: 'Differs from row {row} (same name and mobile)',
  },
  unit_exists: { zh: '本机关已有同名单位', en: 'This body already has a unit with this name' },
  person_exists: {
    zh: '本机关已有姓名和手机都相同的人员',
    en: 'A person with this name and mobile number already exists',
  },
  unit_ambiguous: { zh: '有多个同名单位，无法确定', en: 'Several units have this name' },
  parent_cycle: { zh: '上级单位形成循环', en: 'Parent units form a loop' },
  column_missing: { zh: '缺少此列', en: 'This column is missing' },
  sheet_missing: {
    zh: '找不到“单位”或“人员”工作表，请使用导入模板',
    en: 'No “单位” (Units) or “人员” (People) sheet; use the import template',
  },
  file_empty: { zh: '文件中没有数据', en: 'The file has no data rows' },
  too_many_rows: { zh: '行数过多（最多 {max} 行）', en: 'Too many rows (at most {max})' },
  more_errors: { zh: '另有 {count} 处错误未列出', en: '{count} more errors not listed' },
} as const satisfies Record<string, Label>;

export type ValidationMessage = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: string, locale: Locale): string {
  const m = (VALIDATION_MESSAGES as Record<string, Label>)[code];
  if (!m) return code;
  return locale === 'en-US' ? m.en : m.zh;
}
