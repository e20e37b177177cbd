import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  FrameWrap,
  Header,
  HeightRule,
  HorizontalPositionAlign,
  type IBorderOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
  WidthType,
} from 'docx';

/**
 * Official documents in the layout of GB/T 9704-2012 (党政机关公文格式): the standard 文件 format for
 * notices to subordinate units, and the 信函 (letter) format for bodies that are not subordinate
 * (an NPC standing committee writing to a government department).
 */

const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** A4 and the type area of §5.2: 156 mm × 225 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;
const TYPE_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const TYPE_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
/** 22 lines of 3号 per page: 225 mm / 22. */
export const LINE_PITCH = Math.floor(mm(225) / 22);
/**
 * 28 characters of 16 pt need 158 mm, the type area is 156 mm: 3号 text is condensed by this many twips a
 * character. (Word's character grid would do the same, but LibreOffice lays such grids out far too wide.)
 */
const CONDENSE = Math.floor(TYPE_WIDTH / 28) - 320;

/** Sizes in half-points (3号 = 16 pt). */
export const SIZE = { 初号: 84, 小初: 72, 一号: 52, 二号: 44, 三号: 32, 四号: 28 } as const;
const CHAR = 320; // one 3号 character, in twips: indents of 空二字 etc.

/**
 * Fonts of the standard, as East Asian fonts (w:eastAsia); Latin letters and digits use Times New Roman.
 * A machine without the GB fonts substitutes its own CJK fonts; the layout does not depend on them.
 */
export const FONTS = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
} as const;
type FontName = (typeof FONTS)[keyof typeof FONTS];

export const RED = 'FF0000';

function font(eastAsia: FontName) {
  return {
    ascii: 'Times New Roman',
    hAnsi: 'Times New Roman',
    cs: 'Times New Roman',
    eastAsia,
    hint: 'eastAsia',
  };
}

function run(text: string, f: FontName, size: number, extra: { color?: string; bold?: boolean } = {}) {
  return new TextRun({
    text,
    font: font(f),
    size,
    ...(size === SIZE.三号 ? { characterSpacing: CONDENSE } : {}),
    ...extra,
  });
}

const exact = (line = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const blank = (n = 1) => Array.from({ length: n }, () => new Paragraph({ spacing: exact(), children: [] }));

export type Block =
  | { kind: 'p'; text: string }
  /** 一、 in 黑体 */
  | { kind: 'h1'; text: string }
  /** （一） in 楷体 */
  | { kind: 'h2'; text: string }
  /** 1. or （1） in 仿宋 */
  | { kind: 'h3'; text: string };

export interface OfficialDocument {
  /** 文件 (standard) or 信函 (letter) format. */
  format: 'document' | 'letter';
  /** 发文机关标志: 「…文件」 in the standard format, the body's name in the letter format. */
  mark: string;
  /** 发文字号, e.g. 江人大督〔2025〕1号. */
  number: string;
  /**
   * Letter format only: lines 顶格居版心左边缘 on the number's lines (the standard's place for 密级 and
   * 紧急程度; a proposal's reply puts its result category there, e.g. 答复类别：A).
   */
  headLeft?: string[] | undefined;
  /** Letter format only: 签发人, under the number at the right edge. */
  signer?: string | undefined;
  title: string;
  /**
   * Where the title breaks when it does not fit one line (§7.3.1: 回行时词意完整、排列对称): its lines,
   * which together are the title. Without them the title wraps where the line is full.
   */
  titleLines?: string[] | undefined;
  /** 主送机关, ending with ：. */
  addressee: string;
  body: Block[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期 in Arabic numerals: 2025年8月12日. */
  date: string;
  /** 附注 without brackets, e.g. 联系人：张三，电话：0750-1234567. */
  note?: string | undefined;
  /** 抄送机关. */
  copyTo: string[];
  /** 印发机关 and 印发日期 of the standard format's 版记. */
  printed?: { by: string; date: string } | undefined;
}

/** Width of a line of text in 3号 characters (half for Latin letters and digits), for 居中 over the date. */
function widthInChars(s: string) {
  return [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
}

/** The mark at the largest size (≤ 42 pt, §7.2.2: no wider than 15 mm a character) that fits one line. */
function markSize(text: string, widthTwips: number) {
  const perChar = Math.floor((widthTwips / widthInChars(text) / 20) * 2); // half-points
  return Math.max(SIZE.二号, Math.min(84, perChar - 2));
}

function bodyParagraph(b: Block) {
  const indent = { firstLine: 2 * CHAR };
  const f = b.kind === 'h1' ? FONTS.heiti : b.kind === 'h2' ? FONTS.kaiti : FONTS.fangsong;
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent,
    spacing: exact(),
    children: [run(b.text, f, SIZE.三号)],
  });
}

function pageNumberFooter(side: 'odd' | 'even') {
  // §7.5.1: 4号半角宋体 digits between two 一字线, 7 mm below the type area; odd pages 右空一字, even 左空一字.
  const children: ParagraphChild[] = [
    run('— ', FONTS.songti, SIZE.四号),
    new TextRun({ children: [PageNumber.CURRENT], font: font(FONTS.songti), size: SIZE.四号 }),
    run(' —', FONTS.songti, SIZE.四号),
  ];
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children,
      }),
    ],
  });
}

