import type { ActivityType, Attendance, ParticipantRole, RecordKind } from './activity-schemas.ts';
import type { BodyKind, BodyLevel, DeputyLevel, Gender, MembershipRole, UnitKind } from './enums.ts';
import type { Locale } from './errors.ts';
import type { Role } from './roles.ts';
import type { WarningLevel } from './tracking/engine.ts';
import type { KeyStage } from './tracking/key-proposals.ts';
import type { MatterAction, MatterSource, MatterState, RectificationStatus } from './tracking/matters.ts';
import type {
  InstructionLevel,
  ReportAction,
  ReportLevel,
  ReportState,
  ReportSubmitterKind,
} from './tracking/opinion-reports.ts';
import type {
  ContactMethod,
  ConversionTarget,
  DEFAULT_RATINGS,
  DEFAULT_REJECT_REASONS,
  DEFAULT_RESULT_CATEGORIES,
  HandlingUnit,
  ProposalAction,
  ProposalKind,
  ProposalState,
  SubmissionWindow,
  SubmitterKind,
} from './tracking/proposals.ts';

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
  // Proposals (提案) and deputy suggestions (建议) share one machine; `suggestionState`/`suggestionAction`
  // hold the NPC wording where it differs (see proposalLabel).
  proposalKind: {
    proposal: { zh: '提案', en: 'Proposal' },
    suggestion: { zh: '代表建议', en: 'Deputy suggestion' },
  } satisfies Record<ProposalKind, Label>,
  proposalState: {
    draft: { zh: '草稿', en: 'Draft' },
    collecting_signatures: { zh: '联名征集中', en: 'Collecting co-signatures' },
    submitted: { zh: '待审查', en: 'Awaiting review' },
    returned: { zh: '退回修改', en: 'Returned for revision' },
    conversion_offered: { zh: '拟转办待确认', en: 'Conversion awaiting consent' },
    rejected: { zh: '不予立案', en: 'Not accepted' },
    converted: { zh: '已转办', en: 'Converted' },
    merged: { zh: '已并案', en: 'Merged' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    accepted: { zh: '已立案', en: 'Accepted' },
    assigned: { zh: '已交办', en: 'Assigned' },
    objected: { zh: '单位有异议', en: 'Objected' },
    handling: { zh: '办理中', en: 'Being handled' },
    reply_submitted: { zh: '答复待审核', en: 'Reply submitted' },
    replied: { zh: '已答复', en: 'Replied' },
    following_up: { zh: '跟踪落实', en: 'Followed up' },
    closed: { zh: '已办结', en: 'Closed' },
  } satisfies Record<ProposalState, Label>,
  suggestionState: {
    submitted: { zh: '待受理', en: 'Awaiting registration' },
    rejected: { zh: '不作为建议处理', en: 'Not registered as a suggestion' },
    accepted: { zh: '已受理', en: 'Registered' },
  } satisfies Partial<Record<ProposalState, Label>>,
  proposalAction: {
    submit: { zh: '提交', en: 'Submit' },
    confirm_signature: { zh: '确认联名', en: 'Confirm co-signature' },
    decline_signature: { zh: '拒绝联名', en: 'Decline co-signature' },
    close_signatures: { zh: '联名截止', en: 'Close co-signing' },
    withdraw: { zh: '撤回', en: 'Withdraw' },
    accept: { zh: '立案', en: 'Accept' },
    reject: { zh: '不予立案', en: 'Reject' },
    return_for_revision: { zh: '退回修改', en: 'Return for revision' },
    offer_conversion: { zh: '建议转办', en: 'Offer conversion' },
    accept_conversion: { zh: '同意转办', en: 'Consent to conversion' },
    decline_conversion: { zh: '不同意转办', en: 'Refuse conversion' },
    merge: { zh: '并案', en: 'Merge' },
    absorb: { zh: '并入相似件', en: 'Take in similar items' },
    assign: { zh: '交办', en: 'Assign' },
    receive: { zh: '签收', en: 'Receive' },
    object: { zh: '提出异议', en: 'Object' },
    reassign: { zh: '改办', en: 'Reassign' },
    dismiss_objection: { zh: '驳回异议', en: 'Dismiss objection' },
    record_contact: { zh: '登记沟通联系', en: 'Record contact' },
    send_opinion: { zh: '提交会办意见', en: 'Send co-handling opinion' },
    request_extension: { zh: '申请延期', en: 'Request extension' },
    approve_extension: { zh: '批准延期', en: 'Approve extension' },
    reject_extension: { zh: '不予延期', en: 'Reject extension' },
    submit_reply: { zh: '提交答复', en: 'Submit reply' },
    countersign: { zh: '会签', en: 'Countersign' },
    return_reply: { zh: '退回答复', en: 'Return reply' },
    approve_reply: { zh: '审核答复', en: 'Approve reply' },
    rate: { zh: '满意度测评', en: 'Rate' },
    final_answer: { zh: '落实情况再答复', en: 'Final answer' },
    close: { zh: '办结', en: 'Close' },
    mark_key: { zh: '设定重点提案', en: 'Mark as key' },
    urge: { zh: '催办', en: 'Urge' },
  } satisfies Record<ProposalAction, Label>,
  suggestionAction: {
    accept: { zh: '受理', en: 'Register' },
    reject: { zh: '不作为建议处理', en: 'Do not register' },
    mark_key: { zh: '设定重点督办建议', en: 'Mark as key' },
  } satisfies Partial<Record<ProposalAction, Label>>,
  submitterKind: {
    individual: { zh: '个人', en: 'Individual' },
    joint: { zh: '联名', en: 'Joint' },
    sector: { zh: '界别', en: 'Sector' },
    party: { zh: '党派', en: 'Party' },
    organisation: { zh: '人民团体', en: 'People’s organisation' },
    committee: { zh: '专门委员会', en: 'Special committee' },
    delegation: { zh: '代表团', en: 'Delegation' },
  } satisfies Record<SubmitterKind, Label>,
  submissionWindow: {
    plenary: { zh: '大会期间', en: 'Plenary session' },
    year_round: { zh: '平时', en: 'Between sessions' },
  } satisfies Record<SubmissionWindow, Label>,
  conversionTarget: {
    opinion_report: { zh: '社情民意信息', en: 'Public-opinion report' },
    letter: { zh: '来信', en: 'Letter' },
  } satisfies Record<ConversionTarget, Label>,
  contactMethod: {
    visit: { zh: '走访', en: 'Visit' },
    phone: { zh: '电话', en: 'Phone' },
    meeting: { zh: '座谈', en: 'Meeting' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<ContactMethod, Label>,
  handlingRole: {
    lead: { zh: '主办', en: 'Lead' },
    co: { zh: '会办', en: 'Co-handling' },
    separate: { zh: '分办', en: 'Separate' },
  } satisfies Record<HandlingUnit['role'], Label>,
  rejectReason: {
    state_secrets: { zh: '涉及国家秘密', en: 'Involves state secrets' },
    personal_matters: { zh: '涉及个人事务', en: 'Personal matter' },
    litigation: { zh: '涉及诉讼或司法处理中的案件', en: 'Case in litigation' },
    academic_debate: { zh: '属于学术探讨', en: 'Academic debate' },
    product_promotion: { zh: '宣传推介产品', en: 'Product promotion' },
    empty_content: { zh: '内容空泛，没有具体建议', en: 'No concrete content' },
    multiple_matters: { zh: '一案多事', en: 'More than one matter' },
    outside_remit: { zh: '不属于本级职权范围', en: 'Outside this level’s remit' },
  } satisfies Record<(typeof DEFAULT_REJECT_REASONS)[number], Label>,
  resultCategory: {
    A: { zh: 'A 已经解决或基本解决', en: 'A Solved or mostly solved' },
    B: { zh: 'B 正在解决或列入计划', en: 'B Being solved or planned' },
    C: { zh: 'C 因条件限制以后解决', en: 'C To be solved when conditions allow' },
    D: { zh: 'D 留作参考', en: 'D Kept for reference' },
  } satisfies Record<(typeof DEFAULT_RESULT_CATEGORIES)[number], Label>,
  proposalRating: {
    satisfied: { zh: '满意', en: 'Satisfied' },
    basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
    unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  } satisfies Record<(typeof DEFAULT_RATINGS)[number], Label>,
  // Where a key proposal (重点提案) stands: the step being worked on (tracking/key-proposals.ts).
  keyStage: {
    review: { zh: '待立案', en: 'Awaiting acceptance' },
    assignment: { zh: '待交办', en: 'Awaiting assignment' },
    contact: { zh: '待联系提案人', en: 'Proposer to be contacted' },
    reply: { zh: '待答复', en: 'Awaiting reply' },
    rating: { zh: '待评价', en: 'Awaiting rating' },
    follow_up: { zh: '跟踪落实', en: 'Following up' },
    closed: { zh: '已办结', en: 'Closed' },
    ended: { zh: '已终止', en: 'Ended' },
  } satisfies Record<KeyStage, Label>,
  ratingAspect: {
    overall: { zh: '总体评价', en: 'Overall' },
    attitude: { zh: '办理态度', en: 'Attitude' },
    result: { zh: '办理结果', en: 'Result' },
  } satisfies Record<'overall' | 'attitude' | 'result', Label>,
  reportState: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '待编辑', en: 'Submitted' },
    edited: { zh: '待签批', en: 'Edited' },
    approved: { zh: '已签批', en: 'Approved' },
    forwarded: { zh: '已报送', en: 'Forwarded' },
    instructed: { zh: '获领导批示', en: 'Instructed' },
    declined: { zh: '不予采用', en: 'Not used' },
    archived: { zh: '已归档', en: 'Archived' },
  } satisfies Record<ReportState, Label>,
  reportAction: {
    submit: { zh: '报送', en: 'Submit' },
    edit: { zh: '编辑', en: 'Edit' },
    decline: { zh: '不予采用', en: 'Decline' },
    approve: { zh: '签批', en: 'Approve' },
    forward: { zh: '编发报送', en: 'Forward' },
    record_adoption: { zh: '登记采用', en: 'Record adoption' },
    record_instruction: { zh: '登记领导批示', en: 'Record instruction' },
    record_feedback: { zh: '登记批示落实情况', en: 'Record follow-up' },
    archive: { zh: '归档', en: 'Archive' },
  } satisfies Record<ReportAction, Label>,
  reportSubmitterKind: {
    member: { zh: '委员', en: 'Member' },
    sector: { zh: '界别', en: 'Sector' },
    party: { zh: '党派', en: 'Party' },
    committee: { zh: '专门委员会', en: 'Special committee' },
    organisation: { zh: '人民团体', en: 'People’s organisation' },
  } satisfies Record<ReportSubmitterKind, Label>,
  reportLevel: {
    own_body: { zh: '本级政协', en: 'Own body' },
    higher_cppcc: { zh: '上级政协', en: 'Higher CPPCC' },
    party_government: { zh: '党委、政府', en: 'Party committee and government' },
    provincial: { zh: '省级', en: 'Provincial' },
    national: { zh: '全国', en: 'National' },
  } satisfies Record<ReportLevel, Label>,
  instructionLevel: {
    national: { zh: '国家领导人', en: 'National leader' },
    provincial: { zh: '省级领导', en: 'Provincial leader' },
    city: { zh: '市级领导', en: 'City leader' },
    county: { zh: '县级领导', en: 'County leader' },
  } satisfies Record<InstructionLevel, Label>,
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

/** Proposal wording, with the NPC's words for a deputy suggestion where they differ (受理 for 立案…). */
export function proposalLabel(
  kind: ProposalKind,
  group: 'proposalState' | 'proposalAction',
  value: ProposalState | ProposalAction,
  locale: Locale,
): string {
  const override =
    kind === 'suggestion' ? (group === 'proposalState' ? 'suggestionState' : 'suggestionAction') : null;
  const l =
    (override && (LABELS[override] as Partial<Record<string, Label>>)[value]) ||
    (LABELS[group] as Record<string, Label>)[value]!;
  return locale === 'en-US' ? l.en : l.zh;
}

/**
 * The label of a configurable code (reject reason, result category, rating): the body's own label first,
 * then the default's, then the code itself.
 */
export function codeLabel(
  group: 'rejectReason' | 'resultCategory' | 'proposalRating',
  code: string,
  locale: Locale,
  custom: Record<string, Label> = {},
): string {
  const l = custom[code] ?? (LABELS[group] as Partial<Record<string, Label>>)[code];
  if (!l) return code;
  return locale === 'en-US' ? l.en : l.zh;
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
  // Proposals and suggestions.
  cosigners_required: {
    zh: '联名提出须至少有一位附议人',
    en: 'A joint proposal needs at least one co-signer',
  },
  submission_window_closed: {
    zh: '当前不在提交期内',
    en: 'Submissions are not being received now',
  },
  not_a_cosigner: { zh: '您不是本件的联名人', en: 'You are not a co-signer of this item' },
  already_answered: { zh: '您已答复过联名邀请', en: 'You have already answered' },
  signature_window_passed: { zh: '联名确认已截止', en: 'The co-signing window has passed' },
  signature_window_open: { zh: '联名确认尚未截止', en: 'The co-signing window is still open' },
  unknown_reject_reason: { zh: '请从本机关设定的理由中选择', en: 'Choose one of the configured reasons' },
  unknown_conversion_target: { zh: '不支持转为该类型', en: 'This conversion is not offered' },
  consent_note_required: {
    zh: '代为确认转办时须注明提出人同意的方式',
    en: 'Say how the proposer gave consent',
  },
  merge_chain: {
    zh: '已并入其他件的主件不能再并入别处，请将其他件并入本件',
    en: 'This item has taken in others; merge others into it instead',
  },
  already_merged: { zh: '该件已并入', en: 'Already merged' },
  duplicate_unit: { zh: '同一单位不能重复指定', en: 'A unit is listed twice' },
  not_your_unit: {
    zh: '您所在单位不是本件的相应承办单位',
    en: 'Your unit does not handle this item in this role',
  },
  already_received: { zh: '已签收或已办理，不能再提出异议', en: 'Already taken up' },
  already_objected: { zh: '本单位已提出过异议', en: 'Your unit has already objected' },
  date_in_future: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  session_incomplete: { zh: '届次和会次须同时填写', en: 'Give both the term and the meeting' },
  extension_too_long: {
    zh: '延期后的总办理期限超过上限',
    en: 'The extended deadline passes the longest handling time allowed',
  },
  unknown_category: {
    zh: '请从本机关设定的办理结果类别中选择',
    en: 'Choose one of the configured categories',
  },
  already_replied: { zh: '本单位本轮已答复', en: 'Your unit has already replied in this round' },
  no_reply_yet: { zh: '该单位尚无经审核的答复', en: 'This unit has no approved reply yet' },
  contact_required: { zh: '答复前须与提出人沟通联系', en: 'Contact the proposer before replying' },
  co_opinions_missing: {
    zh: '会办单位意见尚未全部收到（期限未到）',
    en: 'Co-handling units’ opinions are still due',
  },
  reply_file_required: { zh: '请上传盖章的答复函', en: 'Attach the sealed reply letter' },
  already_countersigned: { zh: '本单位已会签', en: 'Your unit has already countersigned' },
  countersign_missing: { zh: '会办单位尚未全部会签', en: 'Not all co-handling units have countersigned' },
  rating_missing: { zh: '请对每个答复单位进行测评', en: 'Rate every replying unit' },
  rating_required: { zh: '请选择评价', en: 'Choose a rating' },
  unknown_rating: { zh: '评价不在本机关设定的选项中', en: 'Not one of the configured ratings' },
  not_followed_up: { zh: '本单位的答复无需跟踪落实', en: 'Your unit’s reply is not being followed up' },
  final_category_required: {
    zh: '再答复须说明已解决或最终结果',
    en: 'A final answer needs a final category',
  },
  supervisor_required: { zh: '重点提案须指定督办领导', en: 'A key proposal needs a supervising leader' },
  // Public-opinion reports.
  report_empty: { zh: '内容不能为空', en: 'The text is empty' },
  report_too_long: { zh: '超过字数上限', en: 'Longer than the limit' },
  unknown_level: { zh: '本机关未设定该层级', en: 'This level is not configured' },
  already_forwarded: { zh: '已向该层级报送', en: 'Already forwarded to this level' },
  already_adopted: { zh: '该层级的采用已登记', en: 'Adoption at this level is already recorded' },
  unknown_instruction: { zh: '批示不存在', en: 'Unknown instruction' },
  feedback_missing: {
    zh: '每条批示须登记落实情况后才能归档',
    en: 'Record the follow-up of every instruction first',
  },
  // Reference checks of the server's tracked-item engine.
  unknown_item: { zh: '事项不存在', en: 'No such item' },
  merge_self: { zh: '不能与自身并案', en: 'An item cannot be merged into itself' },
  merge_target_invalid: {
    zh: '并案目标当前不能接收并案',
    en: 'The target cannot take in merged items in its current state',
  },
  cosigner_is_proposer: { zh: '联名人不能是提案人本人', en: 'The proposer cannot co-sign their own item' },
  duplicate_person: { zh: '人员重复', en: 'The same person is named twice' },
} as const satisfies Record<string, Label>;

export type ValidationMessage = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: string, locale: Locale): string {
  const m = (VALIDATION_MESSAGES as Record<string, Label>)[code];
  if (!m) return code;
  return locale === 'en-US' ? m.en : m.zh;
}
