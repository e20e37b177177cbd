import { LABELS, type LabelGroup, type Locale } from '@yiting/domain';

/**
 * The layout of the import template, which is also the layout of every export, so that an exported
 * file can be imported again (into another body). Headers are Chinese on the first row with English
 * on the second; the reader finds columns by header text (either language), not by position.
 */

export type ColumnKind = 'text' | 'date' | 'enum' | 'phone';

export interface ColumnDef<K extends string = string> {
  key: K;
  zh: string;
  en: string;
  required?: boolean;
  kind: ColumnKind;
  /** For enum columns: the label group whose zh labels fill the drop-down. */
  group?: LabelGroup;
  width: number;
  /** Shown as the header cell's comment: how to fill the column. */
  hint: { zh: string; en: string };
}

export const UNIT_COLUMNS = [
  {
    key: 'name',
    zh: '名称',
    en: 'Name',
    required: true,
    kind: 'text',
    width: 28,
    hint: { zh: '单位全称，本机关内不得重复', en: 'Full name, unique within the body' },
  },
  {
    key: 'shortName',
    zh: '简称',
    en: 'Short name',
    kind: 'text',
    width: 14,
    hint: { zh: '可不填', en: 'Optional' },
  },
  {
    key: 'kind',
    zh: '类别',
    en: 'Kind',
    required: true,
    kind: 'enum',
    group: 'unitKind',
    width: 16,
    hint: { zh: '从下拉列表中选择', en: 'Pick from the list' },
  },
  {
    key: 'parent',
    zh: '上级单位',
    en: 'Parent unit',
    kind: 'text',
    width: 24,
    hint: {
      zh: '填写本机关已有单位或本表中单位的名称；可不填',
      en: 'Name of an existing unit of the body or of a unit in this sheet; optional',
    },
  },
  { key: 'phone', zh: '电话', en: 'Phone', kind: 'phone', width: 16, hint: { zh: '可不填', en: 'Optional' } },
  {
    key: 'address',
    zh: '地址',
    en: 'Address',
    kind: 'text',
    width: 30,
    hint: { zh: '可不填', en: 'Optional' },
  },
] as const satisfies readonly ColumnDef[];