const redRule = (style: IBorderOptions['style'], size: number, space: number): IBorderOptions => ({
  style,
  size,
  space,
  color: RED,
});

/** The 版头 of the standard format: mark, two blank lines, the number centred, the red rule 4 mm below. */
function standardHead(d: OfficialDocument): Paragraph[] {
  const size = markSize(d.mark, TYPE_WIDTH);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(size * 10 * 1.25), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(d.mark, FONTS.xiaobiaosong, size, { color: RED })],
    }),
    ...blank(2),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(),
      border: { bottom: redRule(BorderStyle.SINGLE, 12, 11) },
      children: [run(d.number, FONTS.fangsong, SIZE.三号)],
    }),
  ];
}

/**
 * The letter format's first page (§10.1): the mark 30 mm from the top with a red double rule (上粗下细)
 * 4 mm below it, both 170 mm long, in the first page's header; a red double rule (上细下粗) 20 mm from the
 * bottom in its footer; no page number on the first page.
 */
function letterHeader(d: OfficialDocument) {
  const wide = { left: -mm(8), right: -mm(6) }; // 170 mm centred on the page
  const size = markSize(d.mark, mm(170));
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: wide,
        spacing: { line: Math.round(size * 10 * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        border: { bottom: redRule(BorderStyle.THICK_THIN_SMALL_GAP, 24, 11) },
        children: [run(d.mark, FONTS.xiaobiaosong, size, { color: RED })],
      }),
    ],
  });
}

function letterFooter() {
  return new Footer({
    children: [
      new Paragraph({
        indent: { left: -mm(8), right: -mm(6) },
        spacing: { line: 40, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        border: { bottom: redRule(BorderStyle.THIN_THICK_SMALL_GAP, 24, 0) },
        children: [],
      }),
    ],
  });
}

/** 发文机关署名 centred over 成文日期, which is 右空四字 (§7.3.5.1, documents that bear a seal). */
function signatureAndDate(d: OfficialDocument): Paragraph[] {
  const dateRight = 4 * CHAR;
  const sigRight = Math.max(0, dateRight + ((widthInChars(d.date) - widthInChars(d.signature)) / 2) * CHAR);
  return [
    ...blank(2),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(sigRight) },
      spacing: exact(),
      children: [run(d.signature, FONTS.fangsong, SIZE.三号)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: dateRight },
      spacing: exact(),
      children: [run(d.date, FONTS.fangsong, SIZE.三号)],
    }),
  ];
}

/**
 * The letter's 版记 is only the 抄送 line: a paragraph framed at the bottom of the type area (a framed
 * paragraph, unlike a floating table, stays at the bottom in LibreOffice too).
 */
function letterCopyTo(copyTo: string[]) {
  return new Paragraph({
    frame: {
      type: 'alignment',
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      width: TYPE_WIDTH,
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      wrap: FrameWrap.NOT_BESIDE,
    },
    indent: { left: 280 + 3 * 280, hanging: 3 * 280, right: 280 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run(`抄送：${copyTo.join('，')}。`, FONTS.fangsong, SIZE.四号)],
  });
}

/** Lines a 4号 line of the 版记 takes, so that its table can be placed exactly at the bottom. */
function linesOf(text: string, hanging: number) {
  const perLine = (TYPE_WIDTH - 2 * 280) / 280;
  const w = widthInChars(text);
  return w <= perLine ? 1 : 1 + Math.ceil((w - perLine) / (perLine - hanging / 280));
}

/**
 * 版记 (§7.4) at the foot of the last page's type area (a table floating at the margin's bottom): 抄送 and
 * 印发 in 4号仿宋, 左右各空一字, between full-width rules (thick first and last, thin between). The
 * letter format's 版记 has neither rules nor 印发 (§10.1).
 */