export const PERSON_COLUMNS = [
  {
    key: 'name',
    zh: '姓名',
    en: 'Name',
    required: true,
    kind: 'text',
    width: 10,
    hint: {
      zh: '必填。同一人有多个身份时，每个身份一行，姓名和手机相同的行视为同一人',
      en: 'Required. One row per role; rows with the same name and mobile are one person',
    },
  },
  {
    key: 'gender',
    zh: '性别',
    en: 'Gender',
    kind: 'enum',
    group: 'gender',
    width: 6,
    hint: { zh: '男或女', en: 'Male or female' },
  },
  {
    key: 'birthDate',
    zh: '出生日期',
    en: 'Date of birth',
    kind: 'date',
    width: 12,
    hint: { zh: '如 1970-01-31', en: 'e.g. 1970-01-31' },
  },
  {
    key: 'ethnicity',
    zh: '民族',
    en: 'Ethnicity',
    kind: 'text',
    width: 8,
    hint: { zh: '如 汉族', en: 'e.g. 汉族' },
  },
  {
    key: 'party',
    zh: '党派',
    en: 'Party',
    kind: 'text',
    width: 12,
    hint: { zh: '如 中共党员', en: 'e.g. 中共党员' },
  },
  {
    key: 'organization',
    zh: '工作单位',
    en: 'Organisation',
    kind: 'text',
    width: 24,
    hint: { zh: '本人工作单位', en: 'Where the person works' },
  },
  {
    key: 'position',
    zh: '职务',
    en: 'Position',
    kind: 'text',
    width: 14,
    hint: { zh: '在工作单位的职务', en: 'Position at the organisation' },
  },
  {
    key: 'phone',
    zh: '手机',
    en: 'Mobile',
    kind: 'phone',
    width: 14,
    hint: { zh: '如 13800000000', en: 'e.g. 13800000000' },
  },
  { key: 'email', zh: '邮箱', en: 'Email', kind: 'text', width: 20, hint: { zh: '可不填', en: 'Optional' } },
  {
    key: 'role',
    zh: '身份',
    en: 'Role',
    kind: 'enum',
    group: 'membershipRole',
    width: 14,
    hint: {
      zh: '从下拉列表中选择。人大代表须填代表层级，政协委员须填界别',
      en: 'Pick from the list. A deputy needs a level, a CPPCC member a sector',
    },
  },
  {
    key: 'deputyLevel',
    zh: '代表层级',
    en: 'Deputy level',
    kind: 'enum',
    group: 'deputyLevel',
    width: 14,
    hint: { zh: '身份为人大代表时必填', en: 'Required for deputies' },
  },
  {
    key: 'delegation',
    zh: '代表团',
    en: 'Delegation',
    kind: 'text',
    width: 16,
    hint: { zh: '如 蓬江区代表团', en: 'e.g. 蓬江区代表团' },
  },
  {
    key: 'sector',
    zh: '界别',
    en: 'Sector',
    kind: 'text',
    width: 14,
    hint: { zh: '身份为政协委员时必填', en: 'Required for CPPCC members' },
  },
  {
    key: 'unit',
    zh: '所属单位',
    en: 'Unit',
    kind: 'text',
    width: 24,
    hint: {
      zh: '本机关已有单位、“单位”表中的单位或政府部门的名称；可不填',
      en: 'A unit of the body, of the Units sheet, or a government department; optional',
    },
  },
  {
    key: 'title',
    zh: '单位职务',
    en: 'Title in unit',
    kind: 'text',
    width: 14,
    hint: { zh: '在所属单位的职务，如 主任委员', en: 'Title in the unit, e.g. 主任委员' },
  },
  {
    key: 'startDate',
    zh: '任职开始',
    en: 'Start date',
    kind: 'date',
    width: 12,
    hint: { zh: '如 2021-10-01', en: 'e.g. 2021-10-01' },
  },
  {
    key: 'endDate',
    zh: '任职结束',
    en: 'End date',
    kind: 'date',
    width: 12,
    hint: { zh: '不早于任职开始；可不填', en: 'Not before the start date; optional' },
  },
  { key: 'notes', zh: '备注', en: 'Notes', kind: 'text', width: 24, hint: { zh: '可不填', en: 'Optional' } },
] as const satisfies readonly ColumnDef[];

export type UnitColumn = (typeof UNIT_COLUMNS)[number]['key'];
export type PersonColumn = (typeof PERSON_COLUMNS)[number]['key'];

export const SHEETS = {
  units: { zh: '单位', en: 'Units', columns: UNIT_COLUMNS as readonly ColumnDef<UnitColumn>[] },
  people: { zh: '人员', en: 'People', columns: PERSON_COLUMNS as readonly ColumnDef<PersonColumn>[] },
} as const;
export type SheetKey = keyof typeof SHEETS;

export const GUIDE_SHEET = '填写说明';

/** The first data row: row 1 holds the Chinese headers, row 2 the English ones. */
export const FIRST_DATA_ROW = 3;

/** The zh labels of an enum column, in declaration order (the drop-down list). */
export function choices(group: LabelGroup): string[] {
  return Object.values(LABELS[group] as Record<string, { zh: string }>).map((l) => l.zh);
}

export function columnLabel(sheet: SheetKey, key: string, locale: Locale): string {
  const def = SHEETS[sheet].columns.find((c) => c.key === key);
  if (!def) return key;
  return locale === 'en-US' ? def.en : def.zh;
}

/** Header text as typed by people: required marks, spaces and a second line are ignored. */
export function normaliseHeader(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').replace(/[*＊\s]/g, '').toLowerCase();
}

/** The column a header names, in either language or by its identifier. */
export function columnOfHeader<K extends string>(
  columns: readonly ColumnDef<K>[],
  text: string,
): K | undefined {
  const h = normaliseHeader(text);
  if (!h) return undefined;
  return columns.find(
    (c) => normaliseHeader(c.zh) === h || normaliseHeader(c.en) === h || c.key.toLowerCase() === h,
  )?.key;
}