function colophon(d: OfficialDocument): (Table | Paragraph)[] {
  const letter = d.format === 'letter';
  const printed = letter ? undefined : d.printed;
  if (!d.copyTo.length && !printed) return [];
  if (letter) return [letterCopyTo(d.copyTo)];
  const heights: number[] = [];
  const cell = (text: string, extra: { hanging?: number; tab?: boolean } = {}) => {
    heights.push(linesOf(text, extra.hanging ?? 0) * 560 + 120);
    return new TableRow({
      height: { value: heights.at(-1)!, rule: HeightRule.EXACT },
      children: [
        new TableCell({
          width: { size: TYPE_WIDTH, type: WidthType.DXA },
          margins: { left: 280, right: 280, top: 60, bottom: 60 },
          children: [
            new Paragraph({
              indent: { left: extra.hanging ?? 0, hanging: extra.hanging ?? 0 },
              spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
              ...(extra.tab
                ? { tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - 2 * 280 }] }
                : {}),
              children: [run(text, FONTS.fangsong, SIZE.四号)],
            }),
          ],
        }),
      ],
    });
  };
  const rows: TableRow[] = [];
  // 回行时与冒号后的首字对齐: the hanging indent is the width of 「抄送：」.
  if (d.copyTo.length) rows.push(cell(`抄送：${d.copyTo.join('，')}。`, { hanging: 3 * 280 }));
  if (printed) rows.push(cell(`${printed.by}\t${printed.date}印发`, { tab: true }));
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
  return [
    ...blank(1),
    new Table({
      rows,
      width: { size: TYPE_WIDTH, type: WidthType.DXA },
      columnWidths: [TYPE_WIDTH],
      layout: TableLayoutType.FIXED,
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        // Word puts it at the bottom (tblpYSpec; tblpY for readers without it). LibreOffice 7 lays such a
        // table inline, just after the text: still legible, only not at the foot of the page.
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        absoluteVerticalPosition: TYPE_HEIGHT - heights.reduce((a, b) => a + b, 0),
      },
      borders: {
        top: line(8),
        bottom: line(8),
        insideHorizontal: line(6),
        left: none,
        right: none,
        insideVertical: none,
      },
    }),
    // A floating table is anchored to the paragraph after it (and a body never ends with a table).
    new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
  ];
}

/**
 * The letter format's head (§10.1): the number 顶格居版心右边缘, 7/8 of a 3号 character below the first
 * double rule, 签发人 under it; the left lines 顶格居版心左边缘 beside them.
 */
function letterHead(d: OfficialDocument): Paragraph[] {
  const right: ParagraphChild[][] = [];
  if (d.number) right.push([run(d.number, FONTS.fangsong, SIZE.三号)]);
  // §7.2.4: 「签发人」 in 仿宋, the name in 楷体.
  if (d.signer)
    right.push([run('签发人：', FONTS.fangsong, SIZE.三号), run(d.signer, FONTS.kaiti, SIZE.三号)]);
  const left = d.headLeft ?? [];
  const rows = Math.max(1, left.length, right.length);
  return Array.from({ length: rows }, (_, i) => {
    const l = left[i];
    const r = right[i];
    return new Paragraph({
      alignment: l ? AlignmentType.LEFT : AlignmentType.RIGHT,
      tabStops: l && r ? [{ type: TabStopType.RIGHT, position: TYPE_WIDTH }] : undefined,
      spacing: { ...exact(), before: i === 0 ? 280 : 0 },
      children: [
        ...(l ? [run(l, FONTS.fangsong, SIZE.三号)] : []),
        ...(l && r ? [new TextRun({ children: [new Tab()] })] : []),
        ...(r ?? []),
      ],
    });
  });
}

/** The title in 2号小标宋, broken at its given lines when it is wider than the type area. */
function titleRuns(d: OfficialDocument): TextRun[] {
  const perLine = Math.floor(TYPE_WIDTH / (SIZE.二号 * 10));
  const lines = d.titleLines && widthInChars(d.title) > perLine ? d.titleLines : [d.title];
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        font: font(FONTS.xiaobiaosong),
        size: SIZE.二号,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

/** Lays the document out and packs it as .docx. */
export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const letter = d.format === 'letter';
  const head = letter ? letterHead(d) : standardHead(d);
  const children = [
    ...head,
    ...blank(2),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: titleRuns(d),
    }),
    ...blank(1),
    new Paragraph({ spacing: exact(), children: [run(d.addressee, FONTS.fangsong, SIZE.三号)] }),
    ...d.body.map(bodyParagraph),
    ...signatureAndDate(d),
    ...(d.note
      ? [
          new Paragraph({
            indent: { firstLine: 2 * CHAR },
            spacing: exact(),
            children: [run(`（${d.note}）`, FONTS.fangsong, SIZE.三号)],
          }),
        ]
      : []),
    ...colophon(d),
  ];

  const doc = new Document({
    creator: d.signature,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.fangsong), size: SIZE.三号 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              // The letter's mark sits 30 mm from the top edge; a standard document has no header.
              header: letter ? mm(30) : mm(15),
              // Page numbers 7 mm under the type area; the letter's bottom rule 20 mm from the edge.
              footer: letter ? mm(20) : mm(22),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
          titlePage: letter,
        },
        headers: letter ? { first: letterHeader(d), default: new Header({ children: [] }) } : undefined,
        footers: {
          default: pageNumberFooter('odd'),
          even: pageNumberFooter('even'),
          ...(letter ? { first: letterFooter() } : {}),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
